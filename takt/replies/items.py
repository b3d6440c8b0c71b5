"""What a sentence names, one item each, and the dates the words point at."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from takt.replies.clock import Clock


@dataclass(frozen=True)
class Context:
    """What the words are read against: the writer's today and working day."""

    lang: str
    today: date
    day_start: int
    day_end: int
    zone: str


@dataclass
class Item:
    """One thing a sentence names, at characters [start, end) of it."""

    kind: str  # day, time, vague, order, any, decline, except, past, zone_ok
    start: int
    end: int
    days: tuple[date, ...] = ()
    clock: Clock | None = None
    index: int = 0  # for order: 1-based, -1 for the last
    weekdays: frozenset[int] = field(default_factory=frozenset)
    week: bool = False  # "nästa vecka": says when one is free, picks no offered time
    plain_weekday: int | None = None  # "tisdag" alone: the week is open to its neighbours
    monday: date | None = None  # the Monday of the week a day was named in ("nästa tisdag")

    def in_week(self, monday: date) -> "Item":
        """A plain weekday moved into the week that starts on `monday`."""
        assert self.plain_weekday is not None
        day = monday + timedelta(days=self.plain_weekday)
        return Item("day", self.start, self.end, days=(day,), monday=monday)


Match = re.Match[str]
Reader = Callable[[Match, Context], list[Item] | None]


def next_weekday(today: date, weekday: int) -> date:
    """The next such weekday after `today` (never today itself)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def next_week(today: date) -> date:
    """Monday of the next calendar week."""
    return today + timedelta(days=7 - today.weekday())


def on_or_after(today: date, day: int, month: int, year: int | None) -> date | None:
    """The next such date on or after `today`; None when there is no such date."""
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def alternatives(words: object) -> str:
    """A regex alternation of `words`, longest first so no word hides a longer one."""
    return "|".join(sorted(map(str, words), key=len, reverse=True))  # type: ignore[call-overload]
