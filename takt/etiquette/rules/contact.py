"""Phone first; write or leave a voicemail only when the phone fails (M1.3, M3.1)."""

from takt.etiquette.model import Finding
from takt.etiquette.phrasing import plural, times
from takt.etiquette.rules.base import Situation, rule
from takt.etiquette.rules.notice import within_notice

_WRITTEN = frozenset({"email", "voicemail"})
_FAILED = frozenset({"no_answer", "left_message", "failed"})


def _applies(sit: Situation) -> bool:
    if sit.candidate_reschedule:
        return True
    # An employer who cancels late or in an emergency must reach the candidate in person.
    return (
        sit.inp.side == "employer"
        and sit.inp.action == "cancel"
        and (sit.inp.emergency or within_notice(sit))
    )


@rule("contact.phone_first")
def phone_first(sit: Situation) -> Finding | None:
    inp = sit.inp
    if not _applies(sit) or inp.channel not in _WRITTEN or inp.phone_known is not True:
        return None
    attempts = inp.contact_attempts
    if any(a.outcome == "reached" and a.channel in ("phone", "in_person") for a in attempts):
        return None
    failed = sum(1 for a in attempts if a.channel == "phone" and a.outcome in _FAILED)
    needed = inp.policy.phone_attempts_before_message
    if failed >= needed:
        return None
    if sit.lang == "sv":
        tries = ("försök", "försök")
        verb = "mejlar" if inp.channel == "email" else "lämnar röstmeddelande"
    else:
        tries = ("attempt", "attempts")
        verb = "write" if inp.channel == "email" else "leave a voicemail"
    if failed == 0:
        message = sit.say("contact.phone_first.none", verb=verb, needed=plural(needed, *tries))
    else:
        message = sit.say(
            "contact.phone_first.some",
            failed=times(failed, sit.lang),
            needed=plural(needed, *tries),
        )
    severity = "warn" if sit.candidate else "advice"
    return sit.finding("contact.phone_first", message, severity=severity)
