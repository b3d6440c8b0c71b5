"""Reading calendar texts into busy times, under one shared budget."""

import time
from collections.abc import Callable, Iterable
from datetime import datetime

from takt.calendars.errors import CalendarError
from takt.calendars.ics.budget import DEFAULT_LIMITS, Budget, Limits
from takt.calendars.ics.results import Reading
from takt.calendars.ics.series import CalendarReader, read_events
from takt.calendars.ics.text import split
from takt.scheduling.zones import TimeProblem, zone


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
    calendars = [calendar for text in texts for calendar in split(text)]
    if sum(len(calendar.events) for calendar in calendars) > limits.max_events:
        raise CalendarError("too_many_events", limit=limits.max_events)
    # Extra dates are all made at once when an event is read, so they are
    # counted in the text first: 600 events of 672 RDATEs each are refused here.
    if sum(calendar.extra_dates() for calendar in calendars) > limits.max_occurrences:
        raise CalendarError("too_many_occurrences", limit=limits.max_occurrences)
    reading = Reading()
    parsed = [read_events(calendar, reading.notes) for calendar in calendars]
    # Parsing is bounded by the size limit; the clock is for the recurrences.
    budget = Budget(limits, clock)
    for events in parsed:
        reader = CalendarReader(events, window_start, window_end, owner, budget, reading.notes)
        reading.extend(reader.busy())
    reading.sort(key=lambda b: (b.start, b.end, b.summary or "", b.uid or ""))
    return reading
