"""Alternative times: enough, real, free, not too soon, not all one day (M1.2, M3.3, Tip 2)."""

from datetime import UTC, timedelta

from takt.etiquette.model import Finding
from takt.etiquette.phrasing import DASH, capital, day, duration, moment, number, plural, span
from takt.etiquette.rules.base import Situation, rule
from takt.scheduling.zones import elapsed

# A finding lists at most this many alternatives and counts the rest.
_SHOWN = 3


def _reschedule(sit: Situation) -> bool:
    return sit.inp.action == "reschedule"


@rule("alternatives.too_few")
def too_few(sit: Situation) -> Finding | None:
    if not _reschedule(sit):
        return None
    policy = sit.policy
    needed = (
        policy.min_alternatives_candidate if sit.candidate else policy.min_alternatives_employer
    )
    valid = len(sit.valid_alternatives)
    if valid >= needed:
        return None
    if sit.lang == "sv":
        times, valid_times = ("tid", "tider"), ("giltig tid", "giltiga tider")
    else:
        times, valid_times = ("time", "times"), ("valid time", "valid times")
    if valid == 0:
        message = sit.say("alternatives.too_few.none", needed=plural(needed, *times))
    else:
        message = sit.say(
            "alternatives.too_few",
            valid=plural(valid, *valid_times),
            needed=needed,
            missing=needed - valid,
        )
    severity = "warn" if sit.candidate else "block"
    return sit.finding("alternatives.too_few", message, severity=severity)


@rule("alternatives.invalid")
def invalid(sit: Situation) -> Finding | None:
    if not _reschedule(sit):
        return None
    problems = []
    for alt in sit.inp.alternatives:
        interval = alt.interval
        if interval.end <= interval.start:
            # A reversed pair is no span: show both ends in full.
            start, end = (
                moment(point, sit.tz, sit.lang) for point in (interval.start, interval.end)
            )
            when = f"{start} {DASH} {end}"
            problems.append(sit.say("alternatives.invalid.reversed", number=alt.number, when=when))
        elif interval.start < sit.inp.now:
            when = span(interval, sit.tz, sit.lang)
            problems.append(sit.say("alternatives.invalid.past", number=alt.number, when=when))
    if not problems:
        return None
    them = ("det", "dem") if sit.lang == "sv" else ("it", "them")
    message = sit.say(
        "alternatives.invalid",
        problems=capital(_list(sit, problems)),
        them=them[0] if len(problems) == 1 else them[1],
    )
    return sit.finding("alternatives.invalid", message)


@rule("alternatives.conflict")
def conflict(sit: Situation) -> Finding | None:
    busy = sit.inp.busy
    if not _reschedule(sit) or busy is None or not len(busy):
        return None
    clashes = []
    for alt in sit.valid_alternatives:
        block = busy.first_clash(alt.interval)
        if block is not None:
            clashes.append((alt, block))
    if not clashes:
        return None
    if sit.lang == "sv":
        other = "en annan tid" if len(clashes) == 1 else "andra tider"
    else:
        other = "another time" if len(clashes) == 1 else "other times"
    said = [
        sit.say(
            "alternatives.conflict.one",
            number=alt.number,
            when=span(alt.interval, sit.tz, sit.lang),
            busy=span(block, sit.tz, sit.lang),
        )
        for alt, block in clashes[:_SHOWN]
    ]
    message = sit.say(
        "alternatives.conflict", clashes=capital(_list(sit, said, len(clashes))), other=other
    )
    return sit.finding("alternatives.conflict", message)


@rule("alternatives.too_soon")
def too_soon(sit: Situation) -> Finding | None:
    if not _reschedule(sit):
        return None
    limit = timedelta(hours=sit.policy.min_notice_hours)
    soon = [
        alt for alt in sit.valid_alternatives if elapsed(sit.inp.now, alt.interval.start) < limit
    ]
    if not soon:
        return None
    items = [
        sit.say(
            "alternatives.too_soon.one",
            number=alt.number,
            when=span(alt.interval, sit.tz, sit.lang),
            left=duration(elapsed(sit.inp.now, alt.interval.start), sit.lang),
        )
        for alt in soon[:_SHOWN]
    ]
    message = sit.say(
        "alternatives.too_soon",
        items=capital(_list(sit, items, len(soon))),
        limit=number(sit.policy.min_notice_hours, sit.lang),
    )
    return sit.finding("alternatives.too_soon", message)


@rule("alternatives.same_day")
def same_day(sit: Situation) -> Finding | None:
    valid = sit.valid_alternatives
    if not _reschedule(sit) or sit.candidate or len(valid) < 2:
        return None
    days = {alt.interval.start.astimezone(sit.tz or UTC).date() for alt in valid}
    if len(days) != 1:
        return None
    message = sit.say(
        "alternatives.same_day",
        count=len(valid),
        day=day(valid[0].interval.start, sit.tz, sit.lang),
    )
    return sit.finding("alternatives.same_day", message)


def _list(sit: Situation, items: list[str], total: int | None = None) -> str:
    """The first few items joined, and how many more there are out of `total`."""
    total = len(items) if total is None else total
    return "; ".join(items[:_SHOWN]) + _more(sit, total - min(len(items), _SHOWN))


def _more(sit: Situation, rest: int) -> str:
    if rest <= 0:
        return ""
    return f"; och {rest} till" if sit.lang == "sv" else f"; and {rest} more"
