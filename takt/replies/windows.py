"""The time a reply names, as instants: windows, refusals, and which offered times fit them."""

from datetime import UTC, date, datetime, time, timedelta

from takt.replies.clock import Clock
from takt.replies.groups import Group
from takt.replies.request import ReplyRequest
from takt.scheduling.intervals import Interval
from takt.scheduling.zones import TimeProblem, localize


def matches(group: Group, request: ReplyRequest, blocked: list[Interval]) -> set[int]:
    found = set()
    for index, offer in enumerate(request.offered):
        if any(overlaps(offer, b) for b in blocked):
            continue
        local = offer.start.astimezone(request.tz)
        if local.date() not in group.days:
            continue
        if not group.clocks or any(_fits(offer, local.date(), c, request) for c in group.clocks):
            found.add(index)
    return found


def _fits(offer: Interval, day: date, clock: Clock, request: ReplyRequest) -> bool:
    try:
        start = _instant(day, clock.start, request)
        if clock.end is None:
            return offer.start == start
        return start <= offer.start and offer.end <= _instant(day, clock.end, request)
    except TimeProblem:
        return False


def intervals(groups: list[Group], request: ReplyRequest, *, strict: bool) -> list[Interval] | None:
    """The time the groups name; None (strict) when a said time does not exist that day."""
    length = timedelta(minutes=request.duration_minutes)
    found = []
    for group in groups:
        if group.vague:
            continue
        for day in group.days:
            clocks = group.clocks or [
                Clock(request.day_start, request.day_end) if strict else Clock(0, 24 * 60)
            ]
            for clock in clocks:
                try:
                    start = _instant(day, clock.start, request, strict=strict)
                    end = (
                        start + length
                        if clock.end is None
                        else _instant(day, clock.end, request, strict=strict)
                    )
                except TimeProblem:
                    return None
                found.append(Interval(start, end))
    return found


def _instant(day: date, minutes: int, request: ReplyRequest, *, strict: bool = True) -> datetime:
    local = datetime.combine(day, time()) + timedelta(minutes=minutes)
    if strict:
        return localize(local, request.tz).astimezone(UTC)
    return local.replace(tzinfo=request.tz).astimezone(UTC)


def overlaps(a: Interval, b: Interval) -> bool:
    return a.start < b.end and b.start < a.end


def subtract(free: list[Interval], taken: list[Interval]) -> list[Interval]:
    """`free` less every `taken` span; both sorted and merged."""
    left = []
    for span in free:
        start = span.start
        for cut in taken:
            if cut.end <= start or cut.start >= span.end:
                continue
            if cut.start > start:
                left.append(Interval(start, cut.start))
            start = max(start, cut.end)
        if start < span.end:
            left.append(Interval(start, span.end))
    return left
