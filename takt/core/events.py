"""Domain events: what other systems hear about (webhooks), written inside the change's transaction.

A verb calls one of the functions below next to its audit record; the Event
row commits with the change or not at all. Whoever listens to `recorded`
(the webhooks app) does its part in the same transaction, so core knows
nothing of HTTP and nothing is lost between the change and its delivery.
"""

from typing import Any

from django.dispatch import Signal
from django.utils import timezone

from takt.core.models import Change, Event, Interview, Position, Side, Workspace

KINDS = (
    "interview.scheduled",
    "interview.rescheduled",
    "interview.cancelled",
    "change.opened",
    "change.closed",
    "candidate.time_picked",
    "candidate.other_times_asked",
    "candidate.reply_received",
    "position.filled",
    "position.closed",
)

# Sent with `event` for every event recorded, inside the transaction that recorded it.
recorded = Signal()


def record(
    kind: str,
    data: dict[str, Any],
    *,
    workspace: Workspace,
    interview: Interview | None = None,
    stream: str | None = None,
) -> Event:
    """Write one event; its order is kept per interview unless another stream is named."""
    if kind not in KINDS:
        raise ValueError(f"unknown event kind {kind!r}")
    if stream is None:
        stream = f"interview:{interview.pk}" if interview is not None else ""
    event = Event.objects.create(
        workspace=workspace,
        interview=interview,
        stream=stream,
        kind=kind,
        data={"workspace_id": workspace.pk, **data},
        occurred_at=timezone.now(),
    )
    recorded.send(sender=Event, event=event)
    return event


def interview_data(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "uid": interview.uid,
        "status": interview.status,
        "start": interview.start.isoformat(),
        "end": interview.end.isoformat(),
        "timezone": interview.timezone,
        "title": interview.title,
        "sequence": interview.sequence,
        "position_id": interview.position_id,
        "application_id": interview.application_id,
    }


def change_data(change: Change) -> dict[str, Any]:
    return {
        "id": change.pk,
        "kind": change.kind,
        "side": change.side,
        "state": change.state,
        "reason_category": change.reason_category,
        "reason_text": change.reason_text,
        "emergency": change.emergency,
    }


def who_acted(interview: Interview, side: str) -> str:
    """ "seeker", "employer" or "candidate": the candidate side of a personal workspace is
    the job seeker themself, of a team's workspace the team's candidate."""
    if side == Side.EMPLOYER:
        return "employer"
    return "candidate" if interview.workspace.is_team else "seeker"


def about_interview(kind: str, interview: Interview, **data: Any) -> Event:
    """An event about an interview: its current state, and what else the kind tells."""
    return record(
        kind,
        {"interview": interview_data(interview), **data},
        workspace=interview.workspace,
        interview=interview,
    )


def change_opened(change: Change) -> Event:
    return about_interview("change.opened", change.interview, change=change_data(change))


def change_closed(change: Change) -> Event:
    return about_interview("change.closed", change.interview, change=change_data(change))


def about_position(kind: str, position: Position) -> Event:
    data = {"position": {"id": position.pk, "title": position.title, "status": position.status}}
    return record(kind, data, workspace=position.workspace, stream=f"position:{position.pk}")
