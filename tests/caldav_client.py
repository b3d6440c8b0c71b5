"""A CalDAV client for the tests: put, replace and remove events as a calendar client would.

Takt itself only reads calendars (takt.calendars.caldav_reader); writing is what a
person's own calendar app does, and the tests do it to set the scene.
"""

from typing import Any, Literal

from caldav.davclient import DAVClient
from caldav.lib import error as dav_error
from icalendar import Calendar

Outcome = Literal["created", "updated", "deleted", "absent", "stale"]


def open_calendar(
    url: str, username: str, password: str, calendar_name: str, *, timeout: int = 30
) -> Any:
    """The user's calendar with that display name, made if it does not exist yet."""
    client = DAVClient(url=url, username=username, password=password, timeout=timeout)
    principal = client.principal()
    for calendar in principal.get_calendars():
        if calendar.get_display_name() == calendar_name:
            return calendar
    return principal.make_calendar(name=calendar_name)


def put_event(url: str, username: str, password: str, calendar_name: str, ics: bytes) -> Outcome:
    """Store or replace the event in `ics` (an iTIP REQUEST or a plain calendar)."""
    return apply_itip(open_calendar(url, username, password, calendar_name), ics)


def delete_event(url: str, username: str, password: str, calendar_name: str, uid: str) -> Outcome:
    """Remove the event with that UID; "absent" when there was none."""
    calendar = open_calendar(url, username, password, calendar_name)
    existing = _find(calendar, uid)
    if existing is None:
        return "absent"
    existing.delete()
    return "deleted"


def apply_itip(calendar: Any, ics: bytes) -> Outcome:
    """Do what a calendar client does with an invitation: REQUEST stores, CANCEL removes.

    Updates are matched by UID; one with a lower SEQUENCE than the stored event
    is stale and ignored, as RFC 5546 says, so a late REQUEST never brings back
    an interview that was moved or cancelled since.
    """
    itip = Calendar.from_ical(ics)
    method = str(itip.get("METHOD", "PUBLISH")).upper()
    events = itip.walk("VEVENT")
    if len(events) != 1:
        raise ValueError("an invitation holds exactly one event")
    event = events[0]
    if "RECURRENCE-ID" in event:
        raise ValueError("invitations for single occurrences are not supported")
    uid = str(event["UID"])
    sequence = int(event.get("SEQUENCE", 0))

    existing = _find(calendar, uid)
    if existing is not None and sequence < _sequence(existing):
        return "stale"
    if method == "CANCEL":
        if existing is None:
            return "absent"
        existing.delete()
        return "deleted"
    if method not in ("REQUEST", "PUBLISH"):
        raise ValueError(f"cannot apply METHOD:{method}")

    # A stored calendar object has no METHOD (RFC 4791 section 4.1).
    itip.pop("METHOD", None)
    data = itip.to_ical().decode()
    if existing is None:
        calendar.add_event(data, increase_seqno=False)
        return "created"
    existing.data = data
    existing.save(increase_seqno=False)
    return "updated"


def _find(calendar: Any, uid: str) -> Any:
    try:
        return calendar.get_event_by_uid(uid)
    except dav_error.NotFoundError:
        return None


def _sequence(stored: Any) -> int:
    component = stored.icalendar_component
    return int(component.get("SEQUENCE", 0))
