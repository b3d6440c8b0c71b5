"""Calendar answers shaped as Google Calendar, Outlook and Apple Calendar send them.

Built with the icalendar library from what the clients are seen to send:
Google puts the calendar inside multipart/alternative and attaches it again
as application/ics; Outlook (Exchange) sends multipart/alternative with a
base64 text/calendar, Windows zone names and, in a REPLY, no ORGANIZER;
Apple Calendar sends a text/calendar attachment named iCal-….ics beside a
short text, with its zone as an IANA name and an EMAIL parameter.
"""

from datetime import UTC, datetime, timedelta
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress

from takt.core.models import Interview
from takt.outbox.invitation_address import organizer_address

DOMAIN = "svar.takt.example"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
ERIK = "erik@example.se"
WRITTEN = datetime(2026, 5, 4, 8, 30, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A wall time in Stockholm in May 2026, as an aware datetime."""
    return datetime(2026, 5, day, hour, minute, tzinfo=STOCKHOLM)


def _attendee(address: str, partstat: str, **params: str) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{address}")
    attendee.params["PARTSTAT"] = partstat
    for key, value in params.items():
        attendee.params[key] = value
    return attendee


def _organizer(interview: Interview) -> vCalAddress:
    organizer = vCalAddress(f"mailto:{organizer_address(interview)}")
    organizer.params["CN"] = "Anna Berg"
    return organizer


def _calendar(prodid: str, method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("PRODID", prodid)
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", method)
    return calendar


def _times(interview: Interview, start: datetime | None, end: datetime | None) -> tuple:
    first = start or interview.start
    return first, end or first + (interview.end - interview.start)


# --- Google Calendar -------------------------------------------------------------------------


def google(
    interview: Interview,
    method: str = "REPLY",
    *,
    partstat: str = "ACCEPTED",
    sequence: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    attendee: str = ERIK,
    sender: str = f"Erik Lind <{ERIK}>",
    uid: str | None = None,
    comment: str = "",
    message_id: str = "google-1@google.com",
) -> bytes:
    """Google: times in UTC, the calendar in multipart/alternative and again as invite.ics."""
    first, last = _times(interview, start, end)
    calendar = _calendar("-//Google Inc//Google Calendar 70.9054//EN", method)
    calendar.add("CALSCALE", "GREGORIAN")
    event = Event()
    event.add("DTSTART", first.astimezone(UTC))
    event.add("DTEND", last.astimezone(UTC))
    event.add("DTSTAMP", WRITTEN)
    event.add("ORGANIZER", _organizer(interview))
    event.add("UID", uid or interview.uid)
    event.add(
        "ATTENDEE",
        _attendee(
            attendee,
            partstat,
            CUTYPE="INDIVIDUAL",
            ROLE="REQ-PARTICIPANT",
            CN="Erik Lind",
            **{"X-NUM-GUESTS": "0"},
        ),
    )
    if comment:
        event.add("COMMENT", comment)
    event.add("SEQUENCE", interview.sequence if sequence is None else sequence)
    event.add("STATUS", "CONFIRMED")
    event.add("SUMMARY", "Intervju: Backendutvecklare · Norrsken AB")
    event.add("TRANSP", "OPAQUE")
    calendar.add_component(event)
    ics = calendar.to_ical()
    words = {
        "ACCEPTED": "Erik Lind has accepted this invitation.",
        "DECLINED": "Erik Lind has declined this invitation.",
        "TENTATIVE": "Erik Lind has replied Maybe to this invitation.",
    }.get(partstat, "Erik Lind has replied to this invitation.")
    if method == "COUNTER":
        words = "Erik Lind has proposed a new time for this event."
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(words, "plain", "utf-8"))
    alternative.attach(MIMEText(f"<p>{words}</p>", "html", "utf-8"))
    part = MIMEBase("text", "calendar", method=method, charset="UTF-8")
    part.set_payload(ics)
    encoders.encode_7or8bit(part)
    alternative.attach(part)
    message = MIMEMultipart("mixed")
    message.attach(alternative)
    attachment = MIMEBase("application", "ics", name="invite.ics")
    attachment.set_payload(ics)
    encoders.encode_base64(attachment)
    attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(attachment)
    subject = {"COUNTER": "New time proposed"}.get(method, "Accepted")
    return _headers(message, interview, sender, f"{subject}: Intervju", message_id)


# --- Outlook (Exchange) ----------------------------------------------------------------------

WINDOWS_STOCKHOLM = "W. Europe Standard Time"


def _windows_zone() -> Timezone:
    """The VTIMEZONE Exchange writes: a Windows name, rules from the year 1601."""
    zone = Timezone()
    zone.add("TZID", WINDOWS_STOCKHOLM)
    standard = TimezoneStandard()
    # A VTIMEZONE's onsets are wall times in the zone itself: floating by definition.
    standard.add("DTSTART", datetime(1601, 1, 1, 3, 0))  # noqa: DTZ001
    standard.add("TZOFFSETFROM", timedelta(hours=2))
    standard.add("TZOFFSETTO", timedelta(hours=1))
    standard.add("RRULE", {"FREQ": "YEARLY", "INTERVAL": 1, "BYDAY": "-1SU", "BYMONTH": 10})
    daylight = TimezoneDaylight()
    daylight.add("DTSTART", datetime(1601, 1, 1, 2, 0))  # noqa: DTZ001
    daylight.add("TZOFFSETFROM", timedelta(hours=1))
    daylight.add("TZOFFSETTO", timedelta(hours=2))
    daylight.add("RRULE", {"FREQ": "YEARLY", "INTERVAL": 1, "BYDAY": "-1SU", "BYMONTH": 3})
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def outlook(
    interview: Interview,
    method: str = "REPLY",
    *,
    partstat: str = "DECLINED",
    sequence: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    comment: str = "",
    message_id: str = "AM0PR01MB7777@eurprd01.prod.exchangelabs.com",
) -> bytes:
    """Outlook: multipart/alternative, base64, a Windows zone; no ORGANIZER in a REPLY."""
    first, last = _times(interview, start, end)
    calendar = _calendar("Microsoft Exchange Server 2010", method)
    calendar.add_component(_windows_zone())
    event = Event()
    event.add("ATTENDEE", _attendee(ERIK, partstat, CN="Erik Lind"))
    if comment:
        event.add("COMMENT", comment, parameters={"LANGUAGE": "sv-SE"})
    if method == "COUNTER":
        event.add("ORGANIZER", _organizer(interview))
    prefix = {"DECLINED": "Tackat nej", "ACCEPTED": "Tackat ja", "TENTATIVE": "Preliminärt"}
    title = "Ny tid föreslagen" if method == "COUNTER" else prefix.get(partstat, "Svar")
    event.add("SUMMARY", f"{title}: Intervju", parameters={"LANGUAGE": "sv-SE"})
    for name, moment in (("DTSTART", first), ("DTEND", last)):
        wall = moment.astimezone(STOCKHOLM).replace(tzinfo=None)
        event.add(name, wall, parameters={"TZID": WINDOWS_STOCKHOLM})
    event.add("UID", interview.uid)
    event.add("CLASS", "PUBLIC")
    event.add("PRIORITY", 5)
    event.add("DTSTAMP", WRITTEN)
    event.add("TRANSP", "OPAQUE")
    event.add("STATUS", "CONFIRMED")
    seq = interview.sequence if sequence is None else sequence
    event.add("SEQUENCE", seq)
    event.add("X-MICROSOFT-CDO-APPT-SEQUENCE", str(seq))
    event.add("X-MICROSOFT-CDO-BUSYSTATUS", "TENTATIVE")
    calendar.add_component(event)
    text = comment or "Erik Lind har svarat."
    message = MIMEMultipart("alternative")
    message.attach(MIMEText(text, "plain", "utf-8"))
    message.attach(MIMEText(f"<html><body><p>{text}</p></body></html>", "html", "utf-8"))
    part = MIMEBase("text", "calendar", method=method, charset="utf-8")
    part.set_payload(calendar.to_ical())
    encoders.encode_base64(part)
    message.attach(part)
    return _headers(message, interview, f"Erik Lind <{ERIK}>", f"{title}: Intervju", message_id)


# --- Apple Calendar --------------------------------------------------------------------------


def apple(
    interview: Interview,
    method: str = "REPLY",
    *,
    partstat: str = "TENTATIVE",
    sequence: int | None = None,
    message_id: str = "8C2B3F1E-APPLE@example.se",
) -> bytes:
    """Apple Calendar: a short text and the answer as an attached iCal-….ics."""
    calendar = _calendar("-//Apple Inc.//macOS 14.4.1//EN", method)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add_component(Timezone.from_tzid("Europe/Stockholm"))
    event = Event()
    event.add(
        "ATTENDEE",
        _attendee(ERIK, partstat, CN="Erik Lind", CUTYPE="INDIVIDUAL", EMAIL=ERIK),
    )
    event.add("DTSTART", interview.start.astimezone(STOCKHOLM))
    event.add("DTEND", interview.end.astimezone(STOCKHOLM))
    event.add("DTSTAMP", WRITTEN)
    event.add("ORGANIZER", _organizer(interview))
    event.add("REQUEST-STATUS", "2.0;Success")
    event.add("SEQUENCE", interview.sequence if sequence is None else sequence)
    event.add("SUMMARY", "Intervju: Backendutvecklare · Norrsken AB")
    event.add("UID", interview.uid)
    calendar.add_component(event)
    message = MIMEMultipart("mixed")
    message.attach(MIMEText("Erik Lind har svarat preliminärt på din inbjudan.", "plain", "utf-8"))
    name = "iCal-20260504-103000.ics"
    part = MIMEBase("text", "calendar", method=method, charset="utf-8", name=name)
    part.set_payload(calendar.to_ical())
    encoders.encode_quopri(part)
    part.add_header("Content-Disposition", "attachment", filename=name)
    message.attach(part)
    return _headers(message, interview, f"Erik Lind <{ERIK}>", "Svar: Intervju", message_id)


def _headers(
    message: MIMEMultipart, interview: Interview, sender: str, subject: str, message_id: str
) -> bytes:
    message["From"] = sender
    message["To"] = f"Anna Berg <{organizer_address(interview)}>"
    message["Subject"] = subject
    message["Date"] = format_datetime(WRITTEN)
    message["Message-ID"] = f"<{message_id}>"
    return message.as_bytes()
