"""A calendar's events made busy times, series by series.

A series is its rules' instants, its extra dates less its exclusions, and its
moved instances; its UNTIL is read the way the big clients read it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from icalendar import vRecur

from takt.calendars.ics.budget import Budget
from takt.calendars.ics.events import Event, Moment, Skip, difference, read_event
from takt.calendars.ics.expansion import counted
from takt.calendars.ics.results import BusyTime, EventNote
from takt.calendars.ics.text import RawCalendar, learn_timezones, summary_of
from takt.scheduling.zones import TimeProblem, zone

# Floating and all-day times are placed in a zone only after expansion, so a day
# more is expanded on each side and the result cut exactly.
_MARGIN = timedelta(days=1)
_END_OF_DAY = clock_time(23, 59, 59)
_DAY = timedelta(days=1)


@dataclass
class Events:
    """One calendar's events, read and grouped by UID (a series and its moved instances)."""

    google_zone: str | None
    groups: dict[object, list[Event]]


def read_events(calendar: RawCalendar, notes: list[EventNote]) -> Events:
    """Parse each event alone, noting those that cannot be read; their text goes once read."""
    learn_timezones(calendar.timezones)
    groups: dict[object, list[Event]] = {}
    for block in calendar.events:
        try:
            event = read_event(block)
        except Skip as skip:
            notes.append(EventNote(summary_of(block), skip.code))
            continue
        # An event without UID is a series of its own.
        groups.setdefault(event.uid or object(), []).append(event)
    calendar.events.clear()
    return Events(calendar.x_wr_timezone(), groups)


class CalendarReader:
    """One calendar's events made busy times, noting the series skipped or corrected."""

    def __init__(
        self,
        events: Events,
        window_start: datetime,
        window_end: datetime,
        owner: ZoneInfo,
        budget: Budget,
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
            except Skip as skip:
                self.notes.append(EventNote(_first_summary(events), skip.code))
                continue
            for event in events:
                self.notes.extend(EventNote(event.summary, code) for code in event.notes)
            busy.extend(found)
        return busy

    def _series(self, events: list[Event]) -> list[BusyTime]:
        bases = [event for event in events if event.recurrence_id is None]
        moved: dict[datetime, Event] = {}
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

    def _occurrences(self, event: Event, taken: set[datetime]) -> list[BusyTime]:
        """The event's busy times in the window, leaving out instances in `taken` (moved ones)."""
        if not event.busy:
            return []
        starts: dict[datetime, tuple[Moment, timedelta]] = {}
        for moment in [event.start, *self._rule_instants(event)]:
            starts.setdefault(self._key(moment), (moment, event.length))
        self.budget.step(len(event.extra))
        for extra in event.extra:
            begin, length = (
                (extra[0], difference(extra[0], extra[1]))
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

    def _excluded(self, event: Event) -> Callable[[datetime, Moment], bool]:
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

    def _rule_instants(self, event: Event) -> list[Moment]:
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
            for instant in counted(rule, low, last, self.budget):
                found.append(instant if isinstance(start, datetime) else instant.date())
        return found

    def _rule(
        self, value: vRecur, first: datetime, low: datetime, event: Event
    ) -> tuple[rrule, datetime | None]:
        """dateutil's rule for one RRULE, and its UNTIL read in the series' own terms."""
        counts, untils = value.get("COUNT") or [], value.get("UNTIL") or []
        until = self._until(untils[0], event.start, first) if untils else None
        count = None
        if counts:
            count = _positive(counts[0])
            if count is None and until is None:
                raise Skip("bad_count")
            if count is None:
                event.notes.append("count_ignored")
        rest = vRecur({k: v for k, v in value.items() if k not in ("COUNT", "UNTIL")})
        if count is None:
            first = _moved_start(first, low, rest)
        try:
            parsed = rrulestr(rest.to_ical().decode(), dtstart=first, cache=False)
            if not isinstance(parsed, rrule):
                raise Skip("bad_rule")
            return parsed.replace(count=count), until
        except (ValueError, TypeError, KeyError, IndexError) as error:
            raise Skip("bad_rule") from error

    def _until(self, until: Any, start: Moment, first: datetime) -> datetime:
        """UNTIL as an instant comparable with the series' instants, whatever its value type.

        As Google Calendar and Outlook read it: a DATE is the end of that day in
        the series' zone, a floating time is in the series' zone, and a UTC time
        ends an all-day series on the day it falls on (in UTC or the owner's zone,
        whichever is later, as Outlook writes either).
        """
        if not isinstance(until, date):
            raise Skip("bad_rule")
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


def _first_summary(events: list[Event]) -> str | None:
    return next((event.summary for event in events if event.summary), None)


def _instant(moment: Moment, floating: ZoneInfo, owner: ZoneInfo) -> datetime:
    """An aware UTC instant: all-day dates start at midnight in the owner's zone."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=floating)
        return moment.astimezone(UTC)
    return datetime.combine(moment, clock_time(), tzinfo=owner).astimezone(UTC)
