"""A person's working day, in their own time zone.

09:00 is 09:00 on the wall clock on both sides of a DST change, so the UTC
instant of the working day moves by an hour when the clocks do.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from takt.scheduling.epoch import from_us, to_us
from takt.scheduling.intervals import Interval
from takt.scheduling.zones import zone

MONDAY_TO_FRIDAY = frozenset(range(5))


@dataclass(frozen=True)
class WorkingHours:
    """From `start` to `end` local time in `zone` on `weekdays` (0 is Monday)."""

    zone: str
    start: time = time(9, 0)
    end: time = time(17, 0)
    weekdays: frozenset[int] = field(default=MONDAY_TO_FRIDAY)

    def __post_init__(self) -> None:
        zone(self.zone)  # an unknown zone is refused here, not deep in a search
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("working hours are wall-clock times without a zone")
        if not self.start < self.end:
            raise ValueError("working hours must end after they start, on the same day")
        weekdays = frozenset(self.weekdays)
        if not weekdays <= frozenset(range(7)):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        object.__setattr__(self, "weekdays", weekdays)

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.zone)

    def day(self, local_day: date) -> Interval | None:
        """The working hours on that local date, or None on a day off."""
        if local_day.weekday() not in self.weekdays:
            return None
        tz = self.tz
        # As in windows_us, a wall time in a DST gap or fold takes the offset from
        # before the change (fold=0): 02:30 on the spring night becomes 03:30.
        return Interval(
            datetime.combine(local_day, self.start, tzinfo=tz),
            datetime.combine(local_day, self.end, tzinfo=tz),
        )

    def windows_us(self, start_us: int, end_us: int) -> Iterator[tuple[int, int]]:
        """The working windows that overlap [start_us, end_us), earliest first, in microseconds."""
        tz = self.tz
        first = _local_date(start_us, tz) - timedelta(days=1)
        last = _local_date(end_us, tz) + timedelta(days=1)
        day = first
        while day <= last:
            if day.weekday() in self.weekdays:
                opens = to_us(datetime.combine(day, self.start, tzinfo=tz))
                closes = to_us(datetime.combine(day, self.end, tzinfo=tz))
                if opens >= end_us:
                    return
                # Hours that start in a spring gap can map past their end; skip them.
                if closes > start_us and closes > opens:
                    yield opens, closes
            day += timedelta(days=1)


def _local_date(instant_us: int, tz: ZoneInfo) -> date:
    return from_us(instant_us).astimezone(tz).date()
