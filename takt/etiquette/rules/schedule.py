"""Booking or accepting a time: check the calendar first (Tip 2)."""

from takt.etiquette.model import Finding, Interval
from takt.etiquette.phrasing import span
from takt.etiquette.rules.base import Situation, rule


@rule("schedule.conflict")
def conflict(sit: Situation) -> Finding | None:
    interview = sit.inp.interview
    busy = sit.inp.busy
    if sit.inp.action != "schedule" or busy is None:
        return None
    if interview.start is None or interview.end is None:
        return None
    time = Interval(interview.start, interview.end)
    block = busy.first_clash(time)
    if block is None:
        return None
    message = sit.say(
        "schedule.conflict",
        when=span(time, sit.tz, sit.lang),
        busy=span(block, sit.tz, sit.lang),
    )
    return sit.finding("schedule.conflict", message)


@rule("schedule.unchecked")
def unchecked(sit: Situation) -> Finding | None:
    if sit.inp.action != "schedule" or sit.inp.busy is not None:
        return None
    return sit.finding("schedule.unchecked", sit.say("schedule.unchecked"))
