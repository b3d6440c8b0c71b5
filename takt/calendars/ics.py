"""Busy times from an iCalendar feed, with guards against calendars that never end.

A calendar comes from outside: it may be broken, huge, or hostile (an event
repeating every second forever). Reading it either gives every busy time in the
window or raises CalendarError; it never returns half a calendar, because a
conflict check on half a calendar says "free" when it is not.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import recurring_ical_events
import x_wr_timezone
from dateutil.rrule import rrule, rrulestr
from icalendar import Calendar, Component, vRecur

from takt import outbound
from takt.calendars.errors import CalendarError
from takt.core.outbound_policy import configured_policy
from takt.scheduling.zones import TimeProblem, zone

__all__ = ["BusyTime", "Limits", "fetch_ics", "read_busy", "read_busy_many"]


@dataclass(frozen=True, order=True)
class BusyTime:
    """A time the calendar's owner is taken, in UTC."""

    start: datetime
    end: datetime
    summary: str | None = None
    # The event's UID: Takt's own invitation, once in this calendar, carries the
    # interview's UID, so the interview being moved is not counted against itself.
    uid: str | None = None


@dataclass(frozen=True)
class Limits:
    """How much of a calendar we are willing to work through."""

    max_bytes: int = 10_000_000
    max_events: int = 100_000
    max_occurrences: int = 100_000
    # Recurrence instants worked through from each series' first start up to the
    # window's end: a rule that began long ago costs work before the window too.
    max_steps: int = 2_000_000
    max_seconds: float = 20.0


DEFAULT_LIMITS = Limits()

# Floating and all-day times are placed in a zone only after expansion, so the
# library is asked for a day more on each side and the result is cut exactly.
_MARGIN = timedelta(days=1)
_CLOCK_EVERY = 1024


def read_busy(
    data: bytes,
    *,
    window_start: datetime,
    window_end: datetime,
    owner_zone: str,
    limits: Limits = DEFAULT_LIMITS,
    clock: Callable[[], float] = time.monotonic,
) -> list[BusyTime]:
    """Busy times overlapping [window_start, window_end) in one iCalendar text."""
    return read_busy_many(
        [data],
        window_start=window_start,
        window_end=window_end,
        owner_zone=owner_zone,
        limits=limits,
        clock=clock,
    )


def read_busy_many(
    texts: Iterable[bytes],
    *,
    window_start: datetime,
    window_end: datetime,
    owner_zone: str,
    limits: Limits = DEFAULT_LIMITS,
    clock: Callable[[], float] = time.monotonic,
) -> list[BusyTime]:
    """Busy times from several iCalendar texts (CalDAV objects) under one shared budget."""
    if window_start.tzinfo is None or window_end.tzinfo is None:
        raise ValueError("the window must be aware datetimes")
    if window_end <= window_start:
        raise ValueError("the window must end after it starts")
    try:
        owner = zone(owner_zone)
    except TimeProblem as error:
        raise ValueError(f"unknown owner zone {owner_zone!r}") from error

    texts = list(texts)
    size = sum(len(text) for text in texts)
    if size > limits.max_bytes:
        raise CalendarError("too_big", limit=limits.max_bytes)
    calendars = [calendar for text in texts for calendar in _parse(text)]
    events = sum(len(calendar.walk("VEVENT")) for calendar in calendars)
    if events > limits.max_events:
        raise CalendarError("too_many_events", limit=limits.max_events)
    # Parsing is bounded by the size limit; the clock is for the recurrences.
    budget = _Budget(limits, clock)

    busy: list[BusyTime] = []
    for calendar in calendars:
        floating = _floating_zone(calendar, owner)
        calendar = _standard(calendar)
        _bound_recurrences(calendar, window_start, window_end, floating, budget)
        busy.extend(_expand(calendar, window_start, window_end, floating, owner, budget))
    busy.sort()
    return busy


class _Budget:
    def __init__(self, limits: Limits, clock: Callable[[], float]) -> None:
        self.limits = limits
        self.clock = clock
        self.deadline = clock() + limits.max_seconds
        self.steps = 0
        self.occurrences = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.max_steps:
            raise CalendarError("too_slow", limit=self.limits.max_steps)
        if self.steps % _CLOCK_EVERY == 0:
            self.check_clock()

    def occurrence(self, count: int = 1) -> None:
        self.occurrences += count
        if self.occurrences > self.limits.max_occurrences:
            raise CalendarError("too_many_occurrences", limit=self.limits.max_occurrences)

    def check_clock(self) -> None:
        if self.clock() > self.deadline:
            raise CalendarError("too_slow")


def _parse(text: bytes) -> list[Calendar]:
    try:
        parsed = Calendar.from_ical(text, multiple=True)
    except Exception as error:  # icalendar raises many kinds on bad input
        raise CalendarError("malformed", detail=_short(error)) from error
    calendars = [c for c in parsed if isinstance(c, Calendar) and c.name == "VCALENDAR"]
    if not calendars or len(calendars) != len(parsed):
        raise CalendarError("malformed", detail="no VCALENDAR")
    return calendars


def _floating_zone(calendar: Calendar, owner: ZoneInfo) -> ZoneInfo:
    """Google's X-WR-TIMEZONE says where floating times are; otherwise the owner's zone."""
    name = calendar.get("X-WR-TIMEZONE")
    if name is None:
        return owner
    try:
        return zone(str(name))
    except TimeProblem:
        # An unknown zone name must not make the whole calendar unreadable.
        del calendar["X-WR-TIMEZONE"]
        return owner


def _standard(calendar: Calendar) -> Calendar:
    """Google's floating times with X-WR-TIMEZONE, made plain RFC 5545 ones."""
    try:
        return x_wr_timezone.to_standard(calendar)
    except Exception as error:
        raise CalendarError("malformed", detail=_short(error)) from error


def _bound_recurrences(
    calendar: Calendar,
    window_start: datetime,
    window_end: datetime,
    floating: ZoneInfo,
    budget: _Budget,
) -> None:
    """Count each rule's instants lazily, then end every rule at the window's end.

    recurring-ical-events asks dateutil for a list of every instant in the span,
    so FREQ=SECONDLY without end would fill memory before any limit could act;
    and a rule that never matches (FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30) makes
    dateutil scan to the year 9999. With UNTIL at the window's end (COUNT turned
    into the UNTIL it comes to) both stop there, and the window's occurrences are
    unchanged.
    """
    early = window_start - _MARGIN * 7
    late = window_end + _MARGIN
    for event in calendar.walk("VEVENT"):
        if "RRULE" not in event or "RECURRENCE-ID" in event:
            continue
        start = _property_dt(event, "DTSTART")
        rules: Any = event["RRULE"]
        values: list[vRecur] = rules if isinstance(rules, list) else [rules]
        kept = []
        for value in values:
            if _bound_rule(value, start, early, late, floating, budget):
                kept.append(value)
            budget.check_clock()
        # A rule that matches nothing before the window's end is dropped, so the
        # expansion does not scan to the year 9999 a second time.
        if not kept:
            del event["RRULE"]
        elif len(kept) != len(values):
            event["RRULE"] = kept
    budget.occurrences = 0  # the real count is taken again after expansion


def _bound_rule(
    value: vRecur,
    start: date | datetime,
    early: datetime,
    late: datetime,
    floating: ZoneInfo,
    budget: _Budget,
) -> bool:
    """Count one rule's instants up to the window's end and end it there; False if it has none."""
    dtstart = start if isinstance(start, datetime) else datetime.combine(start, clock_time())
    stop = late if dtstart.tzinfo is not None else late.astimezone(floating).replace(tzinfo=None)
    rule = _rule(value, dtstart)
    own_until = rule._until  # dateutil has no public accessor for it
    if own_until is not None and own_until < stop:
        stop = own_until
    count = value.get("COUNT", [None])[0]
    try:
        bounded = rule.replace(count=None, until=stop)
    except (ValueError, TypeError) as error:
        raise CalendarError("malformed", detail=_short(error)) from error
    seen = 0
    for seen, instant in enumerate(_lazy(bounded), start=1):
        budget.step()
        if _compare(instant, early, floating) >= 0:
            budget.occurrence()
        if count is not None and seen >= int(count):
            stop = instant
            break
    value.pop("COUNT", None)
    if isinstance(start, datetime):
        value["UNTIL"] = [stop.astimezone(UTC) if stop.tzinfo is not None else stop]
    else:
        value["UNTIL"] = [stop.date()]
    return seen > 0


def _rule(value: vRecur, dtstart: datetime) -> rrule:
    text = value.to_ical().decode()
    try:
        parsed = rrulestr(text, dtstart=dtstart, cache=False)
    except (ValueError, TypeError):
        # dateutil refuses an UNTIL of another kind than DTSTART, which the
        # expansion library corrects; without UNTIL the count is only larger.
        without_until = ";".join(p for p in text.split(";") if not p.startswith("UNTIL="))
        try:
            parsed = rrulestr(without_until, dtstart=dtstart, cache=False)
        except (ValueError, TypeError) as error:
            raise CalendarError("malformed", detail=_short(error)) from error
    if not isinstance(parsed, rrule):
        raise CalendarError("malformed", detail="RRULE")
    return parsed


def _lazy(rule: rrule) -> Iterator[datetime]:
    try:
        yield from rule
    except (ValueError, OverflowError) as error:
        raise CalendarError("malformed", detail=_short(error)) from error


def _compare(instant: datetime, bound: datetime, floating: ZoneInfo) -> int:
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=floating)
    return (instant > bound) - (instant < bound)


def _expand(
    calendar: Calendar,
    window_start: datetime,
    window_end: datetime,
    floating: ZoneInfo,
    owner: ZoneInfo,
    budget: _Budget,
) -> list[BusyTime]:
    single, series = _split(calendar)
    components: list[Component] = single
    if series:
        # Only series go through the library: copying every plain event into an
        # occurrence costs more than the rest of the reading together.
        only_series = Calendar()
        only_series.subcomponents = calendar.walk("VTIMEZONE") + series
        try:
            query = recurring_ical_events.of(only_series, skip_bad_series=False)
            components = single + query.between(window_start - _MARGIN, window_end + _MARGIN)
        except CalendarError:
            raise
        except Exception as error:  # the library raises its own and icalendar's errors
            raise CalendarError("malformed", detail=_short(error)) from error
    budget.check_clock()

    busy = []
    for component in components:
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if str(component.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            continue
        start = _instant(_property_dt(component, "DTSTART"), floating, owner)
        end = _instant(_end(component), floating, owner)
        # An event without length blocks nothing, and one outside the window is not asked for.
        if end <= start or end <= window_start or start >= window_end:
            continue
        budget.occurrence()
        summary = component.get("SUMMARY")
        uid = component.get("UID")
        busy.append(
            BusyTime(start, end, str(summary) if summary else None, str(uid) if uid else None)
        )
    return busy


def _split(calendar: Calendar) -> tuple[list[Component], list[Component]]:
    """Events that happen once, and the components of series (rules, extra dates, moved ones)."""
    by_uid: dict[str, list[Component]] = {}
    for event in calendar.walk("VEVENT"):
        by_uid.setdefault(str(event.get("UID", "")), []).append(event)
    single: list[Component] = []
    series: list[Component] = []
    for uid, events in by_uid.items():
        # Same UID twice (the latest SEQUENCE wins) or no UID: the library decides.
        plain = len(events) == 1 and uid and not any(k in events[0] for k in _SERIES_KEYS)
        (single if plain else series).extend(events)
    return single, series


_SERIES_KEYS = ("RRULE", "RDATE", "RECURRENCE-ID", "EXDATE")


def _end(component: Component) -> date | datetime:
    try:
        end: date | datetime = component.end  # type: ignore[attr-defined]
    except Exception as error:
        raise CalendarError("malformed", detail=_short(error)) from error
    return end


def _property_dt(component: Component, name: str) -> date | datetime:
    value: Any = component.get(name)
    try:
        moment = getattr(value, "dt", None)
    except Exception as error:  # icalendar keeps a broken value and raises on reading it
        raise CalendarError("malformed", detail=_short(error)) from error
    if not isinstance(moment, date):
        raise CalendarError("malformed", detail=f"{name} missing or not a date")
    return moment


def _instant(moment: date | datetime, floating: ZoneInfo, owner: ZoneInfo) -> datetime:
    """An aware UTC instant: all-day dates start at midnight in the owner's zone."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=floating)
        return moment.astimezone(UTC)
    return datetime.combine(moment, clock_time(), tzinfo=owner).astimezone(UTC)


def _short(error: BaseException | str) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def fetch_ics(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
    policy: outbound.Policy | None = None,
) -> bytes:
    """The body at an http(s) (or webcal) address, within `timeout` seconds in all and max_bytes.

    Only public addresses are fetched, unless the policy (by default the
    operator's TAKT_OUTBOUND_ALLOW) allows a network; every redirect is checked
    the same way. Errors carry no part of the remote answer.
    """
    address = url.strip()
    scheme = urlsplit(address).scheme.lower()
    if scheme in ("webcal", "webcals"):
        # webcal:// is what calendar apps publish; it is plain HTTPS underneath.
        address = "https" + address[len(scheme) :]
    _check_address(address)
    try:
        reply = outbound.get(
            address,
            policy=policy if policy is not None else configured_policy(),
            deadline=outbound.Deadline(timeout),
            max_bytes=max_bytes,
            headers={"Accept": "text/calendar, */*;q=0.5"},
        )
    except outbound.BadAddress as error:
        raise CalendarError("bad_url", detail=address[:120]) from error
    except outbound.Refused as error:
        raise CalendarError("refused", detail=error.detail) from error
    except outbound.TooBig as error:
        raise CalendarError("too_big", limit=max_bytes) from error
    except outbound.TooSlow as error:
        raise CalendarError("no_answer", detail=error.detail) from error
    except outbound.OutboundError as error:
        raise CalendarError("unreachable", detail=_short(error.detail)) from error
    if reply.status >= 400 or reply.status < 200:
        raise CalendarError("http_error", detail=str(reply.status))
    if reply.status >= 300:  # a redirect without a Location, or a 304 never asked for
        raise CalendarError("http_error", detail=str(reply.status))
    return reply.body


def _check_address(address: str) -> None:
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CalendarError("bad_url", detail=address[:120])
