"""The candidate's e-mailed answer to a sent offer, and what the recruiter does with it.

An offer is sent; the candidate answers by e-mail instead of through the link.
Takt reads the answer (takt/inbox) but never books on its own: the recruiter
confirms. "Onsdag passar bra" becomes one click that books the time they took,
as the link would have. "Ingen av dem, fredag efter lunch?" becomes one click
that closes the sent offer as declined and starts a new one, where the change
page offers the candidate's own times against every calendar. The same click
replaces an offer nobody answered.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from takt import wording
from takt.core import audit, changes, events, lifecycle, rules
from takt.core.composing import situation_for
from takt.core.models import Alternative, AuditEvent, Change, Interview, Side
from takt.core.moving import move_interview
from takt.hiring.checks import free_for_interviewers
from takt.hiring.employer import start_offer
from takt.hiring.mail import queue_to_candidate

READ = "reply.read"


class NoAnswer(Exception):
    """No e-mailed answer takes one of this change's offered times (or it is closed)."""


@dataclass(frozen=True)
class Answer:
    """The candidate's latest e-mailed answer to this sent change, as Takt read it."""

    event: AuditEvent
    taken: Alternative | None  # the offered time the answer takes, if it takes one


def latest_answer(change: Change) -> Answer | None:
    """The last reply read for this change since it was sent."""
    if change.sent_at is None:
        return None
    event = (
        change.interview.audit.filter(verb=READ, data__change=change.pk, at__gte=change.sent_at)
        .order_by("-at", "-pk")
        .first()
    )
    if event is None:
        return None
    reading = event.data.get("reading") or {}
    taken = None
    if reading.get("intent") == "accept" and reading.get("chosen_start"):
        start = datetime.fromisoformat(str(reading["chosen_start"]))
        taken = change.alternatives.filter(start=start).first()
    return Answer(event, taken)


def move_to_agreed_time(
    interview: Interview,
    change: Change,
    start: datetime,
    end: datetime,
    *,
    actor: User,
    now: datetime,
    language: str,
    acknowledged: Collection[str],
) -> Interview:
    """The rules on the agreed time (a clash in a calendar blocks), then the move.

    Shared by every answer a recruiter confirms: an e-mailed choice, a calendar's
    proposal. DoubleBooking still guards the race with another booking in Takt.
    """
    found = rules.enforce(
        free_for_interviewers(interview, start, end, now=now, lang=language), acknowledged
    )
    if found:
        changes.acknowledge(change, found, actor=actor)
    return move_interview(interview, start=start, end=end, actor=actor, change=change)


def confirm_to_candidate(
    moved: Interview,
    change: Change,
    agreed: tuple[datetime, datetime],
    *,
    actor: User,
    language: str,
    kind: str,
) -> None:
    """The confirmation of the agreed time, with the calendar update (SEQUENCE up)."""
    situation = situation_for(moved, actor, member_language=language, change=change, agreed=agreed)
    queue_to_candidate(
        moved,
        wording.confirm_time(situation, Side.CANDIDATE),
        kind=kind,
        change=change,
        method="REQUEST",
        sender=actor,
    )


@transaction.atomic
def book_answered_time(
    change: Change,
    *,
    actor: User,
    now: datetime | None = None,
    language: str = "sv",
    acknowledged: Collection[str] = (),
) -> Interview:
    """Book the offered time the candidate took by e-mail, as their link would have.

    The candidate gets the confirmation with the calendar update (SEQUENCE up).
    """
    moment = now or timezone.now()
    interview = Interview.objects.select_for_update().get(pk=change.interview_id)
    change.refresh_from_db()
    answer = latest_answer(change)
    if not change.is_open or answer is None or answer.taken is None:
        raise NoAnswer
    taken = answer.taken
    moved = move_to_agreed_time(
        interview,
        change,
        taken.start,
        taken.end,
        actor=actor,
        now=moment,
        language=language,
        acknowledged=acknowledged,
    )
    audit.record(
        "reply.booked",
        workspace=moved.workspace,
        interview=moved,
        actor=actor,
        change=change.pk,
        event=answer.event.pk,
    )
    events.about_interview(
        "candidate.time_picked",
        moved,
        change_id=change.pk,
        chosen={"start": taken.start.isoformat(), "end": taken.end.isoformat()},
    )
    confirm_to_candidate(
        moved,
        change,
        (taken.start, taken.end),
        actor=actor,
        language=language,
        kind="time_confirmed",
    )
    return moved


@transaction.atomic
def offer_other_times(
    change: Change,
    *,
    actor: User,
    language: str = "sv",
    acknowledged: Collection[str] = (),
) -> Change:
    """Close the sent offer and start a new one with the same reason; the new draft is returned.

    Declined when the candidate's answer was read (they said none fit), withdrawn
    when nobody answered. Their old link stops working with the old offer.
    """
    interview = Interview.objects.select_for_update().get(pk=change.interview_id)
    change.refresh_from_db()
    if not change.is_open or change.sent_at is None or change.side != Side.EMPLOYER:
        raise changes.NotAllowed("only a sent offer of the employer's is replaced")
    answered = latest_answer(change) is not None
    lifecycle.move_change_to(change, Change.State.DECLINED if answered else Change.State.WITHDRAWN)
    change.save(update_fields=["state", "updated_at"])
    if interview.status == Interview.Status.RESCHEDULE_PENDING:
        # As when an offer is withdrawn: the interview holds its time until the new one is sent.
        lifecycle.move_interview_to(interview, Interview.Status.SCHEDULED)
        interview.save(update_fields=["status", "updated_at"])
    audit.record(
        "change.replaced",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        change=change.pk,
        answered=answered,
    )
    return start_offer(
        interview,
        reason_category=change.reason_category,
        reason_text=change.reason_text,
        actor=actor,
        acknowledged=acknowledged,
        language=language,
    )
