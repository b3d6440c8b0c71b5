"""Cancelling an interview: the time is freed and SEQUENCE goes up for the CANCEL invitation."""

from django.contrib.auth.models import User
from django.db import transaction

from takt.core import audit, booking
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
    interview.status = Interview.Status.CANCELLED
    interview.sequence += 1
    interview.save(update_fields=["status", "sequence", "updated_at"])
    booking.release(interview)
    if change is not None and change.is_open:
        change.state = Change.State.SENT
        change.save(update_fields=["state", "updated_at"])
    audit.record(
        "interview.cancelled",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        actor_label=actor_label,
        reason=change.reason_category if change else "",
    )
    return interview
