"""Moving an interview to an agreed time: same UID, SEQUENCE up, everyone's time held."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction

from takt.core import audit, booking, events, lifecycle
from takt.core.models import Change, Interview


@transaction.atomic
def move_interview(
    interview: Interview,
    *,
    start: datetime,
    end: datetime,
    actor: User | None,
    actor_label: str = "",
    change: Change | None = None,
) -> Interview:
    """Move it, or raise DoubleBooking leaving everything as it was."""
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    old_start, old_end = interview.start, interview.end
    interview.start, interview.end = start, end
    lifecycle.move_interview_to(interview, Interview.Status.SCHEDULED)
    interview.sequence += 1
    interview.save(update_fields=["start", "end", "status", "sequence", "updated_at"])
    booking.move(interview)
    if change is not None:
        lifecycle.move_change_to(change, Change.State.AGREED)
        change.new_start, change.new_end = start, end
        change.old_start = change.old_start or old_start
        change.old_end = change.old_end or old_end
        change.save(
            update_fields=["state", "new_start", "new_end", "old_start", "old_end", "updated_at"]
        )
        change.alternatives.filter(start=start, end=end).update(chosen=True)
    audit.record(
        "interview.moved",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        actor_label=actor_label,
        old=old_start.isoformat(),
        new=start.isoformat(),
        sequence=interview.sequence,
    )
    events.about_interview(
        "interview.rescheduled",
        interview,
        previous={"start": old_start.isoformat(), "end": old_end.isoformat()},
        change_id=change.pk if change is not None else None,
    )
    return interview
