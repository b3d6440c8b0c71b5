"""From what the sentences name to what the reply means: accept, propose, decline, withdraw.

A wrong `chosen` books the wrong time, so `accept` needs every sign to point at
one offered time; whatever is left in doubt is `propose` (a person sees the
windows) or `unclear`, never a guess.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from takt.replies.grammar import items_in
from takt.replies.groups import Group, groups_of
from takt.replies.items import Context, Item
from takt.replies.request import ReplyRequest
from takt.replies.sentences import Sentence, blank, clause_starts, mood, phrase
from takt.replies.windows import intervals, matches, overlaps, subtract
from takt.scheduling.intervals import Interval, merge


@dataclass
class Reading:
    """What a reply means, before it is written out as JSON."""

    intent: str
    chosen: int | None = None
    windows: list[Interval] = field(default_factory=list)
    quoted: list[int] = field(default_factory=list)  # sentence numbers


@dataclass
class _Facts:
    groups: list[Group] = field(default_factory=list)
    picks: list[tuple[int, set[int]]] = field(default_factory=list)  # sentence, offered indices
    bad_pick: bool = False
    declines: list[int] = field(default_factory=list)
    later: list[int] = field(default_factory=list)


def understand(request: ReplyRequest, own: list[Sentence], lang: str) -> Reading:
    """The meaning of the writer's own sentences."""
    for kind, intent in (("away", "unclear"), ("withdraw", "withdraw")):
        found = [n for n, s in enumerate(own) if phrase(lang, kind).search(s.lower)]
        if found:
            return Reading(intent, quoted=found[:1])
    ctx = Context(
        lang=lang,
        today=request.received_at.astimezone(request.tz).date(),
        day_start=request.day_start,
        day_end=request.day_end,
        zone=request.tz.key,
    )
    facts = _facts(request, own, ctx)
    return _decide(request, facts, ctx, own)


def _facts(request: ReplyRequest, own: list[Sentence], ctx: Context) -> _Facts:
    facts = _Facts()
    previous: list[Group] = []
    for number, sentence in enumerate(own):
        items = items_in(sentence.lower, ctx)
        if phrase(ctx.lang, "later").search(sentence.lower):
            # "Jag återkommer på tisdag" names a day for an answer, not for a meeting.
            facts.later.append(number)
            previous = []
            continue
        groups = groups_of(number, sentence, items, ctx.lang)
        groups = _inherit(groups, previous)
        _drop_excepted(groups, items)
        if sentence.question:
            asks = phrase(ctx.lang, "proposal_question").search(sentence.lower)
            for group in groups:
                if group.mood != "no":
                    group.mood = "ask" if asks else "ignored"
        facts.groups.extend(group for group in groups if not group.past)
        # Only the sentence just before lends its days ("Fredag passar. Helst efter lunch.").
        previous = groups
        refused_days = any(g.mood == "no" and g.has_day for g in groups)
        if any(i.kind == "decline" for i in items) and not sentence.question and not refused_days:
            # "Ingen av tiderna på tisdag" refuses Tuesday's times, not all of them.
            facts.declines.append(number)
        _picks(facts, number, sentence, items, request, ctx)
    return facts


def _inherit(groups: list[Group], previous: list[Group]) -> list[Group]:
    """A time without a day takes the days said just before it ("Fredag. Helst efter lunch.").

    When those days had no time yet, the time narrows them instead ("Tuesday works
    but not before 10" is Tuesday from 10), unless it is refused ("men inte före 10").
    """
    kept: list[Group] = []
    for group in groups:
        if group.has_day:
            kept.append(group)
            continue
        earlier = [g for g in kept or previous if g.has_day and g.mood != "no"]
        if earlier and group.mood != "no" and not earlier[-1].has_time:
            earlier[-1].items.extend(group.items)
            continue
        days = [item for g in earlier for item in g.items if item.kind == "day"]
        if days:
            group.items = days[-1:] + group.items
            group.inherited = True
        kept.append(group)
    return kept


def _drop_excepted(groups: list[Group], items: list[Item]) -> None:
    out = frozenset().union(*(item.weekdays for item in items if item.kind == "except"))
    if not out:
        return
    for group in groups:
        if group.mood == "no":
            continue
        kept = []
        for item in group.items:
            if item.kind == "day":
                days = tuple(day for day in item.days if day.weekday() not in out)
                if not days:
                    continue
                item = Item("day", item.start, item.end, days=days, week=item.week)
            kept.append(item)
        group.items = kept


def _picks(
    facts: _Facts,
    number: int,
    sentence: Sentence,
    items: list[Item],
    request: ReplyRequest,
    ctx: Context,
) -> None:
    """Picks by order ("den andra") and by "any of them", in a clause that does not refuse."""
    offered = request.offered
    starts = [*clause_starts(sentence.lower, items, ctx.lang), len(sentence.lower)]
    out = frozenset().union(*(item.weekdays for item in items if item.kind == "except"))
    for item in items:
        if item.kind not in ("order", "any"):
            continue
        begin = max(s for s in starts if s <= item.start)
        end = min(s for s in starts if s > item.start)
        if sentence.question or mood(blank(sentence.lower, items, begin, end), ctx.lang) == "no":
            facts.bad_pick = True
            continue
        if item.kind == "any":
            free = [
                i for i in range(len(offered))
                if offered[i].start.astimezone(request.tz).weekday() not in out
            ]  # fmt: skip
            if free:
                facts.picks.append((number, {min(free, key=lambda i: offered[i].start)}))
            else:
                facts.bad_pick = True
            continue
        index = len(offered) - 1 if item.index == -1 else item.index - 1
        if 0 <= index < len(offered):
            facts.picks.append((number, {index}))
        else:
            facts.bad_pick = True


def _decide(request: ReplyRequest, facts: _Facts, ctx: Context, own: list[Sentence]) -> Reading:
    live = [g for g in facts.groups if g.mood in ("yes", "neutral", "ask") and g.has_day]
    refused = [g for g in facts.groups if g.mood == "no" and g.has_day]
    dayless = [g for g in facts.groups if g.mood in ("yes", "neutral", "ask") and not g.has_day]
    blocked = intervals(refused, request, strict=False)
    # A vague refusal ("men inte så tidigt") may cover an offered time: a person decides.
    doubtful = any(g.vague for g in live + refused) or bool(dayless) or facts.bad_pick
    positive = [] if doubtful else intervals(live, request, strict=True)
    if positive is None:
        doubtful, positive = True, []
    assert blocked is not None

    # "Ingen av dem passar. Jag kan fredag efter lunch" refuses every offered time first:
    # a day named after that is a new proposal, even when an offered time falls inside it.
    chosen = None if doubtful or facts.declines else _accepted(request, facts, live, blocked)
    if chosen is not None:
        index, quoted = chosen
        return Reading("accept", chosen=index, quoted=quoted)
    if doubtful:
        quoted = sorted({g.sentence for g in live + dayless if g.vague or not g.has_day})
        return Reading("unclear", quoted=quoted or _first(own))
    if live:
        windows = subtract(merge(positive), merge(blocked))
        long_enough = timedelta(minutes=request.duration_minutes)
        windows = [w for w in windows if w.duration >= long_enough]
        quoted = sorted({g.sentence for g in live + refused})
        return Reading("propose", windows=windows, quoted=quoted)
    if facts.picks:
        return Reading("unclear", quoted=sorted({n for n, _ in facts.picks}))
    if facts.declines:
        return Reading("decline", quoted=facts.declines[:1])
    if (
        refused
        and request.offered
        and all(any(overlaps(o, b) for b in blocked) for o in request.offered)
    ):
        return Reading("decline", quoted=sorted({g.sentence for g in refused}))
    quoted = facts.later[:1] or sorted({g.sentence for g in facts.groups})[:1]
    return Reading("unclear", quoted=quoted or _first(own))


def _first(own: list[Sentence]) -> list[int]:
    greeting = ("hej", "hi", "hello", "dear", "hejsan", "hey", "god")
    for number, sentence in enumerate(own):
        if not sentence.lower.startswith(greeting) or len(sentence.lower.split()) > 3:
            return [number]
    return []


def _accepted(
    request: ReplyRequest, facts: _Facts, live: list[Group], blocked: list[Interval]
) -> tuple[int, list[int]] | None:
    """The one offered time the words pick out, and where; None unless all agree on it."""
    if not request.offered:
        return None
    if any(g.mood != "yes" or any(i.week for i in g.items) for g in live):
        return None
    chosen: set[int] = set()
    quoted: list[int] = []
    for group in live:
        matched = matches(group, request, blocked)
        if len(matched) != 1:
            return None
        chosen |= matched
        quoted.append(group.sentence)
    for number, picked in facts.picks:
        chosen |= picked
        quoted.append(number)
    if len(chosen) != 1:
        return None
    (index,) = chosen
    if any(overlaps(request.offered[index], b) for b in blocked):
        return None
    return index, sorted(set(quoted))
