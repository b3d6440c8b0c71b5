"""Each thing a candidate does through a link runs the rules itself, before it writes."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from takt.candidates import services
from takt.core.models import AuditEvent, Change, Interview
from takt.core.rules import Blocked, Unacknowledged
from takt.hiring import employer
from takt.hiring.links import open_link
from takt.outbox.models import Message
from tests.employer.footprint import busy_calendar, footprint
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db


def _offered(team, book, hours_ahead: float = 72):
    """An interview with three times offered; the link and its token."""
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    interview = book(hours_ahead=hours_ahead)
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Vår chef är bortrest.",
        actor=team["recruiter"],
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"], acknowledged=["notice.short"])
    token = mailed_token()
    opened = open_link(token, now=timezone.now())
    assert opened is not None
    return interview, change, opened.link, token


# Picking a time: it must still be free in the interviewers' calendars.


def test_a_picked_time_gone_from_a_calendar_is_blocked_and_writes_nothing(team, book) -> None:
    _interview, change, link, _token = _offered(team, book)
    first = change.alternatives.order_by("start").first()
    busy_calendar(team, team["colleague"], first.start)
    before = footprint()
    with pytest.raises(Blocked) as refused:
        services.choose_time(link, first.pk, now=timezone.now(), lang="en")
    assert [f.rule for f in refused.value.blocking] == ["schedule.conflict"]
    assert footprint() == before


def test_the_page_shows_whose_calendar_took_the_picked_time(team, book) -> None:
    _interview, change, _link, token = _offered(team, book)
    first = change.alternatives.order_by("start").first()
    busy_calendar(team, team["colleague"], first.start)
    before = footprint()
    page = Client().post(f"/c/{token}/pick/", {"alternative": first.pk})
    assert page.status_code == 409
    assert 'data-rule="schedule.conflict"' in page.content.decode()
    assert footprint() == before


def test_a_free_picked_time_moves_the_interview(team, book) -> None:
    interview, change, link, _token = _offered(team, book)
    first = change.alternatives.order_by("start").first()
    services.choose_time(link, first.pk, now=timezone.now())
    interview.refresh_from_db()
    assert interview.start == first.start and interview.status == Interview.Status.SCHEDULED


# Asking for other times: the note is a message to the recruiter (message.rude warns).

RUDE = "Era tider är löjliga, helt oprofessionellt av er."


def test_a_rude_note_needs_the_warning_acknowledged_and_writes_nothing(team, book) -> None:
    _interview, _change, link, _token = _offered(team, book)
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        services.ask_other_times(link, RUDE, now=timezone.now())
    assert refused.value.rules == ["message.rude"]
    assert footprint() == before


def test_a_rude_note_acknowledged_goes_to_the_recruiter_and_is_recorded(team, book) -> None:
    interview, change, link, _token = _offered(team, book)
    services.ask_other_times(link, RUDE, now=timezone.now(), acknowledged=["message.rude"])
    change.refresh_from_db()
    assert change.state == Change.State.DECLINED
    assert "message.rude" in {o["rule"] for o in change.overridden}
    assert AuditEvent.objects.filter(verb="finding.overridden", data__rule="message.rude").exists()
    assert Message.objects.filter(interview=interview, kind__startswith="other_times").exists()


def test_the_link_page_shows_the_rude_note_warning_and_the_second_press_sends(team, book) -> None:
    interview, _change, _link, token = _offered(team, book)
    first = Client().post(f"/c/{token}/other-times/", {"note": RUDE}, HTTP_ACCEPT_LANGUAGE="en")
    page = first.content.decode()
    assert 'data-rule="message.rude"' in page
    assert not Message.objects.filter(kind__startswith="other_times").exists()
    seen = re.findall(r'name="seen" value="([^"]+)"', page)
    assert "message.rude" in seen
    second = Client().post(f"/c/{token}/other-times/", {"note": RUDE, "seen": seen})
    assert second.status_code == 200
    assert Message.objects.filter(interview=interview, kind__startswith="other_times").exists()


# Cancelling: the verb computes the findings, the page passes the acknowledged ids.


def _cancel(link, reason_text: str, acknowledged=()):
    return services.cancel_by_candidate(
        link,
        reason_category="other_offer",
        reason_text=reason_text,
        now=timezone.now(),
        acknowledged=acknowledged,
    )


def test_a_candidate_cancellation_without_a_reason_is_blocked_and_writes_nothing(
    team, book
) -> None:
    _interview, _change, link, _token = _offered(team, book)
    before = footprint()
    with pytest.raises(Blocked) as refused:
        _cancel(link, "", acknowledged=["notice.short"])
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]
    assert footprint() == before


def test_a_candidate_cancellation_at_short_notice_needs_the_warning_acknowledged(
    team, book
) -> None:
    interview, _change, link, _token = _offered(team, book, hours_ahead=10)
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        _cancel(link, "Jag har tackat ja till ett annat jobb.")
    assert "notice.short" in refused.value.rules
    assert footprint() == before
    change = _cancel(link, "Jag har tackat ja till ett annat jobb.", refused.value.rules)
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert {o["rule"] for o in change.overridden} == set(refused.value.rules)


# Asking to reschedule.


def _reschedule(link, times, acknowledged=(), reason="Jag ska på helgresa med vänner."):
    return services.reschedule_by_candidate(
        link,
        reason_category="travel",
        reason_text=reason,
        other_plans_movable=False,
        times=times,
        now=timezone.now(),
        acknowledged=acknowledged,
    )


def test_a_reschedule_proposing_a_past_time_is_blocked_and_writes_nothing(team, book) -> None:
    interview, _change, link, _token = _offered(team, book)
    past = (interview.start - timezone.timedelta(days=30), interview.end)
    before = footprint()
    with pytest.raises(Blocked) as refused:
        _reschedule(link, [past], acknowledged=["reason.leisure", "alternatives.too_few"])
    assert "alternatives.invalid" in {f.rule for f in refused.value.blocking}
    assert footprint() == before


def test_a_reschedule_for_a_weekend_trip_needs_the_warning_acknowledged(team, book) -> None:
    interview, _change, link, _token = _offered(team, book)
    later = [
        (interview.start + timezone.timedelta(days=d), interview.end + timezone.timedelta(days=d))
        for d in (7, 8)
    ]
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        _reschedule(link, later)
    assert "reason.leisure" in refused.value.rules
    assert footprint() == before
    change = _reschedule(link, later, acknowledged=refused.value.rules)
    assert change.state == Change.State.SENT
    assert change.alternatives.count() == 2
    assert "reason.leisure" in {o["rule"] for o in change.overridden}
