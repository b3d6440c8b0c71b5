"""A workspace whose stored policy holds a key that is no rule setting works on every page.

The rule settings in it still count (min_notice_hours 12: twenty hours ahead is
no short notice), the other key never reaches the rules.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.core.models import Change, Position
from takt.hiring import employer
from takt.outbox.models import Message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db

POLICY = {"min_notice_hours": 12, "calendar_colour": "green"}


@pytest.fixture
def coloured(team):
    team["workspace"].policy = POLICY
    team["workspace"].save()
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    return team


def _ok(response) -> str:
    assert response.status_code in (200, 302), response.status_code
    return response.content.decode()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_employer_page_works_and_keeps_the_workspaces_threshold(
    coloured, book, recruiter_client, django_capture_on_commit_callbacks, lang
) -> None:
    team = coloured
    c = recruiter_client
    w, p = team["workspace"].pk, team["position"].pk
    get = {"HTTP_ACCEPT_LANGUAGE": lang}
    for name in ("positions", "position", "employer_add_candidate", "employer_book"):
        args = [w] if name == "positions" else [w, p]
        assert c.get(reverse(name, args=args), **get).status_code == 200
    start = (timezone.now() + timedelta(days=5)).replace(hour=9, minute=0, second=0, microsecond=0)
    booked = c.post(
        reverse("employer_book", args=[w, p]),
        {
            "application": team["application"].pk,
            "interviewers": [team["recruiter"].pk],
            "start": start.astimezone(ZoneInfo("Europe/Stockholm")).strftime("%Y-%m-%dT%H:%M"),
            "minutes": 60,
            "timezone": "Europe/Stockholm",
        },
        **get,
    )
    assert booked.status_code == 302
    # Twenty hours ahead: short notice by the guide's 24, not by this workspace's 12.
    interview = book(hours_ahead=20)
    assert c.get(interview.get_absolute_url(), **get).status_code == 200
    for name in ("employer_cancel", "employer_offer"):
        page = _ok(c.get(reverse(name, args=[w, interview.pk]), **get))
        assert 'data-rule="notice.short"' not in page
    started = c.post(
        reverse("employer_cancel", args=[w, interview.pk]),
        {"reason_category": "conflict", "reason_text": "Vår chef måste vara med."},
        **get,
    )
    page = _ok(c.get(started["Location"], **get))
    assert 'data-rule="notice.short"' not in page
    _ok(c.post(started["Location"], {"reason_text": "Vår chef måste vara med.", "preview": "1"}))
    change = Change.objects.get(interview=interview)
    _ok(c.post(reverse("employer_change_call", args=[w, change.pk]), {"outcome": "reached"}))
    sent = c.post(started["Location"], {"reason_text": "Vår chef måste vara med."}, **get)
    assert sent.status_code == 302, sent.content.decode()[:2000]
    assert Message.objects.filter(interview=interview, kind="employer_cancel").exists()
    offer = c.post(
        reverse("employer_offer", args=[w, interview.pk]),
        {"reason_category": "conflict", "reason_text": "Vår chef måste vara med."},
        **get,
    )
    _ok(c.get(offer["Location"], **get))
    withdrawn = Change.objects.get(interview=interview, kind=Change.Kind.RESCHEDULE)
    _ok(c.post(reverse("employer_withdraw", args=[w, withdrawn.pk]), **get))
    withdrawn.refresh_from_db()
    assert withdrawn.state == Change.State.WITHDRAWN
    assert c.get(reverse("employer_fill", args=[w, p]), **get).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        c.post(reverse("employer_fill", args=[w, p]), {}, **get)
    assert c.get(reverse("employer_filled", args=[w, p]), **get).status_code == 200
    call = reverse("employer_call_candidate", args=[w, p, team["application"].pk])
    _ok(c.post(call, {"outcome": "reached"}, **get))
    _ok(c.post(reverse("employer_resume", args=[w, p]), **get))
    _ok(c.post(reverse("employer_close", args=[w, p]), **get))
    assert Position.objects.get(pk=p).status in (Position.Status.FILLED, Position.Status.CLOSED)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_candidate_page_works_with_the_other_key(coloured, book, lang) -> None:
    team = coloured
    interview = book(hours_ahead=20)
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    # No notice.short to acknowledge: twenty hours is enough under this workspace's 12.
    employer.send_offer(change, times, actor=team["recruiter"])
    token = mailed_token()
    client = Client()
    client.cookies["django_language"] = lang
    for page in ("", "cancel/", "reschedule/"):
        assert client.get(f"/c/{token}/{page}").status_code == 200
    answer = client.post(
        f"/c/{token}/reschedule/",
        {
            "reason_category": "illness",
            "reason_text": "Jag har feber.",
            "previewed": "Jag har feber.",  # an English page shows the Swedish e-mail first
            "other_plans_movable": "no",
            "time_1": (interview.start + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert answer.status_code == 200
    assert 'data-rule="notice.short"' not in answer.content.decode()
    assert 'data-rule="alternatives.too_few"' in answer.content.decode()  # one time of two
    cancel = client.post(f"/c/{token}/cancel/", {"reason_category": "other_offer"})
    assert cancel.status_code == 200 and 'data-rule="reason.missing"' in cancel.content.decode()
    first = change.alternatives.order_by("start").first()
    other, declined = _link_for_another_offer(team, book)
    asked = client.post(f"/c/{other}/other-times/", {"note": "Tisdagar efter kl. 13."})
    assert asked.status_code == 200
    declined.refresh_from_db()
    assert declined.state == Change.State.DECLINED
    picked = client.post(f"/c/{token}/pick/", {"alternative": first.pk})
    assert picked.status_code == 200
    interview.refresh_from_db()
    assert interview.start == first.start


def _link_for_another_offer(team, book) -> tuple[str, Change]:
    """A second candidate's interview with times offered: their link's token and the offer."""
    from takt.core.models import Application, Person

    person = Person.objects.create(workspace=team["workspace"], name="Maja Holm", email="m@x.se")
    application = Application.objects.create(position=team["position"], person=person)
    interview = book(hours_ahead=50, person=person, application=application)
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    return mailed_token(), change
