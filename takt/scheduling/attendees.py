"""The people whose calendars a search must respect."""

from collections.abc import Sequence
from dataclasses import dataclass

from takt.scheduling.hours import WorkingHours
from takt.scheduling.intervals import Interval


@dataclass(frozen=True)
class Attendee:
    """Someone who must be free: their working hours and busy times (any order, may overlap)."""

    hours: WorkingHours
    busy: Sequence[Interval] = ()
    name: str = ""


# The job seeker searching their own calendar is the same shape.
Person = Attendee
