"""iCalendar invitations for an interview: REQUEST when booked or moved, CANCEL when called off.

DECLINECOUNTER answers a candidate's "propose a new time" with no (RFC 5546, 3.2.8).

Calendar clients match updates by UID and take the one with the highest
SEQUENCE, so the interview keeps one UID for its whole life and the caller
raises SEQUENCE on every change. A cancellation must go out as METHOD:CANCEL
with STATUS:CANCELLED: sent as a REQUEST it stays in people's calendars.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from takt.scheduling.zones import zone

PRODID = "-//Takt//Takt interview invitations//EN"

Method = Literal["REQUEST", "CANCEL"]
# The answers a calendar client sends back to the ORGANIZER, and the organizer's no to a COUNTER.
ANSWERS = ("REPLY", "COUNTER")
# RFC 5545: lines of 75 octets or more are folded.
FOLD_AT = 75


@dataclass(frozen=True)
class Invitation:
    """One interview as the calendar sees it, at one SEQUENCE."""

    uid: str
    sequence: int
    method: Method
    start: datetime
    end: datetime
    timezone: str
    summary: str
    description: str
    location: str
    organizer: tuple[str, str]
    attendees: list[tuple[str, str]] = field(default_factory=list)
    dtstamp: datetime = field(default_factory=lambda: datetime.now(UTC))
    url: str | None = None
    # The recruiter, when the ORGANIZER is Takt's address in their name (invitation_address.py).
    chair: tuple[str, str] | None = None


def build_invitation(inv: Invitation) -> bytes:
    """The iTIP calendar (METHOD:REQUEST or METHOD:CANCEL) to send by e-mail."""
    _check(inv)
    if inv.method not in ("REQUEST", "CANCEL"):
        raise ValueError(f"method must be REQUEST or CANCEL, not {inv.method!r}")
    return _to_ical(inv, inv.method)


def build_download(inv: Invitation) -> bytes:
    """A plain .ics file to download (METHOD:PUBLISH, no RSVP)."""
    _check(inv)
    return _to_ical(inv, "PUBLISH")


def build_decline_counter(inv: Invitation, attendee: tuple[str, str], comment: str = "") -> bytes:
    """METHOD:DECLINECOUNTER to the attendee who proposed a new time: same UID and SEQUENCE.

    Only what RFC 5546 asks of it (UID, SEQUENCE, DTSTAMP, ORGANIZER, the
    ATTENDEE): the event itself stays as the last REQUEST said.
    """
    _check(inv)
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", "DECLINECOUNTER")
    event = Event()
    event.add("UID", inv.uid)
    event.add("SEQUENCE", inv.sequence)
    event.add("DTSTAMP", inv.dtstamp.astimezone(UTC))
    event.add("ORGANIZER", _address(*inv.organizer))
    event.add("ATTENDEE", _address(*attendee))
    if comment:
        event.add("COMMENT", comment)
    calendar.add_component(event)
    return _serialise(calendar)


def _to_ical(inv: Invitation, method: str) -> bytes:
    """The calendar's bytes, with the VTIMEZONE serialised once per zone and years.

    The same bytes as `_calendar(inv, method).to_ical()`: the time zone comes
    first among the components, just before the event. Closing a position
    writes thousands of invitations in one zone, and the VTIMEZONE is over
    half of each one's lines.
    """
    body = _serialise(_calendar(inv, method, with_timezones=False))
    zones = _timezones_ical(inv.timezone, inv.start.year, inv.end.year)
    if not zones:
        return body
    at = body.index(b"\r\nBEGIN:VEVENT\r\n") + 2
    return body[:at] + zones + body[at:]


def _check(inv: Invitation) -> None:
    for name in ("start", "end", "dtstamp"):
        value = getattr(inv, name)
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{name} must be an aware datetime")
    if inv.end <= inv.start:
        raise ValueError("the interview must end after it starts")
    if inv.sequence < 0:
        raise ValueError("SEQUENCE cannot be negative")
    if not inv.uid or any(ch in inv.uid for ch in "\r\n"):
        raise ValueError("UID must be a non-empty single line")
    zone(inv.timezone)  # raises TimeProblem("unknown_zone") early, not half-way through


def _serialise(calendar: Calendar) -> bytes:
    """`calendar.to_ical()`, with a fast path for the lines that need no folding.

    icalendar folds every line character by character; a line under 75 octets
    comes out as it went in, so only the long ones are handed to it.
    """
    out = []
    for line in calendar.content_lines():
        if not line:
            continue
        raw = line.encode("utf-8")
        out.append(raw if len(raw) < FOLD_AT else line.to_ical())
    return b"\r\n".join(out) + b"\r\n"


def _calendar(inv: Invitation, method: str, *, with_timezones: bool = True) -> Calendar:
    tz = zone(inv.timezone)
    cancelled = inv.method == "CANCEL"

    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", method)

    event = Event()
    event.add("UID", inv.uid)
    event.add("SEQUENCE", inv.sequence)
    event.add("DTSTAMP", inv.dtstamp.astimezone(UTC))
    # Local wall time with TZID: the reader's client then follows the zone's DST rules.
    event.add("DTSTART", inv.start.astimezone(tz))
    event.add("DTEND", inv.end.astimezone(tz))
    event.add("SUMMARY", inv.summary)
    if inv.description:
        event.add("DESCRIPTION", inv.description)
    if inv.location:
        event.add("LOCATION", inv.location)
    if inv.url:
        event.add("URL", inv.url)
    event.add("STATUS", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("TRANSP", "TRANSPARENT" if cancelled else "OPAQUE")
    event.add("ORGANIZER", _address(*inv.organizer))
    # RFC 5546: a PUBLISH has no attendees; there is nobody to answer to.
    if method != "PUBLISH":
        chair = inv.chair[1].lower() if inv.chair else ""
        if inv.chair:
            # The recruiter, seen by the candidate beside Takt's ORGANIZER address; no RSVP asked.
            attendee = _address(*inv.chair)
            attendee.params["ROLE"] = "CHAIR"
            attendee.params["PARTSTAT"] = "ACCEPTED"
            attendee.params["RSVP"] = "FALSE"
            event.add("ATTENDEE", attendee)
        for name, email in inv.attendees:
            if email.lower() == chair:
                continue
            attendee = _address(name, email)
            attendee.params["ROLE"] = "REQ-PARTICIPANT"
            attendee.params["PARTSTAT"] = "NEEDS-ACTION"
            attendee.params["RSVP"] = "TRUE" if method == "REQUEST" else "FALSE"
            event.add("ATTENDEE", attendee)
    calendar.add_component(event)
    if not with_timezones:
        return calendar
    for timezone in _timezones(inv.timezone, inv.start.year, inv.end.year):
        calendar.subcomponents.insert(0, timezone)
    return calendar


def _address(name: str, email: str) -> vCalAddress:
    if not email or "@" not in email or any(ch in email for ch in "\r\n :;"):
        raise ValueError(f"not an e-mail address: {email!r}")
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address


@lru_cache(maxsize=64)
def _timezones_ical(tzid: str, first_year: int, last_year: int) -> bytes:
    # _calendar inserts each at position 0, so they come out in reverse order.
    return b"".join(part.to_ical() for part in reversed(_timezones(tzid, first_year, last_year)))


@lru_cache(maxsize=64)
def _timezones(tzid: str, first_year: int, last_year: int) -> tuple[Timezone, ...]:
    """The VTIMEZONE for tzid, covering the interview's years (UTC needs none)."""
    if tzid in ("UTC", "Etc/UTC"):
        return ()
    # A few years around the interview keep the component short; clients only need
    # the rules in force when it happens.
    timezone = Timezone.from_tzid(
        tzid, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1)
    )
    _onsets_in_previous_offset(timezone)
    return (timezone,)


def _onsets_in_previous_offset(timezone: Timezone) -> None:
    """Give spring-forward onsets in the offset before the change, as RFC 5545 wants.

    icalendar writes the first wall time after a forward jump (03:00 in
    Stockholm), but DTSTART of a DAYLIGHT part is the onset read in TZOFFSETFROM
    (02:00), as in every VTIMEZONE Outlook and Apple send. Backward changes
    already come out right.
    """
    for part in timezone.walk():
        if part.name not in ("STANDARD", "DAYLIGHT"):
            continue
        offset_to: Any = part["TZOFFSETTO"]
        offset_from: Any = part["TZOFFSETFROM"]
        jump = offset_to.td - offset_from.td
        if jump <= timedelta(0):
            continue
        onset: Any = part.pop("DTSTART")
        part.add("DTSTART", onset.dt - jump)
        rdates: Any = part.pop("RDATE", None)
        if rdates is None:
            continue
        lists = rdates if isinstance(rdates, list) else [rdates]
        part.add("RDATE", [value.dt - jump for rdate in lists for value in rdate.dts])
