"""Reading an interview invitation (.ics) into the fields of the add-interview form."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from takt.core.form_checks import FIRST_YEAR, LAST_YEAR
from takt.seeker.forms import ZONES

MAX_BYTES = 512 * 1024
DEFAULT_ZONE = "Europe/Stockholm"


@dataclass(frozen=True)
class InvitationProblem(Exception):
    """The file is not an invitation Takt can read; `code` picks the message."""

    # "too_big", "unreadable", "no_event", "all_day", "no_start", "organizers", "duration",
    # "year"
    code: str


def _zone_name(tz: tzinfo | None) -> str:
    key = getattr(tz, "key", None) or getattr(tz, "zone", None)
    known = {value for value, _label in ZONES}
    return key if isinstance(key, str) and key in known else DEFAULT_ZONE


def _address(value: Any) -> str:
    text = str(value or "")
    return text[7:] if text.lower().startswith("mailto:") else text


def read_invitation(data: bytes) -> dict[str, Any]:
    """The form's initial values from the invitation's first event; InvitationProblem if not."""
    if len(data) > MAX_BYTES:
        raise InvitationProblem("too_big")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise InvitationProblem("unreadable") from error
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise InvitationProblem("no_event")
    event = events[0]
    if event.get("DTSTART") is None:
        raise InvitationProblem("no_start")
    if isinstance(event.get("ORGANIZER"), list):
        # Two ORGANIZER lines: which one is the contact cannot be told.
        raise InvitationProblem("organizers")
    start, end = _times(event)
    organizer = event.get("ORGANIZER")
    summary = str(event.get("SUMMARY") or "")
    location = str(event.get("LOCATION") or "")
    is_link = location.startswith(("http://", "https://"))
    return {
        "role": summary,
        "contact_name": str(organizer.params.get("CN", "")) if organizer is not None else "",
        "contact_email": _address(organizer),
        "day": start.date(),
        "start_time": start.time().replace(tzinfo=None),
        "end_time": end.time().replace(tzinfo=None) if end else None,
        "zone": _zone_name(start.tzinfo),
        "location": "" if is_link else location,
        "video_link": location if is_link else str(event.get("URL") or ""),
        "uid": str(event.get("UID") or "")[:100],
    }


def _times(event: Any) -> tuple[datetime, datetime | None]:
    """The event's start and end in its zone; InvitationProblem for what cannot be read."""
    try:
        start = event.decoded("DTSTART")
    except (ValueError, TypeError) as error:
        raise InvitationProblem("unreadable") from error
    if not isinstance(start, datetime):
        raise InvitationProblem("all_day")
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise InvitationProblem("year")
    end: Any = None
    try:
        if event.get("DTEND") is not None:
            end = event.decoded("DTEND")
        elif event.get("DURATION") is not None:
            length = event.decoded("DURATION")
            if not isinstance(length, timedelta):
                raise InvitationProblem("duration")
            end = start + length
    except (ValueError, TypeError, OverflowError) as error:
        raise InvitationProblem("duration") from error
    if isinstance(end, date) and not isinstance(end, datetime):
        raise InvitationProblem("all_day")
    zone_name = _zone_name(start.tzinfo)
    local = ZoneInfo(zone_name)
    try:
        if start.tzinfo is None:  # floating time: the invitation's own local time
            start = start.replace(tzinfo=local)
            end = end.replace(tzinfo=local) if end else None
        start = start.astimezone(local)
        end = end.astimezone(local) if end else None
    except OverflowError as error:
        raise InvitationProblem("year") from error
    if end is not None and not FIRST_YEAR <= end.year <= LAST_YEAR:
        raise InvitationProblem("year")
    return start, end
