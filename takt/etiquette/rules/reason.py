"""The reason: given, short, and not a weekend trip (M1.2, M2.2, M2.3, M3.1, Tip 1)."""

from takt.etiquette.detectors import is_leisure
from takt.etiquette.model import Finding
from takt.etiquette.rules.base import Situation, rule


def _needs_reason(sit: Situation) -> bool:
    # A filled position is its own reason: the category says everything the text would.
    reason = sit.inp.reason
    return sit.change and not (reason is not None and reason.category == "position_filled")


def _text(sit: Situation) -> str:
    reason = sit.inp.reason
    return (reason.text or "").strip() if reason else ""


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of characters holding a letter or a digit."""
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


@rule("reason.missing")
def missing(sit: Situation) -> Finding | None:
    if not _needs_reason(sit) or _text(sit):
        return None
    return sit.finding("reason.missing", sit.say("reason.missing"))


@rule("reason.too_long")
def too_long(sit: Situation) -> Finding | None:
    if not _needs_reason(sit):
        return None
    words = count_words(_text(sit))
    limit = sit.policy.max_reason_words
    if words <= limit:
        return None
    return sit.finding("reason.too_long", sit.say("reason.too_long", words=words, limit=limit))


@rule("reason.leisure")
def leisure(sit: Situation) -> Finding | None:
    reason = sit.inp.reason
    if not sit.candidate_reschedule or reason is None:
        return None
    if reason.category != "leisure" and not is_leisure(reason.text):
        return None
    return sit.finding("reason.leisure", sit.say("reason.leisure"))
