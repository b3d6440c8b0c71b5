"""Browser: the candidate says when they can; the recruiter sees it and offers it on one click."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from takt.core.models import Change
from takt.hiring import employer
from takt.outbox.models import Message
from tests.e2e.conftest import sign_in
from tests.mailed_links import mailed_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRIDAY_ONE = datetime(2026, 5, 8, 13, tzinfo=ZoneInfo("Europe/Stockholm")).astimezone(UTC)


@pytest.mark.parametrize("locale", ["sv-SE", "en-GB"])
def test_the_candidates_words_become_a_one_click_offer(
    team, book_interview, new_page, shot, locale
) -> None:
    lang = locale[:2]
    team["candidate"].language = lang
    team["candidate"].save()
    # The team lets one time be an offer, so the candidate's own time can go out alone.
    team["workspace"].policy = {"min_alternatives_employer": 1}
    team["workspace"].save()
    start = (timezone.now() + timedelta(hours=72)).replace(second=0, microsecond=0)
    interview = book_interview(
        start,
        interviewers=[team["recruiter"], team["colleague"]],
        position=team["position"],
        application=team["application"],
    )
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])

    candidate = new_page(locale=locale)
    candidate.goto(f"/c/{mailed_token()}/")
    note = (
        "Ingen av tiderna passar tyvärr. Jag kan fredag efter lunch."
        if lang == "sv"
        else "None of those work, sorry. I can do Friday after lunch."
    )
    candidate.get_by_label(re.compile("När skulle det passa dig|When would suit you")).fill(note)
    candidate.get_by_role(
        "button", name=re.compile("Be om andra tider|Ask for other times")
    ).click()
    understood = (
        "du kan fredag 8 maj kl. 13.00–17.00"
        if lang == "sv"
        else "you can Friday 8 May, 13:00–17:00"
    )
    assert understood in candidate.content()
    shot(candidate, "candidate-told-back")

    page = new_page(locale=locale)
    sign_in(page, "recruiter")
    page.goto(interview.get_absolute_url())
    page.get_by_role("link", name=re.compile("^(Föreslå nya tider|Offer new times)$")).first.click()
    page.get_by_label(re.compile("Skälet|The reason")).fill("Vi behöver en ny tid.")
    page.get_by_role("button", name=re.compile("^(Fortsätt|Continue)$")).click()
    meaning = (
        "Erik kan fredag 8 maj kl. 13.00–17.00"
        if lang == "sv"
        else "Erik can Friday 8 May, 13:00–17:00"
    )
    assert meaning in page.content()
    shot(page, "recruiter-sees-the-proposal")
    page.get_by_role(
        "button", name=re.compile("^(Erbjud den här tiden|Offer this time)$")
    ).first.click()
    if page.locator('input[name="seen"]').count() and "/changes/" in page.url:
        page.get_by_role(
            "button", name=re.compile("^(Erbjud den här tiden|Offer this time)$")
        ).first.click()
    shot(page, "offered")
    offer = Change.objects.filter(interview=interview, state=Change.State.SENT).get()
    assert [a.start for a in offer.alternatives.all()] == [FRIDAY_ONE]
    assert Message.objects.filter(kind=f"employer_offer_{offer.pk}").exists()
