"""Cancelling an interview: the time is freed and SEQUENCE goes up for the CANCEL invitation."""

from django.contrib.auth.models import User
from django.db import transaction

from takt.core import audit, booking, events, lifecycle
from takt.core.models import Change, Interview


@transaction.atomic
def cancel_interview(
    interview: Interview,
    *,
    actor: User | None,
    actor_label: str = "",
    change: Change | None = None,
    new_time_sought: bool = False,
) -> Interview:
    """Call it off; `new_time_sought` tells listeners a new time is being sought."""
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    if interview.status == Interview.Status.CANCELLED:
        return interview
    lifecycle.move_interview_to(interview, Interview.Status.CANCELLED)
    interview.sequence += 1
    interview.save(update_fields=["status", "sequence", "updated_at"])
    booking.release(interview)
    lifecycle.close_on_cancel(interview, change)
    audit.record(
        "interview.cancelled",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        actor_label=actor_label,
        reason=change.reason_category if change else "",
    )
    events.about_interview(
        "interview.cancelled",
        interview,
        cancelled_by=events.who_acted(interview, change.side) if change else None,
        reason_category=change.reason_category if change else "",
        reason_text=change.reason_text if change else "",
        emergency=change.emergency if change else False,
        new_time_sought=new_time_sought,
        change_id=change.pk if change else None,
    )
    return interview
