"""Busy times from an iCalendar feed, read as people's calendars really are.

A calendar comes from outside: it may be broken, huge, or hostile (an event
repeating every second forever). Reading gives every busy time in the window of
the events that could be read, and a note on each event that was skipped or read
with a correction; an event is never half-read, because a conflict check on half
an event says "free" when it is not. The calendar as a whole is refused
(CalendarError) only when it is not a calendar at all, or too big or too costly
to work through.

Recurrences are expanded here, on dateutil's rules, rather than by a library:
each instant and each period dateutil scans is counted against the budget while
it happens, and the scan stops at the window's end (see _CountedPeriods).
"""

import contextlib
import re
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import dateutil.rrule
from dateutil.rrule import rrule, rrulestr
from icalendar import Calendar, Component, vRecur

from takt import outbound
from takt.calendars.errors import CalendarError
from takt.core.outbound_policy import configured_policy
from takt.scheduling.zones import TimeProblem, zone

__all__ = [
    "BusyTime",
    "EventNote",
    "Limits",
    "Reading",
    "fetch_ics",
    "read_busy",
    "read_busy_many",
]


@dataclass(frozen=True, order=True)
class BusyTime:
    """A time the calendar's owner is taken, in UTC."""

    start: datetime
    end: datetime
    summary: str | None = None
    # The event's UID: Takt's own invitation, once in this calendar, carries the
    # interview's UID, so the interview being moved is not counted against itself.
    uid: str | None = None


# Why an event was skipped (it gives no busy time at all): its text cannot be
# read, it has no DTSTART, a time, date or length cannot be read, its RRULE cannot
# be read, or its COUNT is not a positive number and it has no UNTIL.
SKIPPED = frozenset({"unreadable", "no_start", "bad_time", "bad_rule", "bad_count"})
# How an invalid event was read, the way the big clients read it: an empty RRULE
# as happening once, an end before the start as ending at the start, an all-day
# start with a clock-time end or length as whole days, a COUNT that is not
# positive as absent when there is an UNTIL.
CORRECTED = frozenset({"empty_rule", "end_before_start", "whole_days", "count_ignored"})


@dataclass(frozen=True)
class EventNote:
    """An event skipped or read with a correction; `code` is one of SKIPPED or CORRECTED."""

    summary: str | None
    code: str

    @property
    def skipped(self) -> bool:
        return self.code in SKIPPED


class Reading(list[BusyTime]):
    """The busy times read, in order, and the notes on events skipped or corrected on the way."""

    def __init__(self, busy: Iterable[BusyTime] = (), notes: Iterable[EventNote] = ()) -> None:
        super().__init__(busy)
        self.notes = list(notes)

    @property
    def skipped(self) -> list[EventNote]:
        return [note for note in self.notes if note.skipped]


@dataclass(frozen=True)
class Limits:
    """How much of a calendar we are willing to work through."""

    max_bytes: int = 10_000_000
    max_events: int = 100_000
    # Busy times in the window, and extra dates (RDATE) anywhere, counted before expansion.
    max_occurrences: int = 100_000
    # Recurrence instants and periods dateutil works through, from each series'
    # first start up to the window's end: a rule that began long ago costs work too.
    max_steps: int = 2_000_000
    max_event_steps: int = 200_000
    max_seconds: float = 20.0


DEFAULT_LIMITS = Limits()

# Floating and all-day times are placed in a zone only after expansion, so a day
# more is expanded on each side and the result cut exactly.
_MARGIN = timedelta(days=1)
_CLOCK_EVERY = 1024
_END_OF_DAY = clock_time(23, 59, 59)
_DAY = timedelta(days=1)


def read_busy(
    data: bytes,
    *,
    window_start: datetime,
    window_end: datetime,
    owner_zone: str,
    limits: Limits = DEFAULT_LIMITS,
    clock: Callable[[], float] = time.monotonic,
) -> Reading:
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
) -> Reading:
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
    if sum(len(text) for text in texts) > limits.max_bytes:
        raise CalendarError("too_big", limit=limits.max_bytes)
    calendars = [calendar for text in texts for calendar in _split(text)]
    if sum(len(calendar.events) for calendar in calendars) > limits.max_events:
        raise CalendarError("too_many_events", limit=limits.max_events)
    # Extra dates are all made at once when an event is read, so they are
    # counted in the text first: 600 events of 672 RDATEs each are refused here.
    if sum(calendar.extra_dates() for calendar in calendars) > limits.max_occurrences:
        raise CalendarError("too_many_occurrences", limit=limits.max_occurrences)
    reading = Reading()
    parsed = [_read_events(calendar, reading.notes) for calendar in calendars]
    # Parsing is bounded by the size limit; the clock is for the recurrences.
    budget = _Budget(limits, clock)
    for events in parsed:
        reader = _CalendarReader(events, window_start, window_end, owner, budget, reading.notes)
        reading.extend(reader.busy())
    reading.sort(key=lambda b: (b.start, b.end, b.summary or "", b.uid or ""))
    return reading


class _Budget:
    def __init__(self, limits: Limits, clock: Callable[[], float]) -> None:
        self.limits = limits
        self.clock = clock
        self.deadline = clock() + limits.max_seconds
        self.steps = 0
        self.event_steps = 0
        self.occurrences = 0

    def next_event(self) -> None:
        self.event_steps = 0
        self.check_clock()

    def step(self, count: int = 1) -> None:
        before = self.steps
        self.steps += count
        self.event_steps += count
        if self.steps > self.limits.max_steps:
            raise CalendarError("too_slow", limit=self.limits.max_steps)
        if self.event_steps > self.limits.max_event_steps:
            raise CalendarError("too_slow", limit=self.limits.max_event_steps)
        if self.steps // _CLOCK_EVERY != before // _CLOCK_EVERY:
            self.check_clock()

    def occurrence(self) -> None:
        self.occurrences += 1
        if self.occurrences > self.limits.max_occurrences:
            raise CalendarError("too_many_occurrences", limit=self.limits.max_occurrences)

    def check_clock(self) -> None:
        if self.clock() > self.deadline:
            raise CalendarError("too_slow")


# ---- The text: calendars, their zones and their events, each event parsed alone.

_FOLD = re.compile(r"\r?\n[ \t]")
_BOUNDARY = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*\r?$", re.MULTILINE | re.IGNORECASE)
_X_WR_TIMEZONE = re.compile(r"^X-WR-TIMEZONE(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)
_RDATE = re.compile(r"^RDATE(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)
_SUMMARY = re.compile(r"^SUMMARY(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)


@dataclass
class _RawCalendar:
    """One VCALENDAR's text, cut into its own lines, its zones and its events (unparsed)."""

    own_lines: list[str] = field(default_factory=list)
    timezones: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def extra_dates(self) -> int:
        return sum(
            found.group(1).count(",") + 1
            for event in self.events
            for found in _RDATE.finditer(event)
        )

    def x_wr_timezone(self) -> str | None:
        for lines in self.own_lines:
            found = _X_WR_TIMEZONE.search(lines)
            if found:
                return found.group(1).strip()
        return None


def _split(data: bytes) -> list[_RawCalendar]:
    """The calendars in a text; CalendarError when it is not calendars and nothing else.

    Events are kept as text and parsed one at a time later, so a whole parsed
    calendar never sits in memory, and one broken event stays one broken event.
    """
    text = _FOLD.sub("", data.decode("utf-8-sig", errors="replace"))
    calendars: list[_RawCalendar] = []
    current = _RawCalendar()
    open_names: list[str] = []
    own_from = block_from = 0
    for match in _BOUNDARY.finditer(text):
        begins, name = match.group(1).upper() == "BEGIN", match.group(2).upper()
        depth = len(open_names)
        if begins:
            if depth == 0:
                if name != "VCALENDAR" or text[own_from : match.start()].strip():
                    raise CalendarError("malformed", detail="no VCALENDAR")
                current = _RawCalendar()
                own_from = match.end()
            elif depth == 1:
                current.own_lines.append(text[own_from : match.start()])
                block_from = match.start()
            open_names.append(name)
            continue
        if not open_names or open_names[-1] != name:
            raise CalendarError("malformed", detail=f"END:{name} out of place")
        open_names.pop()
        if depth == 1:
            current.own_lines.append(text[own_from : match.start()])
            calendars.append(current)
            own_from = match.end()
        elif depth == 2:
            block = text[block_from : match.end()]
            if name == "VEVENT":
                current.events.append(block)
            elif name == "VTIMEZONE":
                current.timezones.append(block)
            own_from = match.end()
    if open_names:
        # A cut-off download: the events after the cut are missing.
        raise CalendarError("malformed", detail=f"the text ends inside {open_names[-1]}")
    if not calendars or text[own_from:].strip():
        raise CalendarError("malformed", detail="no VCALENDAR")
    return calendars


def _learn_timezones(blocks: list[str]) -> None:
    """Parse the calendar's VTIMEZONEs, which icalendar then uses for their TZIDs."""
    if not blocks:
        return
    # A broken zone leaves its times floating, read in the owner's zone.
    with contextlib.suppress(Exception):
        Calendar.from_ical("BEGIN:VCALENDAR\r\n" + "".join(blocks) + "END:VCALENDAR\r\n")


# ---- Events: what each says, or why it cannot be read.


class _Skip(Exception):
    """Why an event cannot be read: `code` is one of SKIPPED."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


Moment = date | datetime
Period = tuple[Moment, Moment]

# The properties without which an event cannot be read as it is meant.
_TIME_PROPERTIES = {"DTSTART", "DTEND", "DURATION", "RDATE", "EXDATE", "RECURRENCE-ID"}


@dataclass(slots=True)
class _Event:
    """What Takt needs of one VEVENT: its times, its rules and whether it makes one busy."""

    uid: str
    summary: str | None
    sequence: int
    start: Moment
    length: timedelta
    busy: bool
    recurrence_id: Moment | None = None
    rules: list[vRecur] = field(default_factory=list)
    extra: list[Moment | Period] = field(default_factory=list)
    excluded: list[Moment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _read_event(block: str) -> _Event:
    """The event in one VEVENT text; _Skip with the reason when it cannot be read."""
    try:
        component = Component.from_ical(block)
    except Exception as error:
        raise _Skip("unreadable") from error
    broken = {str(name).upper() if name else "" for name, _ in getattr(component, "errors", [])}
    if "" in broken:
        raise _Skip("unreadable")
    if "RRULE" in broken:
        raise _Skip("bad_rule")
    if broken & _TIME_PROPERTIES:
        raise _Skip("bad_time")
    if component.get("DTSTART") is None:
        raise _Skip("no_start")
    start = _moment(component.get("DTSTART"))
    notes: list[str] = []
    length = _length(component, start, notes)
    rules = []
    for rule in _values(component.get("RRULE")):
        if not isinstance(rule, vRecur):
            raise _Skip("bad_rule")
        if rule:
            rules.append(rule)
        else:
            notes.append("empty_rule")
    recurrence_id = component.get("RECURRENCE-ID")
    return _Event(
        uid=_text(component.get("UID")) or "",
        summary=_text(component.get("SUMMARY")) or None,
        sequence=_sequence(component.get("SEQUENCE")),
        start=start,
        length=length,
        busy=_text(component.get("STATUS", "")).upper() != "CANCELLED"
        and _text(component.get("TRANSP", "")).upper() != "TRANSPARENT",
        recurrence_id=None if recurrence_id is None else _moment(recurrence_id),
        rules=rules,
        extra=[_date_or_period(v) for v in _date_values(component.get("RDATE"))],
        excluded=[_moment_of(v) for v in _date_values(component.get("EXDATE"))],
        notes=notes,
    )


def _values(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    values = _values(value)
    return str(values[0]) if values else ""


def _sequence(value: Any) -> int:
    try:
        return int(_text(value) or 0)
    except ValueError:
        return 0


def _moment(value: Any) -> Moment:
    """The date or date-time of a property that may appear once only."""
    if isinstance(value, list):
        raise _Skip("bad_time")
    return _moment_of(getattr(value, "dt", None) if not isinstance(value, date) else value)


def _moment_of(value: Any) -> Moment:
    if isinstance(value, date):
        return value
    raise _Skip("bad_time")


def _date_values(value: Any) -> list[Any]:
    """Every value of RDATE or EXDATE, over all their lines."""
    found: list[Any] = []
    for line in _values(value):
        dates = getattr(line, "dts", None)
        if dates is None:
            raise _Skip("bad_time")
        found.extend(getattr(item, "dt", None) for item in dates)
    return found


def _date_or_period(value: Any) -> Moment | Period:
    if isinstance(value, tuple) and len(value) == 2:
        begin, end = _moment_of(value[0]), value[1]
        if isinstance(end, timedelta):
            end = begin + end
        return begin, _moment_of(end)
    return _moment_of(value)


def _length(component: Component, start: Moment, notes: list[str]) -> timedelta:
    """How long each occurrence lasts, read as the big clients read invalid ends."""
    all_day = not isinstance(start, datetime)
    if component.get("DTEND") is not None:
        end = _moment(component.get("DTEND"))
        if all_day and isinstance(end, datetime):
            # A date start with a clock-time end: the days it touches.
            last = end.date() if end.time() == clock_time() else end.date() + _DAY
            notes.append("whole_days")
            return max(last - start, _DAY)
        if not all_day and not isinstance(end, datetime):
            notes.append("whole_days")
            end = datetime.combine(end, clock_time(), tzinfo=start.tzinfo)  # type: ignore[union-attr]
        length = _difference(start, end)
    elif component.get("DURATION") is not None:
        length = getattr(component.get("DURATION"), "dt", None)  # type: ignore[assignment]
        if not isinstance(length, timedelta):
            raise _Skip("bad_time")
        if all_day and length % _DAY:
            notes.append("whole_days")
            return max(_DAY * -(-length // _DAY), _DAY)
    else:
        length = timedelta(0)
    if length < timedelta(0):
        notes.append("end_before_start")
        length = timedelta(0)
    if all_day and not length:
        length = _DAY  # an all-day event without a length is that one day
    return length


def _difference(start: Moment, end: Moment) -> timedelta:
    if isinstance(start, datetime) and isinstance(end, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            # One floating, one zoned: the floating one is read in the other's zone.
            zone_of = start.tzinfo or end.tzinfo
            start, end = start.replace(tzinfo=zone_of), end.replace(tzinfo=zone_of)
        return end - start
    if isinstance(start, datetime) or isinstance(end, datetime):
        raise _Skip("bad_time")  # a period from a date to a time, or back
    return end - start


# ---- Series: instants of the rules, extra dates, exclusions and moved instances.


@dataclass
class _Events:
    """One calendar's events, read and grouped by UID (a series and its moved instances)."""

    google_zone: str | None
    groups: dict[object, list[_Event]]


def _read_events(calendar: _RawCalendar, notes: list[EventNote]) -> _Events:
    """Parse each event alone, noting those that cannot be read; their text goes once read."""
    _learn_timezones(calendar.timezones)
    groups: dict[object, list[_Event]] = {}
    for block in calendar.events:
        try:
            event = _read_event(block)
        except _Skip as skip:
            notes.append(EventNote(_summary_of(block), skip.code))
            continue
        # An event without UID is a series of its own.
        groups.setdefault(event.uid or object(), []).append(event)
    calendar.events.clear()
    return _Events(calendar.x_wr_timezone(), groups)


class _CalendarReader:
    """One calendar's events made busy times, noting the series skipped or corrected."""

    def __init__(
        self,
        events: _Events,
        window_start: datetime,
        window_end: datetime,
        owner: ZoneInfo,
        budget: _Budget,
        notes: list[EventNote],
    ) -> None:
        self.events = events
        self.window_start = window_start
        self.window_end = window_end
        self.owner = owner
        self.budget = budget
        self.notes = notes
        # Google's X-WR-TIMEZONE says where floating times are, and that a series
        # written in UTC keeps its wall-clock time in that zone over DST.
        self.google_zone = _known_zone(events.google_zone)
        self.floating = self.google_zone or owner

    def busy(self) -> list[BusyTime]:
        """The busy times of the events read, each series under the shared budget."""
        busy: list[BusyTime] = []
        for events in self.events.groups.values():
            self.budget.next_event()
            try:
                found = self._series(events)
            except _Skip as skip:
                self.notes.append(EventNote(_first_summary(events), skip.code))
                continue
            for event in events:
                self.notes.extend(EventNote(event.summary, code) for code in event.notes)
            busy.extend(found)
        return busy

    def _series(self, events: list[_Event]) -> list[BusyTime]:
        bases = [event for event in events if event.recurrence_id is None]
        moved: dict[datetime, _Event] = {}
        for event in events:
            if event.recurrence_id is not None:
                key = self._key(event.recurrence_id)
                if key not in moved or moved[key].sequence <= event.sequence:
                    moved[key] = event
        if not bases:
            # Overrides without their base (Lotus Notes): each is an event of its own.
            return [b for event in moved.values() for b in self._occurrences(event, set())]
        # Two copies of one event: the latest SEQUENCE wins (the later one on a tie).
        base = max(reversed(bases), key=lambda event: event.sequence)
        found = self._occurrences(base, set(moved))
        for event in moved.values():
            found.extend(self._occurrences(event, set()))
        return found

    def _occurrences(self, event: _Event, taken: set[datetime]) -> list[BusyTime]:
        """The event's busy times in the window, leaving out instances in `taken` (moved ones)."""
        if not event.busy:
            return []
        starts: dict[datetime, tuple[Moment, timedelta]] = {}
        for moment in [event.start, *self._rule_instants(event)]:
            starts.setdefault(self._key(moment), (moment, event.length))
        self.budget.step(len(event.extra))
        for extra in event.extra:
            begin, length = (
                (extra[0], _difference(extra[0], extra[1]))
                if isinstance(extra, tuple)
                else (extra, event.length)
            )
            key = self._key(begin)
            if key not in starts or starts[key][1] < length:
                starts[key] = (begin, max(length, timedelta(0)))
        excluded = self._excluded(event)
        busy = []
        for key, (moment, length) in starts.items():
            if key in taken or excluded(key, moment):
                continue
            begin = _instant(moment, self.floating, self.owner)
            end = _instant(_plus(moment, length), self.floating, self.owner)
            if end <= begin or end <= self.window_start or begin >= self.window_end:
                continue
            self.budget.occurrence()
            busy.append(BusyTime(begin, end, event.summary, event.uid or None))
        return busy

    def _excluded(self, event: _Event) -> Callable[[datetime, Moment], bool]:
        instants = {self._key(moment) for moment in event.excluded}
        days = set()
        floating_series = isinstance(event.start, datetime) and event.start.tzinfo is None
        for moment in event.excluded:
            if not isinstance(moment, datetime):
                days.add(moment)
            elif floating_series and moment.tzinfo is not None:
                # A floating series with EXDATEs in UTC: some writers mean the wall time.
                instants.add(self._key(moment.replace(tzinfo=None)))

        def excluded(key: datetime, moment: Moment) -> bool:
            if key in instants:
                return True
            return isinstance(moment, datetime) and moment.date() in days

        return excluded

    def _rule_instants(self, event: _Event) -> list[Moment]:
        """The rules' instants from the window's start (less the event's length) to its end."""
        if not event.rules:
            return []
        start = event.start
        if isinstance(start, datetime) and self.google_zone and _is_utc(start):
            start = start.astimezone(self.google_zone)
        first = start if isinstance(start, datetime) else datetime.combine(start, clock_time())
        low = self._frame(self.window_start - event.length - _MARGIN, first)
        high = self._frame(self.window_end + _MARGIN, first)
        found: list[Moment] = []
        for value in event.rules:
            rule, until = self._rule(value, first, low, event)
            last = high if until is None else min(high, until)
            for instant in _counted(rule, low, last, self.budget):
                found.append(instant if isinstance(start, datetime) else instant.date())
        return found

    def _rule(
        self, value: vRecur, first: datetime, low: datetime, event: _Event
    ) -> tuple[rrule, datetime | None]:
        """dateutil's rule for one RRULE, and its UNTIL read in the series' own terms."""
        counts, untils = value.get("COUNT") or [], value.get("UNTIL") or []
        until = self._until(untils[0], event.start, first) if untils else None
        count = None
        if counts:
            count = _positive(counts[0])
            if count is None and until is None:
                raise _Skip("bad_count")
            if count is None:
                event.notes.append("count_ignored")
        rest = vRecur({k: v for k, v in value.items() if k not in ("COUNT", "UNTIL")})
        if count is None:
            first = _moved_start(first, low, rest)
        try:
            parsed = rrulestr(rest.to_ical().decode(), dtstart=first, cache=False)
            if not isinstance(parsed, rrule):
                raise _Skip("bad_rule")
            return parsed.replace(count=count), until
        except (ValueError, TypeError, KeyError, IndexError) as error:
            raise _Skip("bad_rule") from error

    def _until(self, until: Any, start: Moment, first: datetime) -> datetime:
        """UNTIL as an instant comparable with the series' instants, whatever its value type.

        As Google Calendar and Outlook read it: a DATE is the end of that day in
        the series' zone, a floating time is in the series' zone, and a UTC time
        ends an all-day series on the day it falls on (in UTC or the owner's zone,
        whichever is later, as Outlook writes either).
        """
        if not isinstance(until, date):
            raise _Skip("bad_rule")
        if not isinstance(start, datetime):
            if not isinstance(until, datetime):
                day = until
            elif until.tzinfo is None:
                day = until.date()
            else:
                day = max(until.astimezone(self.owner).date(), until.astimezone(UTC).date())
            return datetime.combine(day, clock_time())
        if not isinstance(until, datetime):
            return datetime.combine(until, _END_OF_DAY, tzinfo=first.tzinfo)
        if first.tzinfo is None:
            return until.astimezone(self.floating).replace(tzinfo=None) if until.tzinfo else until
        return until if until.tzinfo is not None else until.replace(tzinfo=first.tzinfo)

    def _frame(self, moment: datetime, first: datetime) -> datetime:
        """An aware instant in the terms of a series starting at `first` (naive when floating)."""
        if first.tzinfo is not None:
            return moment
        return moment.astimezone(self.floating).replace(tzinfo=None)

    def _key(self, moment: Moment) -> datetime:
        """One instant per occurrence, to match exclusions and moved instances."""
        return _instant(moment, self.floating, self.owner)


def _counted(rule: rrule, low: datetime, last: datetime, budget: _Budget) -> list[datetime]:
    """The rule's instants from `low` to `last`, each instant and scanned period a step."""
    stop = (last.astimezone(rule._dtstart.tzinfo) if last.tzinfo else last).date() + _DAY  # type: ignore[attr-defined]
    token = _SCAN.set(_Scan(budget, stop))
    found = []
    try:
        for instant in rule:
            budget.step()
            if instant > last:
                break
            if instant >= low:
                found.append(instant)
                if len(found) > budget.limits.max_occurrences:
                    raise CalendarError("too_many_occurrences", limit=budget.limits.max_occurrences)
    except _PastWindow:
        pass
    except (ValueError, OverflowError) as error:
        raise _Skip("bad_rule") from error
    finally:
        _SCAN.reset(token)
    return found


_FIXED_STEPS = {
    "SECONDLY": timedelta(seconds=1),
    "MINUTELY": timedelta(minutes=1),
    "HOURLY": timedelta(hours=1),
    "DAILY": _DAY,
    "WEEKLY": timedelta(weeks=1),
}


def _moved_start(first: datetime, low: datetime, rule: vRecur) -> datetime:
    """A later start on the rule's own grid, before `low`, for a rule without COUNT.

    The instants from there on are the same (whole periods later, with the same
    time of day, weekday and day of month the rule defaults to), and the years
    since the first start need not be scanned: a rule from 1900 costs what one
    from last month does.
    """
    try:
        frequency = str(rule.get("FREQ", [""])[0]).upper()
        interval = max(int(rule.get("INTERVAL", [1])[0]), 1)
    except (TypeError, ValueError):
        return first
    # dateutil works in the start's wall-clock time, so the grid is moved in it too.
    wall = (low.astimezone(first.tzinfo) if first.tzinfo is not None else low).replace(tzinfo=None)
    if frequency in _FIXED_STEPS:
        period = _FIXED_STEPS[frequency] * interval
        periods = (wall - first.replace(tzinfo=None)) // period - 1
        return first + period * periods if periods > 0 else first
    if frequency == "MONTHLY":
        months = (wall.year - first.year) * 12 + wall.month - first.month
        return _in_months(first, (months // interval - 1) * interval, interval)
    if frequency == "YEARLY":
        years = ((wall.year - first.year) // interval - 1) * interval
        return _in_months(first, years * 12, 12 * interval)
    return first


def _in_months(first: datetime, months: int, back: int) -> datetime:
    """`first` that many months later, stepping back where its day does not exist."""
    while months > 0:
        year, month = divmod(first.month - 1 + months, 12)
        try:
            return first.replace(year=first.year + year, month=month + 1)
        except ValueError:  # 31 April, 29 February
            months -= back
    return first


def _positive(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _plus(moment: Moment, length: timedelta) -> Moment:
    return moment + length


def _is_utc(moment: datetime) -> bool:
    return moment.tzinfo is UTC or getattr(moment.tzinfo, "key", None) in ("UTC", "Etc/UTC")


def _known_zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return zone(name)
    except TimeProblem:
        # An unknown zone name must not make the whole calendar unreadable.
        return None


def _summary_of(block: str) -> str | None:
    found = _SUMMARY.search(block)
    return found.group(1).strip().replace("\\,", ",").replace("\\;", ";") if found else None


def _first_summary(events: list[_Event]) -> str | None:
    return next((event.summary for event in events if event.summary), None)


def _instant(moment: Moment, floating: ZoneInfo, owner: ZoneInfo) -> datetime:
    """An aware UTC instant: all-day dates start at midnight in the owner's zone."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=floating)
        return moment.astimezone(UTC)
    return datetime.combine(moment, clock_time(), tzinfo=owner).astimezone(UTC)


# ---- dateutil's scan, counted while it happens.


class _PastWindow(Exception):
    """dateutil reached periods after the window: nothing more can be asked of it."""


class _Scan:
    def __init__(self, budget: _Budget, stop: date) -> None:
        self.budget = budget
        self.stop = stop
        self.day = date.min

    def period(self, first_day: date) -> None:
        # A day scanned counts once, however many hours or minutes it is scanned in.
        if first_day != self.day:
            self.day = first_day
            self.budget.step()
        if first_day > self.stop:
            raise _PastWindow


_SCAN: ContextVar[_Scan | None] = ContextVar("takt_rrule_scan", default=None)


def _period(year: int, month: int, day: int, back: int = 0) -> None:
    """Count a period dateutil scans; it begins at most `back` days before year-month-day."""
    scan = _SCAN.get()
    if scan is not None:
        try:
            first_day = date(year, month, day) - timedelta(days=back)
        except (ValueError, OverflowError):
            first_day = date.max
        scan.period(first_day)


_IterInfo: Any = dateutil.rrule._iterinfo  # type: ignore[attr-defined]


class _CountedPeriods(_IterInfo):  # type: ignore[misc]
    """dateutil's per-period helper, counting each period it scans.

    dateutil yields nothing while a rule matches no day (FREQ=MINUTELY;BYMONTH=2;
    BYMONTHDAY=30 scans day by day to the year 9999, whatever UNTIL says), so a
    count of yielded instants cannot stop it; each period it builds passes here.
    Outside a read (no _Scan set) this is dateutil unchanged. (No __slots__ of
    its own: dateutil's __init__ sets every name in `self.__slots__`.)
    """

    def ydayset(self, year: int, month: int, day: int) -> Any:
        _period(year, 1, 1)
        return super().ydayset(year, month, day)

    def mdayset(self, year: int, month: int, day: int) -> Any:
        _period(year, month, 1)
        return super().mdayset(year, month, day)

    def wdayset(self, year: int, month: int, day: int) -> Any:
        # The week holding that day may have begun up to six days before it.
        _period(year, month, day, back=6)
        return super().wdayset(year, month, day)

    def ddayset(self, year: int, month: int, day: int) -> Any:
        _period(year, month, day)
        return super().ddayset(year, month, day)


dateutil.rrule._iterinfo = _CountedPeriods  # type: ignore[attr-defined]


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
