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
it happens, and the scan stops at the window's end (see expansion.py).

The work is split by what it does: text.py cuts a file into calendars and
events, events.py reads one event, series.py turns a calendar's events into
busy times, expansion.py counts dateutil's scan against the budget (budget.py),
results.py holds what a reading gives, fetch.py fetches a feed.
"""

from takt.calendars.ics.budget import DEFAULT_LIMITS, Limits
from takt.calendars.ics.fetch import fetch_ics
from takt.calendars.ics.reading import read_busy, read_busy_many
from takt.calendars.ics.results import CORRECTED, SKIPPED, BusyTime, EventNote, Reading

__all__ = [
    "CORRECTED",
    "DEFAULT_LIMITS",
    "SKIPPED",
    "BusyTime",
    "EventNote",
    "Limits",
    "Reading",
    "fetch_ics",
    "read_busy",
    "read_busy_many",
]
