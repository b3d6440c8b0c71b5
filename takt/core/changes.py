"""Starting a change, logging contact, and recording the warnings a person chose to go past."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from takt.core import audit, events, lifecycle
from takt.core.lifecycle import NotAllowed
from takt.core.models import Alternative, Change, ContactAttempt, Interview
from takt.core.rules import Finding

__all__ = ["NotAllowed", "acknowledge", "log_contact", "set_alternatives", "start_change"]


@transaction.atomic
def start_change(
    interview: Interview,
    *,
    kind: str,
    side: str,
    reason_category: str,
    reason_text: str,
    actor: User | None,
    actor_label: str = "",
    emergency: bool = False,
    known_since: datetime | None = None,
    other_plans_movable: bool | None = None,
) -> Change:
    """A draft reschedule or cancellation; an interview has at most one open change."""
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    if not interview.is_active:
        raise NotAllowed("interview is not active")
    if interview.changes.filter(state__in=Change.OPEN_STATES).exists():
        raise NotAllowed("a change is already open")
    change = Change.objects.create(
        interview=interview,
        kind=kind,
        side=side,
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        emergency=emergency,
        known_since=known_since,
        other_plans_movable=other_plans_movable,
        old_start=interview.start,
        old_end=interview.end,
        created_by=actor,
    )
    audit.record(
        "change.created",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        actor_label=actor_label,
        kind=kind,
        side=side,
        reason=reason_category,
    )
    events.change_opened(change)
    return change


@transaction.atomic
def set_alternatives(change: Change, times: list[tuple[datetime, datetime]]) -> None:
    """Replace the change's offered times (the check has already refused bad ones)."""
    change.alternatives.all().delete()
    Alternative.objects.bulk_create(
        Alternative(change=change, start=start, end=end) for start, end in sorted(times)
    )


@transaction.atomic
def acknowledge(
    change: Change, findings: list[Finding], *, actor: User | None, actor_label: str = ""
) -> None:
    """Record the warnings shown and the ones the person went past, with who and when."""
    at = timezone.now().isoformat()
    change.findings = [f.as_json() for f in findings]
    who = actor.get_username() if actor else actor_label
    passed = [f for f in findings if f.warns]
    change.overridden = [
        *change.overridden,
        *({"rule": f.rule, "by": who, "at": at} for f in passed),
    ]
    change.save(update_fields=["findings", "overridden", "updated_at"])
    for finding in passed:
        audit.record(
            "finding.overridden",
            workspace=change.interview.workspace,
            interview=change.interview,
            actor=actor,
            actor_label=actor_label,
            rule=finding.rule,
        )


@transaction.atomic
def log_contact(
    interview: Interview,
    *,
    channel: str,
    outcome: str,
    actor: User | None,
    change: Change | None = None,
    note: str = "",
    at: datetime | None = None,
) -> ContactAttempt:
    """One call, voicemail or message; reaching them marks the change as contacted."""
    attempt = ContactAttempt.objects.create(
        interview=interview,
        change=change,
        channel=channel,
        outcome=outcome,
        note=note.strip(),
        at=at or timezone.now(),
        by=actor,
    )
    reached = outcome in (ContactAttempt.Outcome.REACHED, ContactAttempt.Outcome.LEFT_MESSAGE)
    sent = outcome == ContactAttempt.Outcome.SENT
    if change is not None and (reached or sent) and change.contacted_at is None:
        change.contacted_at = attempt.at
        if change.state == Change.State.DRAFT:
            lifecycle.move_change_to(change, Change.State.CONTACTING)
        change.save(update_fields=["contacted_at", "state", "updated_at"])
    return attempt


@transaction.atomic
def withdraw_change(change: Change, *, actor: User | None) -> None:
    """The person changed their mind: the interview stays as it was."""
    if not change.is_open:
        raise NotAllowed("change is closed")
    lifecycle.move_change_to(change, Change.State.WITHDRAWN)
    change.save(update_fields=["state", "updated_at"])
    interview = change.interview
    if interview.status == Interview.Status.RESCHEDULE_PENDING:
        lifecycle.move_interview_to(interview, Interview.Status.SCHEDULED)
        interview.save(update_fields=["status", "updated_at"])
    audit.record(
        "change.withdrawn", workspace=interview.workspace, interview=interview, actor=actor
    )
