"""Rescheduling at all: a last resort (M1.1), and not again and again."""

from takt.etiquette import phrasing
from takt.etiquette.model import Finding
from takt.etiquette.rules.base import Situation, rule


@rule("reschedule.last_resort")
def last_resort(sit: Situation) -> Finding | None:
    if not sit.candidate_reschedule or sit.inp.other_plans_movable is False:
        return None
    variant = "movable" if sit.inp.other_plans_movable else "unanswered"
    return sit.finding("reschedule.last_resort", sit.say(f"reschedule.last_resort.{variant}"))


@rule("reschedule.repeat")
def repeat(sit: Situation) -> Finding | None:
    count = sit.inp.interview.times_rescheduled_by_side
    if sit.inp.action != "reschedule" or count < 1:
        return None
    said = phrasing.times(count, sit.lang)
    return sit.finding("reschedule.repeat", sit.say("reschedule.repeat", times=said))
