"""Free times common to several people, earliest first.

Everything is turned into integer microseconds since the epoch once, the busy
times of all attendees are sorted once, and one sweep walks the free gaps
between them alongside everyone's working hours, stopping at `count` slots.
"""

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from functools import reduce
from itertools import accumulate, compress, islice, tee
from operator import gt

from takt.scheduling.attendees import Attendee
from takt.scheduling.epoch import from_us, span_us, to_us
from takt.scheduling.intervals import END, START, Interval
from takt.scheduling.localdays import LocalDays, Stretch
from takt.scheduling.zones import zone

Spans = Iterator[tuple[int, int]]

_BEFORE_ALL = datetime.min.replace(tzinfo=UTC)


def find_slots(
    attendees: Sequence[Attendee],
    *,
    window_start: datetime,
    window_end: datetime,
    duration: timedelta,
    now: datetime,
    min_notice: timedelta = timedelta(hours=24),
    buffer: timedelta = timedelta(0),
    step: timedelta = timedelta(minutes=15),
    count: int = 10,
    spread_days: bool = False,
    day_zone: str | None = None,
) -> list[Interval]:
    """The earliest times of `duration` when every attendee is free and at work.

    A slot lies in the window, inside each attendee's working hours, starts at
    least `min_notice` of elapsed time after `now`, keeps `buffer` free of busy
    time on both sides, and starts on a multiple of `step` after local midnight
    in `day_zone` (by default the first attendee's zone). With `spread_days`,
    at most one slot per calendar day in `day_zone`.
    """
    if not attendees:
        raise ValueError("find_slots needs at least one attendee")
    for name, value in (("window_start", window_start), ("window_end", window_end), ("now", now)):
        if value.utcoffset() is None:
            raise ValueError(f"{name} must be an aware datetime")
    if duration <= timedelta(0) or step <= timedelta(0):
        raise ValueError("duration and step must be positive")
    if buffer < timedelta(0) or min_notice < timedelta(0):
        raise ValueError("buffer and min_notice cannot be negative")
    length = span_us(duration)
    earliest = max(to_us(window_start), to_us(now) + span_us(min_notice))
    latest = to_us(window_end)
    if count <= 0 or latest - earliest < length:
        return []
    days = LocalDays(zone(day_zone if day_zone is not None else attendees[0].hours.zone))
    streams = [hours.windows_us(earliest, latest) for hours in (a.hours for a in attendees)]
    at_work = reduce(_intersect, streams, iter([(earliest, latest)]))
    free = _free_gaps(attendees, earliest, latest, span_us(buffer), length)
    starts = _aligned_starts(_intersect(at_work, free), length, span_us(step), days, spread_days)
    return [Interval(from_us(start), from_us(start + length)) for start in islice(starts, count)]


def suggest_alternatives(
    person: Attendee,
    *,
    now: datetime,
    duration: timedelta,
    within: timedelta = timedelta(days=14),
    count: int = 3,
    min_notice: timedelta = timedelta(hours=24),
    buffer: timedelta = timedelta(0),
    step: timedelta = timedelta(minutes=15),
) -> list[Interval]:
    """Free times in one person's own calendar, one per day, to offer as alternatives."""
    return find_slots(
        [person],
        window_start=now,
        window_end=now + within,
        duration=duration,
        now=now,
        min_notice=min_notice,
        buffer=buffer,
        step=step,
        count=count,
        spread_days=True,
    )


def _free_gaps(
    attendees: Iterable[Attendee], earliest: int, latest: int, buffer: int, length: int
) -> Spans:
    """The gaps between everyone's busy times, shrunk by `buffer`, long enough for a slot."""
    busy: list[Interval] = []
    for attendee in attendees:
        busy.extend(attendee.busy)
    busy.sort(key=START)
    # Busy times that start well before the search only matter for how far they reach.
    first = bisect_left(busy, from_us(earliest - buffer), key=START)
    reach = max(map(END, islice(busy, first)), default=_BEFORE_ALL)
    rest = busy[first:]
    # The sweep runs in C iterators: `reaches[i]` is the latest end of every busy
    # time before rest[i], and a gap opens wherever rest[i] starts after it.
    # Python code only sees the gaps, and stops with the search.
    starts, starts_again = tee(map(START, rest))
    reaches, reaches_again = tee(accumulate(map(END, rest), max, initial=reach))
    # zip stops one short of `reaches`, which holds one more item (the initial reach).
    gaps = compress(zip(reaches, starts, strict=False), map(gt, starts_again, reaches_again))
    for reached, start in gaps:
        opens = to_us(reached) + buffer
        closes = to_us(start) - buffer
        if closes - opens >= length:
            yield opens, closes
        if closes >= latest:
            return
    reach = max(reach, max(map(END, rest), default=reach))
    yield to_us(reach) + buffer, latest


def _intersect(left: Spans, right: Spans) -> Spans:
    """The time two sorted streams of disjoint spans have in common."""
    try:
        a_start, a_end = next(left)
        b_start, b_end = next(right)
        while True:
            start = max(a_start, b_start)
            end = min(a_end, b_end)
            if start < end:
                yield start, end
            if a_end < b_end:
                a_start, a_end = next(left)
            else:
                b_start, b_end = next(right)
    except StopIteration:
        return


def _aligned_starts(
    free: Spans, length: int, step: int, days: LocalDays, spread_days: bool
) -> Iterator[int]:
    """Start times on the local step grid where a slot fits in a free span."""
    stretch = Stretch(0, 0, 0, 0, 0)
    used_days: set[int] = set()
    for opens, closes in free:
        last = closes - length
        at = opens
        while at <= last:
            if not stretch.start <= at < stretch.end:
                stretch = days.stretch(at)
            if spread_days and stretch.day in used_days:
                at = stretch.end
                continue
            # The first start at or after `at` whose wall time is a whole number
            # of steps after local midnight.
            start = at + (stretch.midnight - stretch.offset - at) % step
            if start > last or start >= stretch.end:
                at = stretch.end
                continue
            yield start
            if spread_days:
                used_days.add(stretch.day)
                at = stretch.end
            else:
                # Never step past the stretch: after a DST change the grid
                # restarts from the new offset, maybe sooner than one step on.
                at = min(start + step, stretch.end)
