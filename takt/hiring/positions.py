"""Closing a filled position (guide, method 3.2): nobody is left without word.

`close_position` is the one action: the position is marked filled, every
remaining candidate's future interviews are cancelled (CANCEL invitations) and
each candidate gets the message for how far they came, in batches of one
transaction each. The idempotency key per application means a run that was
interrupted can simply be run again: whoever was told is not told twice. The
position is only marked closed once `position_filled.uninformed` no longer
blocks; those without an e-mail address wait on the call list.
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.utils import timezone

from takt import wording
from takt.core import audit, events, lifecycle, rules
from takt.core.composing import member_party
from takt.core.models import (
    Application,
    AuditEvent,
    Booking,
    Change,
    Interview,
    Position,
    Side,
)
from takt.core.rules import Blocked, Finding
from takt.hiring.mail import organizer
from takt.outbox.invitation import Invitation, build_invitation
from takt.outbox.invitation_address import organizer_and_chair
from takt.outbox.invitations_for import description
from takt.outbox.models import Message
from takt.outbox.services import kick_delivery, message_id_for
from takt.wording.compose import email as compose_email

BATCH_SIZE = 500
UNINFORMED = "position_filled.uninformed"
OPEN_STAGES = (
    Application.Stage.APPLIED,
    Application.Stage.BOOKED,
    Application.Stage.INTERVIEWED,
)
# Those who came furthest are called first.
CALL_ORDER = Case(
    When(stage=Application.Stage.INTERVIEWED, then=Value(0)),
    When(stage=Application.Stage.BOOKED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


class NotClosable(Blocked):
    """Some candidates have not been told yet (position_filled.uninformed blocks)."""

    def __init__(self, findings: list[Finding], names: list[str]) -> None:
        super().__init__(findings)
        self.names = names


def remaining(position: Position) -> QuerySet[Application]:
    """Applications still open: everyone but the person hired and those who withdrew."""
    return position.applications.filter(stage__in=OPEN_STAGES)


def uninformed(position: Position) -> QuerySet[Application]:
    return remaining(position).filter(informed_at__isnull=True)


def call_list(position: Position) -> QuerySet[Application]:
    """Who to call: the interviewed not yet called, and anyone the e-mail cannot reach."""
    from django.db.models import Q

    return (
        remaining(position)
        .filter(
            Q(stage=Application.Stage.INTERVIEWED) & ~Q(informed_channel="phone")
            | Q(informed_at__isnull=True, person__email="")
        )
        .select_related("person")
        .annotate(call_order=CALL_ORDER)
        .order_by("call_order", "person__name")
    )


def key_for(application: Application) -> str:
    return f"position_filled|{application.position_id}|{application.pk}"


@transaction.atomic
def mark_filled(
    position: Position,
    *,
    hired: Application | None,
    actor: User | None,
    now: datetime,
    acknowledged: Collection[str] = (),
    lang: str = "sv",
) -> Position:
    """The position is filled; telling the candidates is what follows (inform_batch)."""
    position = Position.objects.select_for_update().get(pk=position.pk)
    # Everyone is still to be told at this point: that is what filling starts, not a block.
    found = close_findings(position, now=now, lang=lang)
    rules.enforce([f for f in found if f.rule != UNINFORMED], acknowledged)
    if position.status == Position.Status.OPEN:
        lifecycle.move_position_to(position, Position.Status.FILLED)
        position.filled_at = now
        position.save(update_fields=["status", "filled_at"])
        audit.record(
            "position.filled", workspace=position.workspace, actor=actor, position=position.pk
        )
        events.about_position("position.filled", position)
    if hired is not None and hired.position_id == position.pk:
        Application.objects.filter(pk=hired.pk).update(
            stage=Application.Stage.HIRED, informed_at=now, informed_channel="hired"
        )
    return position


@dataclass
class _Batch:
    interviews: dict[int, list[Interview]] = field(default_factory=dict)


def inform_batch(
    position: Position,
    *,
    actor: User | None,
    now: datetime,
    size: int = BATCH_SIZE,
    language: str = "sv",
) -> int:
    """Tell the next `size` uninformed candidates who have an e-mail; how many were told."""
    with transaction.atomic():
        query = (
            uninformed(position)
            .exclude(person__email="")
            .select_related("person")
            .annotate(call_order=CALL_ORDER)
            .order_by("call_order", "pk")
        )
        if connection.vendor == "postgresql":
            # Two workers on one position take different candidates instead of waiting.
            query = query.select_for_update(skip_locked=True, of=("self",))
        applications = list(query[:size])
        if not applications:
            return 0
        batch = _cancel_future_interviews(position, applications, actor=actor, now=now)
        _queue_messages(position, applications, batch, actor=actor, now=now, language=language)
        Application.objects.filter(pk__in=[a.pk for a in applications]).update(
            informed_at=now, informed_channel="email"
        )
        return len(applications)


def _cancel_future_interviews(
    position: Position,
    applications: Sequence[Application],
    *,
    actor: User | None,
    now: datetime,
) -> _Batch:
    """Bulk cancel: status, SEQUENCE up, time released, open changes closed, audit rows."""
    interviews = list(
        Interview.objects.filter(
            application__in=applications, status__in=Interview.ACTIVE, start__gt=now
        ).prefetch_related("bookings__user")
    )
    batch = _Batch()
    if not interviews:
        return batch
    _share_loaded(interviews, position, applications)
    ids = [i.pk for i in interviews]
    lifecycle.move_interviews_to(
        Interview.objects.filter(pk__in=ids),
        Interview.Status.CANCELLED,
        sequence=F("sequence") + 1,
        updated_at=now,
    )
    Booking.objects.filter(interview_id__in=ids).update(active=False)
    # Nothing is left to move: the open changes are withdrawn, as lifecycle.close_on_cancel does.
    lifecycle.move_changes_to(
        Change.objects.filter(interview_id__in=ids, state__in=Change.OPEN_STATES),
        Change.State.WITHDRAWN,
        updated_at=now,
    )
    trail = []
    for interview in interviews:
        lifecycle.move_interview_to(interview, Interview.Status.CANCELLED)
        interview.sequence += 1
        batch.interviews.setdefault(interview.application_id or 0, []).append(interview)
        events.about_interview(
            "interview.cancelled",
            interview,
            cancelled_by="employer",
            reason_category="position_filled",
            reason_text="",
            emergency=False,
            new_time_sought=False,
            change_id=None,
        )
        trail.append(
            AuditEvent(
                workspace_id=interview.workspace_id,
                interview=interview,
                actor=actor,
                verb="interview.cancelled",
                data={"reason": "position_filled"},
                at=now,
            )
        )
    AuditEvent.objects.bulk_create(trail)
    return batch


def _share_loaded(
    interviews: list[Interview], position: Position, applications: Sequence[Application]
) -> None:
    """Hand each interview the position, workspace and person already in memory.

    They are the same few rows for the whole batch; joining them again would
    build thousands of copies. Anything else (an interview of another
    position) is fetched as usual.
    """
    people = {a.person_id: a.person for a in applications}
    for interview in interviews:
        if interview.position_id == position.pk:
            interview.position = position
        if interview.workspace_id == position.workspace_id:
            interview.workspace = position.workspace
        if interview.counterpart_id in people:
            interview.counterpart = people[interview.counterpart_id]


def _queue_messages(
    position: Position,
    applications: Iterable[Application],
    batch: _Batch,
    *,
    actor: User | None,
    now: datetime,
    language: str,
) -> None:
    workspace = position.workspace
    sender = organizer(actor)
    contact = contact_for(position, actor, language)
    rows = []
    for application in applications:
        person = application.person
        interviews = batch.interviews.get(application.pk, [])
        first = interviews[0] if interviews else None
        email = _email_for(application, position, contact, first)
        key = key_for(application)
        ical = _cancel_invitation(first, sender) if first else ""
        rows.append(_message(workspace.pk, person, email, key, first, ical, "position_filled", now))
        for extra in interviews[1:]:
            extra_key = f"{key}|{extra.uid}"
            rows.append(
                _message(
                    workspace.pk,
                    person,
                    email,
                    extra_key,
                    extra,
                    _cancel_invitation(extra, sender),
                    "position_filled",
                    now,
                )
            )
    # The unique key makes a rerun after a crash a no-op for whoever was already queued.
    Message.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    AuditEvent.objects.create(
        workspace=workspace,
        actor=actor,
        verb="position.candidates_informed",
        data={"position": position.pk, "count": len(rows)},
        at=now,
    )
    transaction.on_commit(kick_delivery)


def _cancel_invitation(interview: Interview, sender: tuple[str, str]) -> str:
    """As outbox.invitations_for, but from the prefetched bookings: no query per interview."""
    counterpart = interview.counterpart
    attendees = [(counterpart.name, counterpart.email)] if counterpart.email else []
    attendees += [
        (b.user.get_full_name() or b.user.get_username(), b.user.email)
        for b in interview.bookings.all()
        if b.user.email
    ]
    # The same ORGANIZER as the REQUEST the candidate has, or their calendar ignores the CANCEL.
    organizer, chair = organizer_and_chair(interview, sender)
    return build_invitation(
        Invitation(
            uid=interview.uid,
            sequence=interview.sequence,
            method="CANCEL",
            start=interview.start,
            end=interview.end,
            timezone=interview.timezone,
            summary=interview.title,
            description=description(interview, chair, counterpart.language),
            location=interview.location or interview.video_link,
            organizer=organizer,
            attendees=attendees,
            dtstamp=timezone.now(),
            url=f"{settings.SITE_URL}{interview.get_absolute_url()}",
            chair=chair,
        )
    ).decode()


def _message(
    workspace_id: int,
    person: Any,
    email: wording.ComposedMessage,
    key: str,
    interview: Interview | None,
    ical: str,
    kind: str,
    now: datetime,
) -> Message:
    return Message(
        workspace_id=workspace_id,
        interview=interview,
        kind=kind,
        recipient_name=person.name,
        recipient_email=person.email,
        language=email.language,
        subject=email.subject or "",
        text=email.text,
        html=email.html or "",
        ical=ical,
        ical_method="CANCEL" if ical else "",
        idempotency_key=key,
        message_id=message_id_for(key),
        next_attempt_at=now,
    )


def situation_for_application(
    application: Application,
    position: Position,
    contact: wording.Party,
    interview: Interview | None,
) -> wording.Situation:
    person = application.person
    when = interview.start if interview else position.filled_at or timezone.now()
    end = interview.end if interview else when
    return wording.Situation(
        candidate=wording.Party(
            name=person.name,
            email=person.email or None,
            phone=person.phone or None,
            language=person.language,
            timezone=person.timezone,
            locale=person.reading_locale,
        ),
        contact=contact,
        company=position.workspace.name,
        role=position.titles,
        interview=wording.Interview(
            start=when, end=end, timezone=interview.timezone if interview else person.timezone
        ),
        reason=wording.Reason(category="position_filled"),
        stage=application.stage if application.stage in OPEN_STAGES else "applied",
    )


def contact_for(position: Position, actor: User | None, language: str) -> wording.Party:
    """The recruiter as the sender, looked up once per batch rather than once per candidate."""
    if actor is None:
        return wording.Party(name=position.workspace.name, language=language)
    probe = Interview(workspace=position.workspace, timezone="Europe/Stockholm")
    return member_party(actor, probe, language)


def _email_for(
    application: Application,
    position: Position,
    contact: wording.Party,
    interview: Interview | None,
) -> wording.ComposedMessage:
    """wording.position_filled's e-mail alone: its phone script would be written for nothing."""
    situation = situation_for_application(application, position, contact, interview)
    return compose_email(situation, Side.EMPLOYER, f"position_filled_{situation.stage}", "email")


def close_findings(position: Position, *, now: datetime, lang: str) -> list[Finding]:
    """position_filled.* for the position as it stands: who is still not told."""
    candidates = [
        {
            "id": name,
            "informed": informed is not None,
            "channel": channel if channel in ("phone", "email") else None,
        }
        for name, informed, channel in remaining(position)
        .order_by("person__name")
        .values_list("person__name", "informed_at", "informed_channel")
    ]
    data = {
        "action": "position_filled",
        "side": Side.EMPLOYER,
        "now": now.isoformat(),
        "candidates": candidates,
    }
    return rules.check(data, position.workspace, lang)


@transaction.atomic
def finish_closing(
    position: Position,
    *,
    actor: User | None,
    now: datetime,
    lang: str,
    acknowledged: Collection[str] = (),
) -> Position:
    """Mark the position closed, or NotClosable naming who has not been told."""
    position = Position.objects.select_for_update().get(pk=position.pk)
    findings = close_findings(position, now=now, lang=lang)
    if rules.blocking(findings):
        names = list(uninformed(position).values_list("person__name", flat=True))
        raise NotClosable(findings, names)
    rules.enforce(findings, acknowledged)
    if position.status != Position.Status.CLOSED:
        lifecycle.move_position_to(position, Position.Status.CLOSED)
        position.save(update_fields=["status"])
        audit.record(
            "position.closed", workspace=position.workspace, actor=actor, position=position.pk
        )
        events.about_position("position.closed", position)
    return position


@dataclass(frozen=True)
class Closing:
    informed: int
    still_uninformed: list[str]
    closed: bool


def inform_all(
    position: Position,
    *,
    actor: User | None,
    now: datetime,
    language: str = "sv",
    batch_size: int = BATCH_SIZE,
) -> int:
    told = 0
    while True:
        done = inform_batch(position, actor=actor, now=now, size=batch_size, language=language)
        if done == 0:
            return told
        told += done


def close_position(
    position: Position,
    *,
    hired: Application | None,
    actor: User | None,
    now: datetime | None = None,
    language: str = "sv",
    batch_size: int = BATCH_SIZE,
) -> Closing:
    """The whole action in one call (the worker task and the benchmark use it)."""
    moment = now or timezone.now()
    position = mark_filled(position, hired=hired, actor=actor, now=moment)
    told = inform_all(position, actor=actor, now=moment, language=language, batch_size=batch_size)
    try:
        finish_closing(position, actor=actor, now=moment, lang=language)
    except NotClosable as refused:
        return Closing(told, refused.names, closed=False)
    return Closing(told, [], closed=True)


@transaction.atomic
def log_call(
    application: Application,
    *,
    outcome: str,
    actor: User | None,
    now: datetime,
    note: str = "",
    language: str = "sv",
) -> Application:
    """A call about the filled position; reaching them (or their voicemail) informs them.

    Someone told by phone is skipped by the e-mail batches, so their interviews
    still ahead are cancelled here: the time is released, and whoever has an
    e-mail address gets the written word with the calendar cancellation (the
    same idempotency key as the batch, so never twice).
    """
    reached = outcome in ("reached", "left_message")
    position = application.position
    if reached:
        application.informed_at = application.informed_at or now
        application.informed_channel = "phone"
        application.save(update_fields=["informed_at", "informed_channel"])
        if position.status != Position.Status.OPEN:
            batch = _cancel_future_interviews(position, [application], actor=actor, now=now)
            if batch.interviews and application.person.email:
                _queue_messages(
                    position, [application], batch, actor=actor, now=now, language=language
                )
    AuditEvent.objects.create(
        workspace=position.workspace,
        actor=actor,
        verb="position.candidate_called",
        data={"application": application.pk, "outcome": outcome, "note": note.strip()[:500]},
        at=now,
    )
    return application
