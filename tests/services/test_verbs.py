"""The shared verbs: change, contact, move, cancel, queue."""

import pytest
from django.db import transaction

from takt.core import changes
from takt.core.booking import DoubleBooking
from takt.core.cancelling import cancel_interview
from takt.core.models import Booking, Change, ContactAttempt, Interview
from takt.core.moving import move_interview
from takt.core.rules import Finding, Severity
from takt.outbox.models import Message
from takt.outbox.services import queue_message


@pytest.fixture
def interview(team, soon, book_interview) -> Interview:
    return book_interview(
        soon(3, 9),
        soon(3, 10),
        interviewers=[team["recruiter"], team["colleague"]],
        position=team["position"],
    )


def _change(interview: Interview, team: dict, kind: str = "reschedule") -> Change:
    return changes.start_change(
        interview,
        kind=kind,
        side="employer",
        reason_category="illness",
        reason_text=" Jag är sjuk. ",
        actor=team["recruiter"],
    )


@pytest.mark.django_db
def test_moving_keeps_the_uid_raises_the_sequence_and_moves_every_booking(interview, team, soon):
    change = _change(interview, team)
    uid = interview.uid
    moved = move_interview(
        interview, start=soon(5, 13), end=soon(5, 14), actor=team["recruiter"], change=change
    )
    assert moved.uid == uid
    assert moved.sequence == interview.sequence + 1
    assert moved.status == Interview.Status.SCHEDULED
    assert set(Booking.objects.filter(interview=moved).values_list("start", flat=True)) == {
        soon(5, 13)
    }
    change.refresh_from_db()
    assert change.state == Change.State.AGREED
    assert (change.old_start, change.new_start) == (soon(3, 9), soon(5, 13))


@pytest.mark.django_db
def test_a_move_onto_a_busy_time_changes_nothing(interview, team, soon, book_interview):
    book_interview(soon(5, 13), soon(5, 14), interviewers=[team["colleague"]])
    with pytest.raises(DoubleBooking):
        move_interview(interview, start=soon(5, 13), end=soon(5, 14), actor=team["recruiter"])
    interview.refresh_from_db()
    assert (interview.start, interview.sequence) == (soon(3, 9), 0)
    assert not Booking.objects.filter(interview=interview, start=soon(5, 13)).exists()


@pytest.mark.django_db
def test_cancelling_frees_the_time_and_raises_the_sequence(interview, team):
    cancelled = cancel_interview(interview, actor=team["recruiter"])
    assert cancelled.status == Interview.Status.CANCELLED
    assert cancelled.sequence == 1
    assert not Booking.objects.filter(interview=interview, active=True).exists()


@pytest.mark.django_db
def test_cancelling_twice_is_one_cancellation(interview, team):
    cancel_interview(interview, actor=team["recruiter"])
    again = cancel_interview(interview, actor=team["recruiter"])
    # A second CANCEL with a higher SEQUENCE would be a new calendar update for nothing.
    assert again.sequence == 1
    assert interview.audit.filter(verb="interview.cancelled").count() == 1


@pytest.mark.django_db
def test_an_interview_has_one_open_change_at_a_time(interview, team):
    change = _change(interview, team)
    assert change.reason_text == "Jag är sjuk."
    with pytest.raises(changes.NotAllowed):
        _change(interview, team)
    changes.withdraw_change(change, actor=team["recruiter"])
    assert _change(interview, team).state == Change.State.DRAFT


@pytest.mark.django_db
def test_reaching_them_by_phone_marks_the_change_contacted(interview, team):
    change = _change(interview, team)
    changes.log_contact(
        interview, channel="phone", outcome="no_answer", actor=team["recruiter"], change=change
    )
    change.refresh_from_db()
    assert change.contacted_at is None
    attempt = changes.log_contact(
        interview, channel="phone", outcome="reached", actor=team["recruiter"], change=change
    )
    change.refresh_from_db()
    assert change.contacted_at == attempt.at
    assert change.state == Change.State.CONTACTING
    assert ContactAttempt.objects.filter(change=change).count() == 2


@pytest.mark.django_db
def test_going_past_a_warning_is_recorded_with_who_and_when(interview, team):
    change = _change(interview, team)
    findings = [
        Finding("notice.short", Severity.WARN, "M1.2", "..."),
        Finding("alternatives.same_day", Severity.ADVICE, "M3.3", ""),
    ]
    changes.acknowledge(change, findings, actor=team["recruiter"])
    change.refresh_from_db()
    assert [entry["rule"] for entry in change.overridden] == ["notice.short"]
    assert change.overridden[0]["by"] == "recruiter"
    assert interview.audit.filter(verb="finding.overridden").count() == 1


def _queue(interview: Interview, team: dict) -> Message:
    return queue_message(
        workspace=team["workspace"],
        interview=interview,
        kind="employer_cancel",
        recipient_name="Erik Lind",
        recipient_email="erik@example.se",
        language="sv",
        subject="Intervjun",
        text="Hej Erik!",
    )


@pytest.mark.django_db
def test_the_same_message_is_never_queued_twice(interview, team):
    first = _queue(interview, team)
    again = _queue(interview, team)
    assert first.pk == again.pk
    assert Message.objects.count() == 1
    assert first.message_id.startswith("<") and first.message_id.endswith("@takt>")


@pytest.mark.django_db
def test_nothing_is_queued_for_a_change_that_rolls_back(interview, team):
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue(interview, team)
        raise RuntimeError("the change failed")
    assert Message.objects.count() == 0


@pytest.mark.django_db
def test_a_new_sequence_is_a_new_message(interview, team, soon):
    _queue(interview, team)
    moved = move_interview(interview, start=soon(6, 9), end=soon(6, 10), actor=None)
    _queue(moved, team)
    assert Message.objects.count() == 2
    assert len(set(Message.objects.values_list("message_id", flat=True))) == 2


@pytest.mark.django_db
def test_the_same_address_in_other_letters_is_the_same_message(interview, team):
    first = _queue(interview, team)
    again = queue_message(
        workspace=team["workspace"],
        interview=interview,
        kind="employer_cancel",
        recipient_name="Erik Lind",
        recipient_email=" Erik@Example.SE ",
        language="sv",
        subject="Intervjun",
        text="Hej Erik!",
    )
    assert again.pk == first.pk
    assert Message.objects.count() == 1
