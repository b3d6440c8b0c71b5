"""Reading an interview invitation (.ics) into the fields of the add-interview form."""

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from takt.seeker.forms import ZONES

MAX_BYTES = 512 * 1024
DEFAULT_ZONE = "Europe/Stockholm"


@dataclass(frozen=True)
class InvitationProblem(Exception):
    """The file is not an invitation Takt can read; `code` picks the message."""

    code: str  # "too_big", "unreadable", "no_event", "all_day", "no_start"


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
    start = event.decoded("DTSTART")
    if not isinstance(start, datetime):
        raise InvitationProblem("all_day")
    if event.get("DTEND") is not None:
        end = event.decoded("DTEND")
    elif event.get("DURATION") is not None:
        end = start + event.decoded("DURATION")
    else:
        end = None
    if isinstance(end, date) and not isinstance(end, datetime):
        raise InvitationProblem("all_day")
    zone_name = _zone_name(start.tzinfo)
    local = ZoneInfo(zone_name)
    if start.tzinfo is None:  # floating time: the invitation's own local time
        start = start.replace(tzinfo=local)
        end = end.replace(tzinfo=local) if end else None
    start = start.astimezone(local)
    end = end.astimezone(local) if end else None
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
        "zone": zone_name,
        "location": "" if is_link else location,
        "video_link": location if is_link else str(event.get("URL") or ""),
        "uid": str(event.get("UID") or "")[:100],
    }
