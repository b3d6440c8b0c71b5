"""The employer's verbs (guide, method 3): cancel, offer new times, and what each one sends.

Each verb is one transaction: the interview's state, the change, the candidate
link and the e-mail with its calendar invitation commit together or not at all.
"""

from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from takt.calendars import services as calendars
from takt.core import audit, changes, lifecycle
from takt.core.cancelling import cancel_interview
from takt.core.models import Change, Interview, Side
from takt.hiring.links import issue_link
from takt.hiring.mail import drafts, kind_of, queue_to_candidate
from takt.hiring.models import CandidateLink
from takt.scheduling import Span


def interviewers_of(interview: Interview) -> list[User]:
    return [b.user for b in interview.bookings.select_related("user").order_by("pk")]


def needs_call_first(interview: Interview, change: Change, now: datetime) -> bool:
    """Method 3.1: under 24 hours, or in an emergency, the call comes before the e-mail."""
    start = change.old_start or interview.start
    return change.emergency or start - now < timedelta(hours=24)


def start_cancel(
    interview: Interview,
    *,
    reason_category: str,
    reason_text: str,
    emergency: bool,
    actor: User,
) -> Change:
    return changes.start_change(
        interview,
        kind=Change.Kind.CANCEL,
        side=Side.EMPLOYER,
        reason_category=reason_category,
        reason_text=reason_text,
        emergency=emergency,
        known_since=None,
        actor=actor,
    )


@transaction.atomic
def start_offer(
    interview: Interview, *, reason_category: str, reason_text: str, actor: User
) -> Change:
    """A reschedule by the employer; after a cancellation it is the promised new times."""
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
    return change


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


def busy_of_interviewers(interview: Interview, times: list[Span]) -> list[Span] | None:
    """Everyone's busy times around the offered ones; None when nobody has a calendar."""
    people = interviewers_of(interview)
    if not people or not times:
        return None
    start = min(s for s, _ in times) - timedelta(days=1)
    end = max(e for _, e in times) + timedelta(days=1)
    found = calendars.busy_for(people, start, end, exclude=interview)
    spans = [span for busy in found.values() if busy is not None for span in busy]
    if all(busy is None for busy in found.values()):
        # No calendar: their other interviews in Takt still count.
        spans = [
            (b.start, b.end)
            for user in people
            for b in user.bookings.filter(active=True, start__lt=end, end__gt=start).exclude(
                interview=interview
            )
        ]
        return spans or None
    return spans


@transaction.atomic
def send_cancellation(
    change: Change,
    *,
    actor: User,
    times: list[Span] | None = None,
    now: datetime | None = None,
    language: str = "sv",
) -> Interview:
    """Cancel, then tell the candidate: a brief reason and new times, or the promise of them.

    The CANCEL invitation carries the sequence cancel_interview raised, so the
    candidate's calendar drops the interview; a link to pick one of `times` is
    bound to that new sequence.
    """
    moment = now or timezone.now()
    interview = cancel_interview(change.interview, actor=actor, change=change)
    link = None
    if times:
        changes.set_alternatives(change, times)
        _token, link = issue_link(interview, change, now=moment)
    messages = drafts(
        interview,
        actor,
        "cancel",
        change=change,
        alternatives=times or (),
        link=link,
        language=language,
    )
    queue_to_candidate(
        interview,
        kind_of(messages, "email"),
        kind="employer_cancel",
        change=change,
        method="CANCEL",
        sender=actor,
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
) -> str:
    """Offer the times with a personal link; the old time stays held until one is picked.

    Returns the link (shown nowhere but the e-mail; tests read it from here).
    """
    moment = now or timezone.now()
    interview = Interview.objects.select_for_update().get(pk=change.interview_id)
    if not change.is_open:
        raise changes.NotAllowed("change is closed")
    changes.set_alternatives(change, times)
    lifecycle.mark_reschedule_pending(interview)
    # A new offer makes every earlier link of this interview useless.
    CandidateLink.objects.filter(interview=interview, used_at__isnull=True).update(
        expires_at=moment
    )
    _token, link = issue_link(interview, change, now=moment)
    messages = drafts(
        interview,
        actor,
        "reschedule",
        change=change,
        alternatives=times,
        link=link,
        language=language,
    )
    queue_to_candidate(
        interview,
        kind_of(messages, "email"),
        kind=f"employer_offer_{change.pk}",
        change=change,
        method=None,
        sender=actor,
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
    return link
