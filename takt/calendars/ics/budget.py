"""How much of a calendar Takt is willing to work through, and the count kept while it does."""

from collections.abc import Callable
from dataclasses import dataclass

from takt.calendars.errors import CalendarError

# The clock is read once every so many steps: reading it costs more than a step.
_CLOCK_EVERY = 1024


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


class Budget:
    """The work done so far on one reading, checked against its limits and its clock."""

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
