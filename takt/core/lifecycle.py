"""The life of an interview and of a change: every status write goes through here.

The tables below are the whole story; a move they do not allow raises
NotAllowed before anything is saved. Moving to the same status is allowed only
where it means something (an interview moved to a new time stays scheduled).
"""

from django.db.models import QuerySet

from takt.core import events
from takt.core.models import Change, Interview, Position

S = Interview.Status
C = Change.State

INTERVIEW_MOVES: dict[str, frozenset[str]] = {
    # Moved to a new time (stays scheduled), a new time asked for, called off, held.
    S.SCHEDULED: frozenset({S.SCHEDULED, S.RESCHEDULE_PENDING, S.CANCELLED, S.COMPLETED}),
    # Agreed on a new time or the request withdrawn, called off, held after all.
    S.RESCHEDULE_PENDING: frozenset({S.SCHEDULED, S.CANCELLED, S.COMPLETED}),
    # New times offered after a cancellation, and one was picked (guide, method 3.3).
    S.CANCELLED: frozenset({S.SCHEDULED}),
    S.COMPLETED: frozenset(),
}

CHANGE_MOVES: dict[str, frozenset[str]] = {
    C.DRAFT: frozenset({C.CONTACTING, C.SENT, C.AGREED, C.DECLINED, C.WITHDRAWN}),
    C.CONTACTING: frozenset({C.SENT, C.AGREED, C.DECLINED, C.WITHDRAWN}),
    C.SENT: frozenset({C.AGREED, C.DECLINED, C.WITHDRAWN}),
    C.AGREED: frozenset(),
    C.DECLINED: frozenset(),
    C.WITHDRAWN: frozenset(),
}


P = Position.Status
POSITION_MOVES: dict[str, frozenset[str]] = {
    # Filled: the candidates are being told; closed once nobody is left without word.
    P.OPEN: frozenset({P.FILLED, P.CLOSED}),
    P.FILLED: frozenset({P.CLOSED}),
    P.CLOSED: frozenset(),
}


class NotAllowed(Exception):
    """The interview or change is not in a state where this can be done."""


def may_move_interview(current: str, to: str) -> bool:
    return to in INTERVIEW_MOVES[current]


def may_move_change(current: str, to: str) -> bool:
    return to in CHANGE_MOVES[current]


def move_interview_to(interview: Interview, status: str) -> None:
    """Set the interview's status (the caller saves), or raise NotAllowed."""
    if not may_move_interview(interview.status, status):
        raise NotAllowed(f"interview {interview.status} -> {status}")
    interview.status = status


def move_change_to(change: Change, state: str) -> None:
    """Set the change's state (the caller saves), or raise NotAllowed."""
    if not may_move_change(change.state, state):
        raise NotAllowed(f"change {change.state} -> {state}")
    was_open = change.is_open
    change.state = state
    # A change never saved was never opened for anyone to hear about.
    if was_open and not change.is_open and change.pk is not None:
        events.change_closed(change)


def move_position_to(position: Position, status: str) -> None:
    if status not in POSITION_MOVES[position.status]:
        raise NotAllowed(f"position {position.status} -> {status}")
    position.status = status


def sources_of_interview(status: str) -> list[str]:
    """Every status an interview may come from to reach `status`, for bulk updates."""
    return [current for current, allowed in INTERVIEW_MOVES.items() if status in allowed]


def sources_of_change(state: str) -> list[str]:
    return [current for current, allowed in CHANGE_MOVES.items() if state in allowed]


def move_interviews_to(interviews: "QuerySet[Interview]", status: str, **also: object) -> int:
    """Bulk form of move_interview_to: only the interviews allowed to move are moved."""
    return interviews.filter(status__in=sources_of_interview(status)).update(status=status, **also)


def move_changes_to(changes: "QuerySet[Change]", state: str, **also: object) -> int:
    movable = changes.filter(state__in=sources_of_change(state))
    closing = state not in Change.OPEN_STATES
    closed = list(movable.select_related("interview__workspace")) if closing else []
    moved = movable.update(state=state, **also)
    for change in closed:
        if change.is_open:
            change.state = state
            events.change_closed(change)
    return moved


def mark_reschedule_pending(interview: Interview) -> None:
    """A new time is being sought (asked for, or offered); the old time stays held till then."""
    if interview.status == S.SCHEDULED:
        move_interview_to(interview, S.RESCHEDULE_PENDING)
        interview.save(update_fields=["status", "updated_at"])


def close_on_cancel(interview: Interview, cause: Change | None) -> None:
    """When an interview is called off, its open changes close.

    The change that called it off has been sent (it is how they were told);
    any other change still open on it is withdrawn, as nothing is left to move.
    """
    for change in interview.changes.filter(state__in=Change.OPEN_STATES):
        is_cause = cause is not None and change.pk == cause.pk
        move_change_to(change, C.SENT if is_cause else C.WITHDRAWN)
        change.save(update_fields=["state", "updated_at"])
        if cause is not None and is_cause:
            cause.state = change.state
