"""The words of a message: apology, respect, interest, new times (M1.4, M1.5, M2.3, M3.1).

Every rule here stays quiet when no message is given.
"""

from takt.etiquette.detectors import Hit, hits, near_misses, promises_new_times
from takt.etiquette.model import Finding
from takt.etiquette.phrasing import join
from takt.etiquette.rules.base import Situation, rule

# At most this many quoted phrases per finding: enough to show the pattern, short enough to read.
_QUOTES = 3


@rule("message.apology_missing")
def apology_missing(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None or sit.inp.action not in ("reschedule", "followup"):
        return None
    if hits("apology", message.text, message.language):
        return None
    near = _near(
        sit, "message.apology_missing", near_misses("apology", message.text, message.language)
    )
    if sit.inp.action == "followup":
        text = sit.say("message.apology_missing.followup", near=near)
        return sit.finding("message.apology_missing", text, source="M1.5")
    return sit.finding(
        "message.apology_missing", sit.say("message.apology_missing", near=near), source="M1.4"
    )


@rule("message.rude")
def rude(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None:
        return None
    in_message = hits("rude", message.text, message.language)
    reason = sit.inp.reason
    in_reason = hits("rude", reason.text if reason else None)
    if not in_message and not in_reason:
        return None
    where = "both" if in_message and in_reason else "message" if in_message else "reason"
    why = [
        sit.say(f"message.rude.{hit.kind}", words=hit.words)
        for hit in _distinct(in_message + in_reason)
    ]
    text = sit.say(
        "message.rude", where=sit.say(f"message.rude.{where}"), why=join(why, sit.lang, _QUOTES)
    )
    return sit.finding("message.rude", text)


@rule("message.interest_missing")
def interest_missing(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None or sit.inp.action != "followup":
        return None
    if hits("interest", message.text, message.language):
        return None
    near = _near(
        sit, "message.interest_missing", near_misses("interest", message.text, message.language)
    )
    return sit.finding("message.interest_missing", sit.say("message.interest_missing", near=near))


def _distinct(found: list[Hit]) -> list[Hit]:
    """Each phrase once, though it may stand in both the message and the reason."""
    seen: dict[tuple[str, str], Hit] = {}
    for hit in found:
        seen.setdefault((hit.kind, hit.words.casefold()), hit)
    return list(seen.values())


def _near(sit: Situation, rule_id: str, found: list[Hit]) -> str:
    """' ("tyvärr" beklagar läget men ber inte om ursäkt)', or "" when nothing came close."""
    if not found:
        return ""
    why = [sit.say(f"{rule_id}.{hit.kind}", words=hit.words) for hit in _distinct(found)]
    return f" ({join(why, sit.lang, _QUOTES)})"


@rule("message.no_reschedule_promise")
def no_reschedule_promise(sit: Situation) -> Finding | None:
    inp = sit.inp
    message = inp.message
    if message is None or inp.action != "cancel" or inp.side != "employer":
        return None
    if inp.reason is not None and inp.reason.category == "position_filled":
        return None
    # Alternatives given with the cancel are themselves the new times.
    if inp.alternatives or promises_new_times(message.text, message.language):
        return None
    return sit.finding("message.no_reschedule_promise", sit.say("message.no_reschedule_promise"))
