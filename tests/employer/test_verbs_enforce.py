"""Each employer verb runs the rules itself: a block writes nothing, a warning needs its id."""

from datetime import timedelta

import pytest
from django.utils import timezone

from takt.core.models import AuditEvent, Change, ContactAttempt, Interview, Position
from takt.core.rules import Blocked, Unacknowledged
from takt.hiring import employer, positions
from takt.hiring.interviews import book_interview
from takt.outbox.models import Message
from tests.employer.footprint import busy_calendar, footprint, long_reason

pytestmark = pytest.mark.django_db


def _cancel(team, interview, reason_text="En av intervjuarna har blivit akut sjuk.", **extra):
    return employer.start_cancel(
        interview,
        reason_category="emergency",
        reason_text=reason_text,
        emergency=True,
        actor=team["recruiter"],
        **extra,
    )


def _offer(team, interview, reason_text="Vår chef måste vara med.", **extra):
    return employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text=reason_text,
        actor=team["recruiter"],
        **extra,
    )


def _overridden(change: Change) -> set[str]:
    change.refresh_from_db()
    return {o["rule"] for o in change.overridden}


# Drafts: the reason rules (reason.missing waits for the change page, where it is written).


@pytest.mark.parametrize("start", [_cancel, _offer])
def test_a_draft_with_an_unacknowledged_long_reason_writes_nothing(team, book, start) -> None:
    interview = book(hours_ahead=72)
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        start(team, interview, reason_text=long_reason())
    assert refused.value.rules == ["reason.too_long"]
    assert footprint() == before


@pytest.mark.parametrize("start", [_cancel, _offer])
def test_a_draft_goes_on_once_the_long_reason_is_acknowledged(team, book, start) -> None:
    interview = book(hours_ahead=72)
    change = start(team, interview, reason_text=long_reason(), acknowledged=["reason.too_long"])
    assert change.state == Change.State.DRAFT
    assert _overridden(change) == {"reason.too_long"}
    assert AuditEvent.objects.filter(verb="finding.overridden", interview=interview).exists()


def test_a_draft_without_a_reason_is_started_for_the_change_page_to_finish(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _cancel(team, interview, reason_text="")
    assert change.reason_text == "" and change.state == Change.State.DRAFT


# Sending a cancellation.


def test_a_cancellation_without_a_reason_is_blocked_and_writes_nothing(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _cancel(team, interview, reason_text="")
    before = footprint()
    with pytest.raises(Blocked) as refused:
        employer.send_cancellation(change, actor=team["recruiter"], acknowledged=["x"])
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]
    assert not isinstance(refused.value, Unacknowledged)
    assert footprint() == before


def test_a_cancellation_offering_too_few_times_is_blocked_and_writes_nothing(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _cancel(team, interview)
    times = employer.suggest_times(interview, now=timezone.now())[:2]
    before = footprint()
    with pytest.raises(Blocked) as refused:
        employer.send_cancellation(change, actor=team["recruiter"], times=times)
    assert "alternatives.too_few" in {f.rule for f in refused.value.blocking}
    assert footprint() == before


def test_an_unacknowledged_short_notice_stops_the_cancellation(team, book) -> None:
    interview = book(hours_ahead=5)
    change = _cancel(team, interview)
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        employer.send_cancellation(change, actor=team["recruiter"])
    assert refused.value.rules == ["notice.short"]
    assert footprint() == before


def test_an_acknowledged_short_notice_cancels_and_is_recorded(team, book) -> None:
    interview = book(hours_ahead=5)
    change = _cancel(team, interview)
    employer.send_cancellation(change, actor=team["recruiter"], acknowledged=["notice.short"])
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert Message.objects.filter(interview=interview, kind="employer_cancel").count() == 1
    assert _overridden(change) == {"notice.short"}
    assert AuditEvent.objects.filter(verb="finding.overridden", data__rule="notice.short").exists()


# Sending an offer: the times come from the caller, the verb checks them.


def test_an_offer_of_two_times_is_blocked_and_writes_nothing(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _offer(team, interview)
    times = employer.suggest_times(interview, now=timezone.now())[:2]
    before = footprint()
    with pytest.raises(Blocked) as refused:
        employer.send_offer(change, times, actor=team["recruiter"])
    assert [f.rule for f in refused.value.blocking] == ["alternatives.too_few"]
    assert footprint() == before


def test_an_offer_clashing_with_an_interviewers_calendar_is_blocked(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _offer(team, interview)
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    # The colleague's calendar filled the first time after Takt suggested it.
    busy_calendar(team, team["colleague"], times[0][0])
    before = footprint()
    with pytest.raises(Blocked) as refused:
        employer.send_offer(change, times, actor=team["recruiter"])
    assert [f.rule for f in refused.value.blocking] == ["alternatives.conflict"]
    assert footprint() == before


def test_an_offer_clashing_with_another_interview_in_takt_is_blocked(team, book, book_interview):
    interview = book(hours_ahead=72)
    change = _offer(team, interview)
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    start, end = times[1]
    book_interview(start, end, interviewers=[team["colleague"]], counterpart=team["candidate"])
    before = footprint()
    with pytest.raises(Blocked) as refused:
        employer.send_offer(change, times, actor=team["recruiter"])
    assert "alternatives.conflict" in {f.rule for f in refused.value.blocking}
    assert footprint() == before


def test_an_offer_at_short_notice_needs_the_warning_acknowledged(team, book) -> None:
    interview = book(hours_ahead=10)
    change = _offer(team, interview)
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        employer.send_offer(change, times, actor=team["recruiter"])
    assert refused.value.rules == ["notice.short"]
    assert footprint() == before
    message = employer.send_offer(
        change, times, actor=team["recruiter"], acknowledged=["notice.short"]
    )
    assert message is not None and message.link_sequence == interview.sequence
    interview.refresh_from_db()
    assert interview.status == Interview.Status.RESCHEDULE_PENDING
    assert change.alternatives.count() == 3
    assert _overridden(change) == {"notice.short"}


def test_a_sent_change_cannot_be_sent_again(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _offer(team, interview)
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    before = footprint()
    with pytest.raises(employer.changes.NotAllowed):
        employer.send_offer(change, times, actor=team["recruiter"])
    assert footprint() == before


# Logging a call: the call is where the reason is given (M3.1).


def test_a_call_about_a_change_without_a_reason_is_not_logged(team, book) -> None:
    interview = book(hours_ahead=5)
    change = _cancel(team, interview, reason_text="")
    before = footprint()
    with pytest.raises(Blocked) as refused:
        employer.log_call(change, outcome="reached", actor=team["recruiter"])
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]
    assert footprint() == before
    assert not ContactAttempt.objects.exists()


def test_a_call_with_a_long_reason_needs_the_warning_acknowledged(team, book) -> None:
    interview = book(hours_ahead=5)
    change = _cancel(team, interview, reason_text=long_reason(), acknowledged=["reason.too_long"])
    before = footprint()
    with pytest.raises(Unacknowledged) as refused:
        employer.log_call(change, outcome="reached", actor=team["recruiter"])
    assert refused.value.rules == ["reason.too_long"]
    assert footprint() == before
    employer.log_call(
        change, outcome="reached", actor=team["recruiter"], acknowledged=["reason.too_long"]
    )
    change.refresh_from_db()
    assert ContactAttempt.objects.filter(change=change, outcome="reached").count() == 1
    assert change.state == Change.State.CONTACTING
    overridden = [o["rule"] for o in change.overridden]
    assert overridden == ["reason.too_long", "reason.too_long"]  # at the draft, at the call


def test_short_notice_is_what_a_call_answers_not_a_warning_against_it(team, book) -> None:
    interview = book(hours_ahead=5)
    change = _cancel(team, interview)
    employer.log_call(change, outcome="no_answer", actor=team["recruiter"])
    assert ContactAttempt.objects.filter(change=change).count() == 1


# Booking from a position: schedule.conflict blocks.


def _book(team, start, **extra):
    return book_interview(
        team["position"],
        team["application"],
        start=start,
        end=start + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[team["recruiter"], team["colleague"]],
        actor=team["recruiter"],
        **extra,
    )


def test_booking_into_an_interviewers_busy_calendar_is_blocked_and_writes_nothing(team) -> None:
    start = (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    busy_calendar(team, team["colleague"], start - timedelta(minutes=30))
    before = footprint()
    with pytest.raises(Blocked) as refused:
        _book(team, start)
    assert [f.rule for f in refused.value.blocking] == ["schedule.conflict"]
    assert refused.value.blocking[0].person_id == team["colleague"].pk
    assert footprint() == before


def test_booking_a_free_time_books_and_moves_the_application_on(team) -> None:
    start = (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    busy_calendar(team, team["colleague"], start + timedelta(hours=2))
    interview = _book(team, start, location="https://meet.example/abc")
    assert interview.video_link == "https://meet.example/abc"
    team["application"].refresh_from_db()
    assert team["application"].stage == "booked"


# Closing a position: position_filled.uninformed blocks.


def test_closing_while_a_candidate_is_uninformed_is_blocked_and_writes_nothing(team) -> None:
    position = positions.mark_filled(
        team["position"], hired=None, actor=team["recruiter"], now=timezone.now()
    )
    before = footprint()
    with pytest.raises(Blocked) as refused:
        positions.finish_closing(position, actor=team["recruiter"], now=timezone.now(), lang="en")
    assert isinstance(refused.value, positions.NotClosable)
    assert [f.rule for f in refused.value.blocking] == ["position_filled.uninformed"]
    assert footprint() == before
    positions.inform_all(position, actor=team["recruiter"], now=timezone.now())
    positions.finish_closing(position, actor=team["recruiter"], now=timezone.now(), lang="en")
    position.refresh_from_db()
    assert position.status == Position.Status.CLOSED


def test_filling_starts_although_nobody_is_told_yet(team) -> None:
    position = positions.mark_filled(
        team["position"], hired=None, actor=team["recruiter"], now=timezone.now()
    )
    assert position.status == Position.Status.FILLED


# Withdrawing.


def test_a_sent_change_cannot_be_withdrawn(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _cancel(team, interview)
    employer.send_cancellation(change, actor=team["recruiter"])
    before = footprint()
    with pytest.raises(employer.changes.NotAllowed):
        employer.withdraw(change, actor=team["recruiter"])
    assert footprint() == before


def test_a_draft_is_withdrawn_and_the_interview_stays(team, book) -> None:
    interview = book(hours_ahead=72)
    change = _cancel(team, interview)
    employer.withdraw(change, actor=team["recruiter"])
    change.refresh_from_db()
    interview.refresh_from_db()
    assert change.state == Change.State.WITHDRAWN
    assert interview.status == Interview.Status.SCHEDULED
