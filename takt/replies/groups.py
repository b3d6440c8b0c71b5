"""Days with the times said for them, gathered from one sentence's items."""

import itertools
from dataclasses import dataclass, field
from datetime import date

from takt.replies.clock import Clock
from takt.replies.items import Item
from takt.replies.sentences import Sentence, blank, boundary, clause_starts, mood, only_connectors


@dataclass
class Group:
    """Days and the times said for them; no clocks means the whole (working) day."""

    sentence: int
    items: list[Item] = field(default_factory=list)
    mood: str = "neutral"  # yes, no, neutral, ask (a question that proposes)
    inherited: bool = False

    @property
    def days(self) -> list[date]:
        return [day for item in self.items if item.kind == "day" for day in item.days]

    @property
    def clocks(self) -> list[Clock]:
        return [item.clock for item in self.items if item.kind == "time" and item.clock]

    @property
    def vague(self) -> bool:
        return any(item.kind == "vague" for item in self.items)

    @property
    def past(self) -> bool:
        return any(item.kind == "past" for item in self.items)

    @property
    def has_day(self) -> bool:
        return any(item.kind in ("day", "past") for item in self.items)

    @property
    def has_time(self) -> bool:
        return any(item.kind in ("time", "vague") for item in self.items)


_GROUPED = ("day", "time", "vague", "past")


def groups_of(number: int, sentence: Sentence, items: list[Item], lang: str) -> list[Group]:
    """The groups of one sentence, each with its mood."""
    starts = [*clause_starts(sentence.lower, items, lang), len(sentence.lower)]
    found: list[Group] = []
    for begin, end in itertools.pairwise(starts):
        inside = [item for item in items if begin <= item.start < end]
        clause = _gather(number, sentence.lower, [i for i in inside if i.kind in _GROUPED], lang)
        _set_moods(clause, sentence, items, begin, end, lang)
        for decline in (item for item in inside if item.kind == "decline"):
            # "Tyvärr passar ingen av tiderna på tisdag": the days here are refused; after
            # a comma ("None of those work, could we do Friday?") they are not.
            for group in clause:
                first, last = group.items[0], group.items[-1]
                between = (
                    sentence.lower[decline.end : first.start]
                    if decline.end <= first.start
                    else sentence.lower[last.end : decline.start]
                )
                if not any(mark in between for mark in ",;:"):
                    group.mood = "no"
        found.extend(clause)
    return found


def _gather(number: int, lower: str, items: list[Item], lang: str) -> list[Group]:
    groups: list[Group] = []
    current = Group(number)
    seen_day = False
    for item in items:
        last = current.items[-1] if current.items else None
        gap = lower[last.end : item.start] if last is not None else ""
        if item.week and item.monday and _plain(current) and only_connectors(gap, lang):
            # "Onsdag kl. 13 nästa vecka": the week says which Wednesday.
            current.items = [_moved(i, item.monday) for i in current.items]
            continue
        if item.kind in ("day", "past") and last is not None:
            gap = lower[last.end : item.start]
            if current.has_day:
                split = current.has_time or not only_connectors(gap, lang)
            else:
                # Times before any day ("kl. 13 på onsdag") belong to the day that follows,
                # unless an earlier day in the sentence can take them.
                split = seen_day and not only_connectors(gap, lang)
            if split:
                groups.append(current)
                current = Group(number)
        current.items.append(item)
        seen_day = seen_day or item.kind in ("day", "past")
    if current.items:
        groups.append(current)
    for group in groups:
        _one_week(group)
    return groups


def _plain(group: Group) -> bool:
    return any(item.plain_weekday is not None for item in group.items)


def _moved(item: Item, monday: date) -> Item:
    return item.in_week(monday) if item.plain_weekday is not None else item


def _one_week(group: Group) -> None:
    """Days said together share a week: "tisdag eller onsdag nästa vecka" is next week's both."""
    mondays = {item.monday for item in group.items if item.monday is not None}
    if len(mondays) != 1 or not _plain(group):
        return
    (monday,) = mondays
    moved = [_moved(item, monday) for item in group.items]
    # The plain weekdays say which days of that week; the week itself adds no others.
    group.items = [item for item in moved if not item.week]


def _set_moods(
    clause: list[Group], sentence: Sentence, items: list[Item], begin: int, end: int, lang: str
) -> None:
    edges = [begin]
    for before, after in itertools.pairwise(clause):
        gap_start, gap_end = before.items[-1].end, after.items[0].start
        edges.append(gap_start + boundary(sentence.lower[gap_start:gap_end], lang))
    edges.append(end)
    for index, group in enumerate(clause):
        text = blank(sentence.lower, items, edges[index], edges[index + 1])
        group.mood = mood(text, lang)
