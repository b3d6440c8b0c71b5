"""A filled position: tell every candidate, by phone if you can (M3.2)."""

from takt.etiquette.model import Finding
from takt.etiquette.phrasing import join
from takt.etiquette.rules.base import Situation, rule

# A finding names at most this many people and counts the rest.
_NAMED = 5


@rule("position_filled.uninformed")
def uninformed(sit: Situation) -> Finding | None:
    if sit.inp.action != "position_filled":
        return None
    waiting = [candidate.label for candidate in sit.inp.candidates if not candidate.informed]
    if not waiting:
        return None
    names = join(waiting, sit.lang, _NAMED)
    have = "has" if len(waiting) == 1 else "have"
    message = sit.say("position_filled.uninformed", names=names, have=have)
    return sit.finding("position_filled.uninformed", message)


@rule("position_filled.email_only")
def email_only(sit: Situation) -> Finding | None:
    candidates = sit.inp.candidates
    if sit.inp.action != "position_filled" or not candidates:
        return None
    if not all(c.informed and c.channel == "email" for c in candidates):
        return None
    count = len(candidates)
    if sit.lang == "sv":
        everyone = "Kandidaten fick" if count == 1 else f"Alla {count} kandidater fick"
    else:
        everyone = "The candidate got" if count == 1 else f"All {count} candidates got"
    message = sit.say("position_filled.email_only", everyone=everyone)
    return sit.finding("position_filled.email_only", message)
