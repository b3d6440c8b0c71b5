"""Busy times from a CalDAV calendar, and writing invitations into one as a client would.

The server is asked only for the objects in the window (a time-range REPORT);
recurrences are expanded here by read_busy_many, under the same limits as an
ICS feed, rather than by caldav's own unguarded client-side expansion.
"""

from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from caldav.davclient import DAVClient
from caldav.lib import error as dav_error
from icalendar import Calendar

from takt import outbound
from takt.calendars.errors import CalendarError
from takt.calendars.ics import DEFAULT_LIMITS, BusyTime, Limits, read_busy_many
from takt.core.outbound_policy import configured_policy
from takt.outbound.for_niquests import GuardedAdapter, guard_session

Outcome = Literal["created", "updated", "stale", "deleted", "absent"]


def read_caldav_busy(
    url: str,
    username: str,
    password: str,
    *,
    window_start: datetime,
    window_end: datetime,
    owner_zone: str,
    limits: Limits = DEFAULT_LIMITS,
    timeout: float = 30,
) -> list[BusyTime]:
    """Busy times overlapping the window in the calendar collection at `url`."""
    try:
        with _client(url, username, password, timeout, limits.max_bytes) as client:
            calendar = client.calendar(url=url)
            # post_filter=False: caldav's client-side filter would expand recurrences
            # itself, without our limits.
            found: Any = calendar.search(
                start=window_start, end=window_end, event=True, post_filter=False
            )
            texts = [_text(item.data) for item in found]
    except CalendarError:
        raise
    except Exception as error:
        raise _calendar_error(error) from error
    return read_busy_many(
        texts,
        window_start=window_start,
        window_end=window_end,
        owner_zone=owner_zone,
        limits=limits,
    )


def open_calendar(
    url: str, username: str, password: str, calendar_name: str, *, timeout: int = 30
) -> Any:
    """The user's calendar with that display name, made if it does not exist yet."""
    client = _client(url, username, password, timeout)
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


def _client(
    url: str,
    username: str,
    password: str,
    timeout: float,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
) -> DAVClient:
    """A caldav client whose every request and redirect goes through the outbound guard.

    `timeout` is the deadline for everything the client does, all requests
    together; `max_bytes` caps all answers together, counted after decompression.
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise CalendarError("bad_url", detail=url[:120])
    # No RFC 6764 discovery: it would look up names and fetch outside the guarded session.
    client = DAVClient(
        url=url,
        username=username,
        password=password,
        timeout=max(1, int(timeout)),
        enable_rfc6764=False,
    )
    adapter = GuardedAdapter(configured_policy(), outbound.Deadline(timeout), max_bytes)
    guard_session(client.session, adapter)
    return client


def _text(data: Any) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _calendar_error(error: Exception) -> CalendarError:
    guarded = _outbound_cause(error)
    if guarded is not None:
        return _refusal(guarded)
    if isinstance(error, dav_error.AuthorizationError):
        return CalendarError("auth_failed")
    detail = str(error) or type(error).__name__
    if isinstance(error, dav_error.DAVError):
        return CalendarError("caldav_failed", detail=detail[:120])
    return CalendarError("unreachable", detail=detail[:120])


def _outbound_cause(error: BaseException) -> outbound.OutboundError | None:
    """The guard's own error, also when caldav or niquests wrapped it in one of theirs."""
    seen: BaseException | None = error
    for _ in range(10):
        if seen is None:
            return None
        if isinstance(seen, outbound.OutboundError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _refusal(error: outbound.OutboundError) -> CalendarError:
    if isinstance(error, outbound.BadAddress):
        return CalendarError("bad_url", detail=error.detail[:120])
    if isinstance(error, outbound.Refused):
        return CalendarError("refused", detail=error.detail[:120])
    if isinstance(error, outbound.TooSlow):
        return CalendarError("no_answer", detail=error.detail[:120])
    if isinstance(error, outbound.TooBig):
        return CalendarError("too_big", limit=error.limit)
    return CalendarError("unreachable", detail=error.detail[:120])
