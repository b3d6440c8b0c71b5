"""Busy times from a CalDAV calendar: the only thing Takt asks of one.

The server is asked only for the objects in the window (a time-range REPORT);
recurrences are expanded here by read_busy_many, under the same limits as an
ICS feed, rather than by caldav's own unguarded client-side expansion.
"""

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from caldav.davclient import DAVClient
from caldav.lib import error as dav_error

from takt import outbound
from takt.calendars.errors import CalendarError
from takt.calendars.ics import DEFAULT_LIMITS, BusyTime, Limits, read_busy_many
from takt.core.outbound_policy import configured_policy
from takt.outbound.for_niquests import GuardedAdapter, guard_session


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
        with guarded_client(url, username, password, timeout, limits.max_bytes) as client:
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
        raise calendar_error(error) from error
    return read_busy_many(
        texts,
        window_start=window_start,
        window_end=window_end,
        owner_zone=owner_zone,
        limits=limits,
    )


def guarded_client(
    url: str,
    username: str,
    password: str,
    timeout: float,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
    *,
    deadline: outbound.Deadline | None = None,
) -> DAVClient:
    """A caldav client whose every request and redirect goes through the outbound guard.

    `timeout` is the deadline for everything the client does, all requests
    together (or `deadline`, when one is shared with other requests); `max_bytes`
    caps all answers together, counted after decompression.
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
    adapter = GuardedAdapter(configured_policy(), deadline or outbound.Deadline(timeout), max_bytes)
    guard_session(client.session, adapter)
    return client


def _text(data: Any) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def calendar_error(error: Exception) -> CalendarError:
    """The fixed, translated error for what a CalDAV exchange raised; never the remote body."""
    guarded = _outbound_cause(error)
    if guarded is not None:
        return refusal(guarded)
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


def refusal(error: outbound.OutboundError) -> CalendarError:
    """The calendar error for the outbound guard's own error."""
    if isinstance(error, outbound.BadAddress):
        return CalendarError("bad_url", detail=error.detail[:120])
    if isinstance(error, outbound.Refused):
        return CalendarError("refused", detail=error.detail[:120])
    if isinstance(error, outbound.TooSlow):
        return CalendarError("no_answer", detail=error.detail[:120])
    if isinstance(error, outbound.TooBig):
        return CalendarError("too_big", limit=error.limit)
    return CalendarError("unreachable", detail=error.detail[:120])
