"""Pure scheduling: time zones, intervals and free times. Imports nothing from Django."""

from takt.scheduling.attendees import Attendee, Person
from takt.scheduling.hours import WorkingHours
from takt.scheduling.intervals import Interval, Span, first_conflict, merge, overlaps
from takt.scheduling.slots import find_slots, suggest_alternatives

__all__ = [
    "Attendee",
    "Interval",
    "Person",
    "Span",
    "WorkingHours",
    "find_slots",
    "first_conflict",
    "merge",
    "overlaps",
    "suggest_alternatives",
]
