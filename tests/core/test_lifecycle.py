"""Every allowed move of an interview, a change and a position, and every forbidden one."""

import pytest

from takt.core import lifecycle
from takt.core.lifecycle import NotAllowed
from takt.core.models import Change, Interview, Position

INTERVIEW_ALLOWED = {
    ("scheduled", "scheduled"),
    ("scheduled", "reschedule_pending"),
    ("scheduled", "cancelled"),
    ("scheduled", "completed"),
    ("reschedule_pending", "scheduled"),
    ("reschedule_pending", "cancelled"),
    ("reschedule_pending", "completed"),
    ("cancelled", "scheduled"),
}
CHANGE_ALLOWED = {
    ("draft", "contacting"),
    ("draft", "sent"),
    ("draft", "agreed"),
    ("draft", "declined"),
    ("draft", "withdrawn"),
    ("contacting", "sent"),
    ("contacting", "agreed"),
    ("contacting", "declined"),
    ("contacting", "withdrawn"),
    ("sent", "agreed"),
    ("sent", "declined"),
    ("sent", "withdrawn"),
}
POSITION_ALLOWED = {("open", "filled"), ("open", "closed"), ("filled", "closed")}


def _pairs(values):
    return [(a, b) for a in values for b in values]


@pytest.mark.parametrize("current,to", _pairs(Interview.Status.values))
def test_an_interview_moves_only_as_the_table_allows(current: str, to: str) -> None:
    interview = Interview(status=current)
    if (current, to) in INTERVIEW_ALLOWED:
        lifecycle.move_interview_to(interview, to)
        assert interview.status == to
    else:
        with pytest.raises(NotAllowed):
            lifecycle.move_interview_to(interview, to)
        assert interview.status == current


@pytest.mark.parametrize("current,to", _pairs(Change.State.values))
def test_a_change_moves_only_as_the_table_allows(current: str, to: str) -> None:
    change = Change(state=current)
    if (current, to) in CHANGE_ALLOWED:
        lifecycle.move_change_to(change, to)
        assert change.state == to
    else:
        with pytest.raises(NotAllowed):
            lifecycle.move_change_to(change, to)
        assert change.state == current


@pytest.mark.parametrize("current,to", _pairs(Position.Status.values))
def test_a_position_moves_only_as_the_table_allows(current: str, to: str) -> None:
    position = Position(status=current)
    if (current, to) in POSITION_ALLOWED:
        lifecycle.move_position_to(position, to)
        assert position.status == to
    else:
        with pytest.raises(NotAllowed):
            lifecycle.move_position_to(position, to)
        assert position.status == current


def test_a_closed_change_is_never_reopened() -> None:
    for closed in (Change.State.AGREED, Change.State.DECLINED, Change.State.WITHDRAWN):
        assert lifecycle.CHANGE_MOVES[closed] == frozenset()
        assert closed not in Change.OPEN_STATES


@pytest.mark.django_db
def test_the_bulk_move_skips_interviews_that_may_not_move(team, book_interview, soon) -> None:
    held = book_interview(soon(3))
    done = book_interview(soon(4))
    Interview.objects.filter(pk=done.pk).update(status=Interview.Status.COMPLETED)
    moved = lifecycle.move_interviews_to(
        Interview.objects.filter(pk__in=[held.pk, done.pk]), Interview.Status.CANCELLED
    )
    assert moved == 1
    held.refresh_from_db()
    done.refresh_from_db()
    assert (held.status, done.status) == ("cancelled", "completed")


@pytest.mark.django_db
def test_cancelling_sends_its_own_change_and_withdraws_no_other(team, book_interview, soon):
    from takt.core.cancelling import cancel_interview
    from takt.core.changes import start_change

    interview = book_interview(soon(3))
    change = start_change(
        interview,
        kind=Change.Kind.CANCEL,
        side="employer",
        reason_category="conflict",
        reason_text="Krock.",
        actor=team["recruiter"],
    )
    cancel_interview(interview, actor=team["recruiter"], change=change)
    change.refresh_from_db()
    assert change.state == Change.State.SENT


@pytest.mark.django_db
def test_cancelling_without_its_change_withdraws_the_open_one(team, book_interview, soon):
    from takt.core.cancelling import cancel_interview
    from takt.core.changes import start_change

    interview = book_interview(soon(3))
    change = start_change(
        interview,
        kind=Change.Kind.RESCHEDULE,
        side="candidate",
        reason_category="illness",
        reason_text="Feber.",
        actor=team["recruiter"],
    )
    cancel_interview(interview, actor=team["recruiter"])
    change.refresh_from_db()
    assert change.state == Change.State.WITHDRAWN
