"""What the candidate's own calendar answers to the invitation (iTIP REPLY and COUNTER).

A REPLY (accepted, maybe, declined) is the candidate's attendance on the
interview, kept with the SEQUENCE it answers. A COUNTER ("propose a new
time" in Google Calendar and Outlook) is a proposal like a written "Friday
after lunch?": it goes on the open change, or opens one, and the recruiter
answers it with one click: accept (the interview moves, a REQUEST with
SEQUENCE up goes out) or decline (a DECLINECOUNTER goes out, the interview
stays). Reading the mail is takt/inbox/itip.py; the verbs are here.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from takt import wording
from takt.core import audit, changes
from takt.core.models import AuditEvent, Change, Interview, Side
from takt.hiring.answers import confirm_to_candidate, move_to_agreed_time
from takt.hiring.mail import organizer, queue_to_recruiter, recruiter_of
from takt.hiring.receiving import COUNTER, COUNTER_ANSWERED, first_name
from takt.outbox.invitation import build_decline_counter
from takt.outbox.invitations_for import invitation_data
from takt.outbox.models import Message
from takt.outbox.services import idempotency_key, queue_message
from takt.scheduling import dates

LABEL = "calendar"
ACCEPTED, DECLINED = COUNTER_ANSWERED
ATTENDANCE_VERBS: dict[str, str] = {
    Interview.Attendance.ACCEPTED: "calendar.accepted",
    Interview.Attendance.TENTATIVE: "calendar.tentative",
    Interview.Attendance.DECLINED: "calendar.declined",
}


class NoCounter(Exception):
    """No proposal from the candidate's calendar waits on this change (answered, or moved since)."""


class CancelUnderway(Exception):
    """The proposal came while the interview is being called off: that change cannot move it.

    Accepting would mark a cancellation as agreed on a new time; the recruiter
    withdraws the cancellation first, or declines the proposal.
    """


@dataclass(frozen=True)
class Counter:
    """A new time the candidate proposed from their calendar, not yet answered."""

    event_id: int
    change_id: int
    start: datetime
    end: datetime
    sequence: int
    comment: str
    opened: bool  # the change was opened for it


@transaction.atomic
def record_attendance(
    interview: Interview, attendance: str, *, sequence: int, comment: str = ""
) -> None:
    """The candidate's calendar answered the invitation at `sequence`: attendance and timeline."""
    Interview.objects.filter(pk=interview.pk).update(
        attendance=attendance, attendance_sequence=sequence, updated_at=timezone.now()
    )
    interview.attendance, interview.attendance_sequence = attendance, sequence
    audit.record(
        ATTENDANCE_VERBS[attendance],
        workspace=interview.workspace,
        interview=interview,
        actor_label=LABEL,
        note=comment[:1000],
        sequence=sequence,
    )


@transaction.atomic
def receive_counter(
    interview: Interview,
    *,
    start: datetime,
    end: datetime,
    sequence: int,
    comment: str = "",
) -> Change:
    """A new time proposed from the candidate's calendar: on the open change, or a new one.

    The recruiter is told by e-mail with a link to answer it; nothing moves until they do.
    """
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    change = interview.changes.filter(state__in=Change.OPEN_STATES).order_by("-pk").first()
    opened = change is None
    if change is None:
        change = changes.start_change(
            interview,
            kind=Change.Kind.RESCHEDULE,
            side=Side.EMPLOYER,
            reason_category=Change.Reason.OTHER,
            reason_text="",
            actor=None,
            actor_label=LABEL,
        )
    window = {"start": start.isoformat(), "end": end.isoformat()}
    # Read as the `reply` contract reads "Friday at 13", so the change page offers it the same way.
    reading = {"intent": "propose", "chosen": None, "windows": [window], "quote": comment}
    event = audit.record(
        COUNTER,
        workspace=interview.workspace,
        interview=interview,
        actor_label=LABEL,
        change=change.pk,
        channel="calendar",
        note=comment[:2000],
        reading=reading,
        writer=first_name(interview),
        counter={**window, "sequence": sequence, "opened": opened},
    )
    _tell_recruiter(interview, change, event, start, end)
    return change


def pending_counter(interview: Interview, change: Change | None = None) -> Counter | None:
    """The candidate's last proposal from their calendar, if it still waits for an answer."""
    event = interview.audit.filter(verb=COUNTER).order_by("-at", "-pk").first()
    if event is None:
        return None
    data = event.data.get("counter") or {}
    if data.get("sequence") != interview.sequence:
        return None  # the interview moved or was called off since
    if change is not None and event.data.get("change") != change.pk:
        return None
    if interview.audit.filter(verb__in=COUNTER_ANSWERED, data__event=event.pk).exists():
        return None
    return Counter(
        event_id=event.pk,
        change_id=int(event.data["change"]),
        start=datetime.fromisoformat(data["start"]),
        end=datetime.fromisoformat(data["end"]),
        sequence=int(data["sequence"]),
        comment=str(event.data.get("note") or ""),
        opened=bool(data.get("opened")),
    )


@transaction.atomic
def accept_counter(
    change: Change,
    *,
    actor: User,
    now: datetime | None = None,
    language: str = "sv",
    acknowledged: Collection[str] = (),
) -> Interview:
    """Move the interview to the proposed time; the candidate gets the REQUEST, SEQUENCE up.

    The rules run first (a clash in an interviewer's calendar blocks); DoubleBooking
    still guards the race with another booking in Takt.
    """
    moment = now or timezone.now()
    interview = Interview.objects.select_for_update().get(pk=change.interview_id)
    change.refresh_from_db()
    counter = pending_counter(interview, change)
    if counter is None or not change.is_open:
        raise NoCounter
    if change.kind == Change.Kind.CANCEL:
        raise CancelUnderway
    moved = move_to_agreed_time(
        interview,
        change,
        counter.start,
        counter.end,
        actor=actor,
        now=moment,
        language=language,
        acknowledged=acknowledged,
    )
    audit.record(
        ACCEPTED, workspace=moved.workspace, interview=moved, actor=actor, event=counter.event_id
    )
    confirm_to_candidate(
        moved,
        change,
        (counter.start, counter.end),
        actor=actor,
        language=language,
        kind=f"counter_accepted_{counter.event_id}",
    )
    return moved


@transaction.atomic
def decline_counter(
    change: Change,
    *,
    actor: User,
    now: datetime | None = None,
    language: str = "sv",
    acknowledged: Collection[str] = (),
) -> Message | None:
    """Say no to the proposed time: a DECLINECOUNTER (same UID and SEQUENCE) to the candidate.

    The interview stays as it is. A change opened only for the proposal is withdrawn;
    one the recruiter had started stays open for them. No rule speaks of this answer,
    so `acknowledged` is there for the one contract every verb keeps.
    """
    interview = Interview.objects.select_for_update().get(pk=change.interview_id)
    change.refresh_from_db()
    counter = pending_counter(interview, change)
    if counter is None:
        raise NoCounter
    audit.record(
        DECLINED,
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        event=counter.event_id,
    )
    message = _queue_decline(interview, counter, actor, change)
    if counter.opened and change.state == Change.State.DRAFT:
        changes.withdraw_change(change, actor=actor)
    return message


def _queue_decline(
    interview: Interview, counter: Counter, actor: User, change: Change
) -> Message | None:
    person = interview.counterpart
    if not person.email:
        return None
    language = person.language or "sv"
    with translation.override(language):
        style = dates.style_for(language)
        zone = interview.zone
        proposed = dates.day_and_clock(counter.start.astimezone(zone), style)
        current = dates.day_and_clock(interview.start.astimezone(zone), style)
        name = actor.get_full_name() or actor.get_username()
        subject = _("Your proposed time for %(title)s") % {"title": interview.title_in(language)}
        lines = [
            _("Hi %(name)s,") % {"name": first_name(interview)},
            _("Thank you for proposing %(when)s. Unfortunately that time does not work for us.")
            % {"when": proposed},
        ]
        if interview.status == Interview.Status.SCHEDULED:
            lines.append(_("The interview stays at %(when)s.") % {"when": current})
        lines.append(_("Best regards,\n%(name)s") % {"name": name})
        comment = _("The proposed time does not work for us.")
    invitation = invitation_data(interview, "REQUEST", organizer(actor))
    ical = build_decline_counter(invitation, (person.name, person.email), comment)
    kind = f"counter_declined_{counter.event_id}"
    return queue_message(
        workspace=interview.workspace,
        kind=kind,
        recipient_name=person.name,
        recipient_email=person.email,
        language=language,
        subject=subject,
        text="\n\n".join(lines),
        interview=interview,
        change=change,
        ical=ical,
        ical_method="DECLINECOUNTER",
        key=idempotency_key(interview.uid, kind, interview.sequence, person.email),
    )


def _tell_recruiter(
    interview: Interview, change: Change, event: AuditEvent, start: datetime, end: datetime
) -> None:
    recruiter = recruiter_of(interview, change)
    if recruiter is None:
        return
    language = settings.LANGUAGE_CODE[:2]
    url = settings.SITE_URL + reverse("employer_counter", args=[interview.workspace_id, change.pk])
    with translation.override(language):
        style = dates.style_for(language)
        zone = interview.zone
        when = dates.day_and_clock(start.astimezone(zone), style)
        until = dates.clock_text(end.astimezone(zone), style)
        subject = _("%(name)s proposes a new time") % {"name": interview.counterpart.name}
        text = _(
            "%(name)s proposed a new time for %(title)s from their calendar: %(when)s–%(until)s."
            "\n\nAccept or decline it here: %(url)s"
        ) % {
            "name": interview.counterpart.name,
            "title": interview.title,
            "when": when,
            "until": until,
            "url": url,
        }
    email = wording.ComposedMessage(kind="email", language=language, text=text, subject=subject)
    queue_to_recruiter(interview, recruiter, email, kind=f"counter_{event.pk}", change=change)
