"""The words of a message: apology, respect, interest, new times (M1.4, M1.5, M2.3, M3.1).

Every rule here stays quiet when no message is given.
"""

from takt.etiquette.detectors import find, has_apology, promises_new_times, shows_interest
from takt.etiquette.model import Finding
from takt.etiquette.phrasing import join
from takt.etiquette.rules.base import Situation, rule


@rule("message.apology_missing")
def apology_missing(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None or sit.inp.action not in ("reschedule", "followup"):
        return None
    if has_apology(message.text, message.language):
        return None
    if sit.inp.action == "followup":
        text = sit.say("message.apology_missing.followup")
        return sit.finding("message.apology_missing", text, source="M1.5")
    return sit.finding("message.apology_missing", sit.say("message.apology_missing"), source="M1.4")


@rule("message.rude")
def rude(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None:
        return None
    in_message = find("rude", message.text, message.language)
    reason = sit.inp.reason
    in_reason = find("rude", reason.text if reason else None)
    if not in_message and not in_reason:
        return None
    where = "both" if in_message and in_reason else "message" if in_message else "reason"
    words = [f'"{word}"' for word in dict.fromkeys(in_message + in_reason)]
    text = sit.say(
        "message.rude", where=sit.say(f"message.rude.{where}"), words=join(words, sit.lang, 3)
    )
    return sit.finding("message.rude", text)


@rule("message.interest_missing")
def interest_missing(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None or sit.inp.action != "followup":
        return None
    if shows_interest(message.text, message.language):
        return None
    return sit.finding("message.interest_missing", sit.say("message.interest_missing"))


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
