"""Notice: 24 hours of real, elapsed time, and no waiting once you know (M1.2, M2.1, M3.1)."""

from datetime import timedelta

from takt.etiquette.model import Finding
from takt.etiquette.phrasing import duration, moment, number
from takt.etiquette.rules.base import Situation, rule
from takt.scheduling.zones import elapsed


def time_left(sit: Situation) -> timedelta | None:
    """Elapsed time from now to the interview's start (negative once it has begun)."""
    start = sit.inp.interview.start
    return None if start is None else elapsed(sit.inp.now, start)


def within_notice(sit: Situation) -> bool:
    """True when the interview starts in less than the policy's minimum notice."""
    left = time_left(sit)
    return left is not None and left < timedelta(hours=sit.policy.min_notice_hours)


@rule("notice.short")
def short(sit: Situation) -> Finding | None:
    left = time_left(sit)
    if not sit.change or left is None or not within_notice(sit):
        return None
    interview = sit.inp.interview
    if left > timedelta(0):
        message = sit.say("notice.short", left=duration(left, sit.lang))
    elif interview.end is not None and interview.end <= sit.inp.now:
        assert interview.start is not None
        message = sit.say("notice.short.passed", when=moment(interview.start, sit.tz, sit.lang))
    else:
        message = sit.say("notice.short.started", ago=duration(-left, sit.lang))
    return sit.finding("notice.short", message)


@rule("notice.delayed")
def delayed(sit: Situation) -> Finding | None:
    known = sit.inp.known_since
    if not sit.change or known is None:
        return None
    waited = elapsed(known, sit.inp.now)
    limit = sit.policy.max_delay_hours
    if waited <= timedelta(hours=limit):
        return None
    message = sit.say(
        "notice.delayed", ago=duration(waited, sit.lang), limit=number(limit, sit.lang)
    )
    return sit.finding("notice.delayed", message)
