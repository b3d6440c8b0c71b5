"""The employer's verbs (guide, method 3): cancel, offer new times, and what each one sends.

Each verb is one transaction: the interview's state, the change and the e-mail
with its calendar invitation commit together or not at all; the candidate's link
in that e-mail is made only when it is sent (outbox/links.py).
Each runs the rules itself (checks.py) on what it is about to commit, before it
writes: a block raises rules.Blocked, a warning not acknowledged by its rule id
raises rules.Unacknowledged, and the warnings gone past are recorded with the
change (changes.acknowledge).
"""

from collections.abc import Collection
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from takt.calendars import services as calendars
from takt.core import audit, changes, events, lifecycle, rules
from takt.core.cancelling import cancel_interview
from takt.core.models import Change, ContactAttempt, Interview, Side
from takt.hiring.checks import call_findings, draft_findings, interviewers_of, sending
from takt.hiring.mail import drafts, kind_of, queue_to_candidate
from takt.hiring.models import CandidateLink
from takt.outbox import links
from takt.outbox.models import Message
from takt.scheduling import Span


def needs_call_first(interview: Interview, change: Change, now: datetime) -> bool:
    """Method 3.1: under 24 hours, or in an emergency, the call comes before the e-mail."""
    start = change.old_start or interview.start
    return change.emergency or start - now < timedelta(hours=24)


def _check_draft(
    interview: Interview,
    *,
    kind: str,
    reason_category: str,
    reason_text: str,
    emergency: bool,
    acknowledged: Collection[str],
    language: str,
) -> list[rules.Finding]:
    found = draft_findings(
        interview,
        kind=kind,
        reason_category=reason_category,
        reason_text=reason_text,
        emergency=emergency,
        now=timezone.now(),
        lang=language,
    )
    return rules.enforce(found, acknowledged)


@transaction.atomic
def start_cancel(
    interview: Interview,
    *,
    reason_category: str,
    reason_text: str,
    emergency: bool,
    actor: User,
    acknowledged: Collection[str] = (),
    language: str = "sv",
) -> Change:
    """A draft cancellation; the reason rules run first (the rest when it is sent)."""
    found = _check_draft(
        interview,
        kind=Change.Kind.CANCEL,
        reason_category=reason_category,
        reason_text=reason_text,
        emergency=emergency,
        acknowledged=acknowledged,
        language=language,
    )
    change = changes.start_change(
        interview,
        kind=Change.Kind.CANCEL,
        side=Side.EMPLOYER,
        reason_category=reason_category,
        reason_text=reason_text,
        emergency=emergency,
        known_since=None,
        actor=actor,
    )
    if found:
        changes.acknowledge(change, found, actor=actor)
    return change


@transaction.atomic
def start_offer(
    interview: Interview,
    *,
    reason_category: str,
    reason_text: str,
    actor: User,
    acknowledged: Collection[str] = (),
    language: str = "sv",
) -> Change:
    """A reschedule by the employer; after a cancellation it is the promised new times."""
    found = _check_draft(
        interview,
        kind=Change.Kind.RESCHEDULE,
        reason_category=reason_category,
        reason_text=reason_text,
        emergency=False,
        acknowledged=acknowledged,
        language=language,
    )
    change = _offer_draft(
        interview, reason_category=reason_category, reason_text=reason_text, actor=actor
    )
    if found:
        changes.acknowledge(change, found, actor=actor)
    return change


def _offer_draft(
    interview: Interview, *, reason_category: str, reason_text: str, actor: User
) -> Change:
    if interview.is_active:
        return changes.start_change(
            interview,
            kind=Change.Kind.RESCHEDULE,
            side=Side.EMPLOYER,
            reason_category=reason_category,
            reason_text=reason_text,
            actor=actor,
        )
    if interview.status != Interview.Status.CANCELLED:
        raise changes.NotAllowed("interview is completed")
    change = Change.objects.create(
        interview=interview,
        kind=Change.Kind.RESCHEDULE,
        side=Side.EMPLOYER,
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        old_start=interview.start,
        old_end=interview.end,
        created_by=actor,
    )
    audit.record(
        "change.created",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        kind=change.kind,
        side=Side.EMPLOYER,
        reason=reason_category,
    )
    events.change_opened(change)
    return change


@transaction.atomic
def log_call(
    change: Change,
    *,
    outcome: str,
    actor: User,
    note: str = "",
    acknowledged: Collection[str] = (),
    language: str = "sv",
) -> ContactAttempt:
    """A call to the candidate about the change; the reason they will hear must be there."""
    _refuse_closed(change)
    found = rules.enforce(call_findings(change, now=timezone.now(), lang=language), acknowledged)
    if found:
        changes.acknowledge(change, found, actor=actor)
    return changes.log_contact(
        change.interview,
        channel=ContactAttempt.Channel.PHONE,
        outcome=outcome,
        actor=actor,
        change=change,
        note=note,
    )


@transaction.atomic
def withdraw(change: Change, *, actor: User, acknowledged: Collection[str] = ()) -> None:
    """Nothing is sent after all: the interview stays as it was.

    No rule speaks of taking back a draft (the check contract has no such
    action), so `acknowledged` is there for the one contract every verb keeps.
    """
    _refuse_closed(change)
    changes.withdraw_change(change, actor=actor)


def suggest_times(interview: Interview, *, now: datetime, count: int = 5) -> list[Span]:
    """Times free for every interviewer, on different days, respecting the notice."""
    people = interviewers_of(interview)
    if not people:
        return []
    return calendars.free_times(
        people,
        duration=interview.end - interview.start,
        now=now,
        count=count,
        spread_days=True,
        zone=interview.timezone,
        exclude=interview,
    )


@transaction.atomic
def send_cancellation(
    change: Change,
    *,
    actor: User,
    times: list[Span] | None = None,
    now: datetime | None = None,
    language: str = "sv",
    acknowledged: Collection[str] = (),
) -> Interview:
    """Cancel, then tell the candidate: a brief reason and new times, or the promise of them.

    The CANCEL invitation carries the sequence cancel_interview raised, so the
    candidate's calendar drops the interview; a link to pick one of `times` is
    bound to that new sequence. `times` None is the promise; a list is checked
    as offered times (too few of them blocks).
    """
    moment = now or timezone.now()
    _refuse_closed(change)
    about = sending(change, actor=actor, times=times, now=moment, lang=language)
    found = rules.enforce(about.findings, acknowledged)
    changes.acknowledge(change, found, actor=actor)
    # New times go with the cancellation, or the e-mail promises them: a new time is sought.
    interview = cancel_interview(change.interview, actor=actor, change=change, new_time_sought=True)
    if times:
        changes.set_alternatives(change, times)
    messages = drafts(
        interview,
        actor,
        "cancel",
        change=change,
        alternatives=times or (),
        # The link to pick a time is made when the e-mail is sent, never stored (outbox/links.py).
        link=links.PLACEHOLDER if times else None,
        language=language,
    )
    queue_to_candidate(
        interview,
        kind_of(messages, "email"),
        kind="employer_cancel",
        change=change,
        method="CANCEL",
        sender=actor,
        with_link=bool(times),
    )
    Change.objects.filter(pk=change.pk).update(sent_at=moment)
    audit.record("change.sent", workspace=interview.workspace, interview=interview, actor=actor)
    return interview


@transaction.atomic
def send_offer(
    change: Change,
    times: list[Span],
    *,
    actor: User,
    now: datetime | None = None,
    language: str = "sv",
    acknowledged: Collection[str] = (),
) -> Message | None:
    """Offer the times with a personal link; the old time stays held until one is picked.

    The times come from the caller; the rules check them here against the
    interviewers' busy times. Returns the queued e-mail (None when the candidate
    has no address); its link is made only when it is sent (outbox/links.py).
    """
    moment = now or timezone.now()
    interview = Interview.objects.select_for_update().get(pk=change.interview_id)
    _refuse_closed(change)
    about = sending(change, actor=actor, times=list(times), now=moment, lang=language)
    found = rules.enforce(about.findings, acknowledged)
    changes.acknowledge(change, found, actor=actor)
    changes.set_alternatives(change, times)
    lifecycle.mark_reschedule_pending(interview)
    # A new offer makes every earlier link of this interview useless.
    CandidateLink.objects.filter(interview=interview, used_at__isnull=True).update(
        expires_at=moment
    )
    messages = drafts(
        interview,
        actor,
        "reschedule",
        change=change,
        alternatives=times,
        link=links.PLACEHOLDER,
        language=language,
    )
    message = queue_to_candidate(
        interview,
        kind_of(messages, "email"),
        kind=f"employer_offer_{change.pk}",
        change=change,
        method=None,
        sender=actor,
        with_link=True,
    )
    lifecycle.move_change_to(change, Change.State.SENT)
    change.sent_at = moment
    change.save(update_fields=["state", "sent_at", "updated_at"])
    audit.record(
        "change.sent",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        alternatives=len(times),
    )
    return message


def _refuse_closed(change: Change) -> None:
    change.refresh_from_db()
    if not change.is_open or change.sent_at is not None:
        raise changes.NotAllowed("change is closed")
