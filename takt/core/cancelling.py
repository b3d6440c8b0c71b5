"""Cancelling an interview: the time is freed and SEQUENCE goes up for the CANCEL invitation."""

from django.contrib.auth.models import User
from django.db import transaction

from takt.core import audit, booking, lifecycle
from takt.core.models import Change, Interview


@transaction.atomic
def cancel_interview(
    interview: Interview,
    *,
    actor: User | None,
    actor_label: str = "",
    change: Change | None = None,
) -> Interview:
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
    return interview
