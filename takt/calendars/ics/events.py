"""One VEVENT read alone: its times, its rules and whether it makes one busy, or why not."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

from icalendar import Component, vRecur

_DAY = timedelta(days=1)


class Skip(Exception):
    """Why an event cannot be read: `code` is one of SKIPPED."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


Moment = date | datetime
Period = tuple[Moment, Moment]

# The properties without which an event cannot be read as it is meant.
_TIME_PROPERTIES = {"DTSTART", "DTEND", "DURATION", "RDATE", "EXDATE", "RECURRENCE-ID"}


@dataclass(slots=True)
class Event:
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


def read_event(block: str) -> Event:
    """The event in one VEVENT text; Skip with the reason when it cannot be read."""
    try:
        component = Component.from_ical(block)
    except Exception as error:
        raise Skip("unreadable") from error
    broken = {str(name).upper() if name else "" for name, _ in getattr(component, "errors", [])}
    if "" in broken:
        raise Skip("unreadable")
    if "RRULE" in broken:
        raise Skip("bad_rule")
    if broken & _TIME_PROPERTIES:
        raise Skip("bad_time")
    if component.get("DTSTART") is None:
        raise Skip("no_start")
    start = _moment(component.get("DTSTART"))
    notes: list[str] = []
    length = _length(component, start, notes)
    rules = []
    for rule in _values(component.get("RRULE")):
        if not isinstance(rule, vRecur):
            raise Skip("bad_rule")
        if rule:
            rules.append(rule)
        else:
            notes.append("empty_rule")
    recurrence_id = component.get("RECURRENCE-ID")
    return Event(
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
        raise Skip("bad_time")
    return _moment_of(getattr(value, "dt", None) if not isinstance(value, date) else value)


def _moment_of(value: Any) -> Moment:
    if isinstance(value, date):
        return value
    raise Skip("bad_time")


def _date_values(value: Any) -> list[Any]:
    """Every value of RDATE or EXDATE, over all their lines."""
    found: list[Any] = []
    for line in _values(value):
        dates = getattr(line, "dts", None)
        if dates is None:
            raise Skip("bad_time")
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
        length = difference(start, end)
    elif component.get("DURATION") is not None:
        length = getattr(component.get("DURATION"), "dt", None)  # type: ignore[assignment]
        if not isinstance(length, timedelta):
            raise Skip("bad_time")
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


def difference(start: Moment, end: Moment) -> timedelta:
    if isinstance(start, datetime) and isinstance(end, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            # One floating, one zoned: the floating one is read in the other's zone.
            zone_of = start.tzinfo or end.tzinfo
            start, end = start.replace(tzinfo=zone_of), end.replace(tzinfo=zone_of)
        return end - start
    if isinstance(start, datetime) or isinstance(end, datetime):
        raise Skip("bad_time")  # a period from a date to a time, or back
    return end - start
