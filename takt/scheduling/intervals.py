"""Busy and free time as intervals between aware instants.

An interval is half-open in spirit: a meeting that ends at 10:00 does not
collide with one that starts at 10:00, so touching intervals never overlap.
"""

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class Interval:
    """From `start` to `end`, both aware; stored in UTC."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.utcoffset() is None or self.end.utcoffset() is None:
            raise ValueError("an interval needs aware datetimes")
        # Kept in UTC because Python compares two datetimes of the same zone by
        # wall time, ignoring `fold`: in the autumn hour that repeats, the second
        # 02:30 would sort as equal to the first. UTC also makes sorting fast.
        start = self.start.astimezone(UTC)
        end = self.end.astimezone(UTC)
        if end < start:
            raise ValueError(f"interval ends before it starts: {start} > {end}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @property
    def duration(self) -> timedelta:
        """The elapsed time from start to end."""
        return self.end - self.start


# A (start, end) pair as forms, calendars and the database hand times over; Interval is
# the checked, UTC-normalised form the scheduling functions work with.
Span = tuple[datetime, datetime]

START = attrgetter("start")
END = attrgetter("end")


def overlaps(a: Interval, b: Interval) -> bool:
    """True when the two share some time; touching end to start is no overlap."""
    return a.start < b.end and b.start < a.end


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """The same time as one sorted list with no overlapping or touching intervals."""
    ordered = sorted(intervals, key=START)
    merged: list[Interval] = []
    if not ordered:
        return merged
    current = ordered[0]
    start, reach = current.start, current.end
    for interval in ordered[1:]:
        if interval.start > reach:
            merged.append(current if current.end == reach else Interval(start, reach))
            current = interval
            start, reach = interval.start, interval.end
        elif interval.end > reach:
            reach = interval.end
    merged.append(current if current.end == reach else Interval(start, reach))
    return merged


def first_conflict(candidate: Interval, sorted_busy: Sequence[Interval]) -> Interval | None:
    """The earliest busy interval that overlaps `candidate`, or None.

    `sorted_busy` must be as `merge` returns it (sorted, no overlaps), so that
    both starts and ends ascend and one binary search finds the answer.
    """
    # The first busy interval that ends after the candidate starts is the only
    # one that can be the earliest overlap.
    index = bisect_right(sorted_busy, candidate.start, key=END)
    if index < len(sorted_busy):
        busy = sorted_busy[index]
        if overlaps(busy, candidate):
            return busy
    return None
