"""What reading a calendar gives: busy times, and notes on the events skipped or corrected."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, order=True)
class BusyTime:
    """A time the calendar's owner is taken, in UTC."""

    start: datetime
    end: datetime
    summary: str | None = None
    # The event's UID: Takt's own invitation, once in this calendar, carries the
    # interview's UID, so the interview being moved is not counted against itself.
    uid: str | None = None


# Why an event was skipped (it gives no busy time at all): its text cannot be
# read, it has no DTSTART, a time, date or length cannot be read, its RRULE cannot
# be read, or its COUNT is not a positive number and it has no UNTIL.
SKIPPED = frozenset({"unreadable", "no_start", "bad_time", "bad_rule", "bad_count"})
# How an invalid event was read, the way the big clients read it: an empty RRULE
# as happening once, an end before the start as ending at the start, an all-day
# start with a clock-time end or length as whole days, a COUNT that is not
# positive as absent when there is an UNTIL.
CORRECTED = frozenset({"empty_rule", "end_before_start", "whole_days", "count_ignored"})


@dataclass(frozen=True)
class EventNote:
    """An event skipped or read with a correction; `code` is one of SKIPPED or CORRECTED."""

    summary: str | None
    code: str

    @property
    def skipped(self) -> bool:
        return self.code in SKIPPED


class Reading(list[BusyTime]):
    """The busy times read, in order, and the notes on events skipped or corrected on the way."""

    def __init__(self, busy: Iterable[BusyTime] = (), notes: Iterable[EventNote] = ()) -> None:
        super().__init__(busy)
        self.notes = list(notes)

    @property
    def skipped(self) -> list[EventNote]:
        return [note for note in self.notes if note.skipped]
