"""Calendar answers by e-mail: an iTIP REPLY or COUNTER (RFC 5546, carried as RFC 6047 says).

Calendar clients answer the invitation's ORGANIZER, which is Takt's address
for the interview (outbox/invitation_address.py). The calendar comes as a
text/calendar part (Google: inside multipart/alternative; Outlook: beside
its text in multipart/alternative) or as an .ics attachment (Apple Mail).
The answer is matched by the invitation's UID and the ATTENDEE's address:
an unknown UID, an attendee or sender other than the interview's
counterpart, or a SEQUENCE other than the current one is kept for a person
and not acted on. The verbs are in hiring/calendar_answers.py.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import getaddresses
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from takt.core.models import Change, Interview
from takt.hiring import calendar_answers
from takt.inbox.models import InboundMail
from takt.outbox.invitation import ANSWERS
from takt.outbox.invitation_address import interview_id_in
from takt.scheduling.zones import TimeProblem, localize

_CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar")
_RECIPIENTS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")
PARTSTATS = {
    "ACCEPTED": Interview.Attendance.ACCEPTED,
    "TENTATIVE": Interview.Attendance.TENTATIVE,
    "DECLINED": Interview.Attendance.DECLINED,
}
# A calendar part bigger than this is no answer to one interview.
MOST_BYTES = 200_000


@dataclass(frozen=True)
class Answer:
    """One answer as the calendar wrote it; `problem` says why it cannot be read."""

    method: str  # REPLY or COUNTER
    uid: str
    sequence: int
    attendee: str  # the address, lower case
    partstat: str
    start: datetime | date | None
    end: datetime | date | None
    comment: str
    problem: str = ""


def answer_in(message: EmailMessage) -> Answer | None:
    """The REPLY or COUNTER the mail carries; None when it carries no calendar answer."""
    for part in message.walk():
        if part.is_multipart():
            continue
        name = (part.get_filename() or "").lower()
        if part.get_content_type() not in _CALENDAR_TYPES and not name.endswith(".ics"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or len(payload) > MOST_BYTES:
            continue
        answer = _read(payload)
        if answer is not None:
            return answer
    return None


def _read(data: bytes) -> Answer | None:
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError):
        return None
    method = str(calendar.get("METHOD", "")).strip().upper()
    if method not in ANSWERS:
        return None
    events = calendar.walk("VEVENT")
    if not events:
        return _unreadable(method, "no_event")
    event = events[0]
    attendees = event.get("ATTENDEE")
    if isinstance(attendees, list):
        # A REPLY names the one attendee answering; more than one is nobody in particular.
        return _unreadable(method, "attendees", str(event.get("UID", "")))
    try:
        sequence = int(event.decoded("SEQUENCE")) if "SEQUENCE" in event else 0
        start = event.decoded("DTSTART") if "DTSTART" in event else None
        end = _end(event, start)
    except (ValueError, TypeError, KeyError):
        return _unreadable(method, "times", str(event.get("UID", "")))
    return Answer(
        method=method,
        uid=str(event.get("UID", "")).strip(),
        sequence=sequence,
        attendee=_mailto(attendees),
        partstat=str(attendees.params.get("PARTSTAT", "")).upper() if attendees else "",
        start=start,
        end=end,
        comment=_comment(event),
    )


def _end(event: Any, start: datetime | date | None) -> datetime | date | None:
    if "DTEND" in event:
        end: datetime | date = event.decoded("DTEND")
        return end
    if "DURATION" in event and isinstance(start, datetime):
        duration: timedelta = event.decoded("DURATION")
        return start + duration
    return None


def _comment(event: Any) -> str:
    value = event.get("COMMENT") or event.get("X-RESPONSE-COMMENT") or ""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()[:2000]


def _mailto(value: Any) -> str:
    text = str(value or "").strip()
    return text[7:].strip().lower() if text.lower().startswith("mailto:") else text.lower()


def _unreadable(method: str, problem: str, uid: str = "") -> Answer:
    return Answer(method, uid.strip(), 0, "", "", None, None, "", problem=problem)


def take(mail: InboundMail, message: EmailMessage, answer: Answer, sender: str) -> InboundMail:
    """Act on the answer, or keep the mail with the reason why not; the row is saved."""
    interview = (
        Interview.objects.filter(uid=answer.uid).select_related("counterpart", "workspace").first()
        if answer.uid
        else None
    )
    addressed = interview_id_in(_recipients(message))
    if interview is None or (addressed is not None and addressed != interview.pk):
        return _keep(mail, InboundMail.Why.UNKNOWN_INVITATION)
    mail.interview = interview
    mail.change = interview.changes.filter(state__in=Change.OPEN_STATES).first()
    mail.reading = {"itip": answer.method, "partstat": answer.partstat, "sequence": answer.sequence}
    counterpart = interview.counterpart.email.strip().lower()
    if not counterpart or answer.attendee != counterpart or sender != counterpart:
        return _keep(mail, InboundMail.Why.OTHER_SENDER)
    if answer.problem:
        return _keep(mail, InboundMail.Why.UNREADABLE)
    if answer.sequence != interview.sequence:
        return _keep(mail, InboundMail.Why.OLD_SEQUENCE)
    if answer.method == "REPLY":
        return _reply(mail, interview, answer)
    return _counter(mail, interview, answer)


def _reply(mail: InboundMail, interview: Interview, answer: Answer) -> InboundMail:
    attendance = PARTSTATS.get(answer.partstat)
    if attendance is None:
        return _keep(mail, InboundMail.Why.UNREADABLE)
    if not interview.is_active:
        return _keep(mail, InboundMail.Why.CLOSED)
    calendar_answers.record_attendance(
        interview, attendance, sequence=answer.sequence, comment=answer.comment
    )
    return _read_done(mail)


def _counter(mail: InboundMail, interview: Interview, answer: Answer) -> InboundMail:
    if not interview.is_active:
        return _keep(mail, InboundMail.Why.CLOSED)
    zone = ZoneInfo(interview.counterpart.timezone or interview.timezone)
    start = _aware(answer.start, zone)
    end = _aware(answer.end, zone) if answer.end is not None else None
    if start is None:
        return _keep(mail, InboundMail.Why.UNREADABLE)
    end = end or start + (interview.end - interview.start)
    if end <= start:
        return _keep(mail, InboundMail.Why.UNREADABLE)
    mail.change = calendar_answers.receive_counter(
        interview, start=start, end=end, sequence=answer.sequence, comment=answer.comment
    )
    mail.reading = {
        **mail.reading,
        "intent": "propose",
        "windows": [{"start": start.isoformat(), "end": end.isoformat()}],
    }
    return _read_done(mail)


def _aware(value: datetime | date | None, zone: ZoneInfo) -> datetime | None:
    """An aware time; a floating one is the writer's wall clock; a whole day is no time."""
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        try:
            return localize(value, zone)
        except TimeProblem:
            return None  # in a DST gap or fold: refused, not guessed
    return value


def _recipients(message: EmailMessage) -> str:
    values = [str(v) for h in _RECIPIENTS for v in message.get_all(h, [])]
    return ", ".join(address for _name, address in getaddresses(values))


def _keep(mail: InboundMail, why: str) -> InboundMail:
    mail.status = InboundMail.Status.KEPT
    mail.why = why
    mail.save()
    return mail


def _read_done(mail: InboundMail) -> InboundMail:
    mail.status = InboundMail.Status.READ
    mail.why = InboundMail.Why.READ
    mail.save()
    return mail
