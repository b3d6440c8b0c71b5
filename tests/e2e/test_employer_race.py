"""Browser: two candidates race for one offered time that shares both interviewers.

Each candidate opens their own link in their own browser context (one in
Swedish, one in English) and both pages are loaded before either clicks. Both
clicks are sent without waiting for the other's answer, so the two requests
reach the live server's threads together; whichever commits second must be
refused by the booking check inside its transaction (or, if it arrives after
the commit, by the server's fresh look at what is still free). Nothing on the
loser's page decides: it still offers the taken time when they click.
"""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from takt.core.models import Application, Booking, Interview, Person
from takt.core.schedule import schedule_interview
from takt.hiring import employer
from takt.hiring.models import CandidateLink
from tests.mailed_links import mailed_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOOK = re.compile("^(Boka den här tiden|Book this time)$")
THANKS = re.compile("^(Tack|Thank you)$")


def _offer(team: dict[str, Any], person: Person, at: timedelta, times: list[Any]) -> str:
    """Book `person`, then offer `times`; the path of their candidate link."""
    application = Application.objects.create(position=team["position"], person=person)
    start = (timezone.now() + at).replace(minute=0, second=0, microsecond=0)
    interview = schedule_interview(
        workspace=team["workspace"],
        counterpart=person,
        start=start,
        end=start + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[team["recruiter"], team["colleague"]],
        actor=team["recruiter"],
        position=team["position"],
        application=application,
    )
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Vår chef måste vara med och är bortrest den dagen.",
        actor=team["recruiter"],
    )
    employer.send_offer(change, times, actor=team["recruiter"])
    return f"/c/{mailed_token()}/"


def test_two_candidates_race_for_one_time_and_the_database_picks_one(team, new_page, shot) -> None:
    # Two times each keep the race small; the offer verb holds the team to its own minimum.
    team["workspace"].policy = {"min_alternatives_employer": 2}
    team["workspace"].save(update_fields=["policy"])
    day = (timezone.now() + timedelta(days=8)).replace(hour=9, minute=0, second=0, microsecond=0)
    shared = (day, day + timedelta(hours=1))
    own_a = [(day + timedelta(days=1), day + timedelta(days=1, hours=1))]
    own_b = [(day + timedelta(days=2, hours=2), day + timedelta(days=2, hours=3))]
    sv = Person.objects.create(
        workspace=team["workspace"], name="Sofia Ek", email="sofia@example.se", language="sv"
    )
    en = Person.objects.create(
        workspace=team["workspace"],
        name="Oliver Grant",
        email="oliver@example.co.uk",
        language="en",
        timezone="Europe/London",
    )
    path_sv = _offer(team, sv, timedelta(days=3, hours=2), [shared, *own_a])
    path_en = _offer(team, en, timedelta(days=3, hours=5), [shared, *own_b])

    pages = {"sv": new_page(locale="sv-SE"), "en": new_page(locale="en-GB")}
    for language, path in (("sv", path_sv), ("en", path_en)):
        page = pages[language]
        page.goto(path)
        shot(page, f"{language}-times")
    # Both pages are loaded before anyone clicks; each picks the shared time.
    for language, page in pages.items():
        person = sv if language == "sv" else en
        alternative = (
            CandidateLink.objects.get(interview__counterpart=person)
            .change.alternatives.get(start=shared[0])
            .pk
        )
        page.locator(f'input[name="alternative"][value="{alternative}"]').check()
        shot(page, f"{language}-chosen")

    with (
        pages["sv"].expect_navigation() as sv_answer,
        pages["en"].expect_navigation() as en_answer,
    ):
        pages["sv"].get_by_role("button", name=BOOK).click(no_wait_after=True)
        pages["en"].get_by_role("button", name=BOOK).click(no_wait_after=True)
    answers = {"sv": sv_answer.value, "en": en_answer.value}
    for language, page in pages.items():
        shot(page, f"{language}-answer")

    # No error page for either of them.
    assert all(answer.status < 500 for answer in answers.values())
    winners = [
        language
        for language, page in pages.items()
        if page.get_by_role("heading", name=THANKS).count()
    ]
    assert len(winners) == 1, {k: v.status for k, v in answers.items()}
    winner = winners[0]
    loser = "en" if winner == "sv" else "sv"
    assert answers[winner].status == 200
    assert answers[loser].status == 409
    lost = pages[loser]
    notice = lost.get_by_role("alert")
    assert re.search(
        "Någon annan bokade den tiden alldeles nyss|Someone else booked that time a moment ago",
        notice.inner_text(),
    )
    # The calm answer offers what is left, as choices: their own other time only.
    choices = lost.locator('input[name="alternative"]')
    assert choices.count() == 1
    own = own_a if loser == "sv" else own_b
    remaining = CandidateLink.objects.get(
        interview__counterpart=sv if loser == "sv" else en
    ).change.alternatives.get(start=own[0][0])
    assert choices.first.get_attribute("value") == str(remaining.pk)
    assert lost.get_by_role("button", name=BOOK).is_visible()
    shot(lost, f"{loser}-what-is-left")

    # The database holds the shared time for exactly one interview.
    holders = Interview.objects.filter(start=shared[0], status__in=Interview.ACTIVE)
    assert holders.count() == 1
    assert holders.get().counterpart == (sv if winner == "sv" else en)
    for user in (team["recruiter"], team["colleague"]):
        assert Booking.objects.filter(user=user, active=True, start=shared[0]).count() == 1
    lost_interview = Interview.objects.get(counterpart=sv if loser == "sv" else en)
    assert lost_interview.start != shared[0]
    assert lost_interview.status == Interview.Status.RESCHEDULE_PENDING
    # Refused whole: the loser's link still works for the time that is left.
    assert CandidateLink.objects.get(interview=lost_interview).used_at is None
