"""The follow-up note after the call about a reschedule (M1.5)."""

from datetime import timedelta

from takt.etiquette.model import Finding
from takt.etiquette.phrasing import duration, number
from takt.etiquette.rules.base import Situation, rule
from takt.scheduling.zones import elapsed


@rule("followup.due")
def due(sit: Situation) -> Finding | None:
    inp = sit.inp
    contacted = inp.contacted_at
    if not sit.candidate_reschedule or contacted is None:
        return None
    window = timedelta(hours=inp.policy.followup_hours)
    deadline = contacted + window
    if inp.now < deadline:
        return None
    sent = inp.followup_sent_at
    if sent is not None and sent <= deadline:
        return None
    limit = number(inp.policy.followup_hours, sit.lang)
    if sent is not None and sent <= inp.now:
        late = duration(elapsed(contacted, sent), sit.lang)
        return sit.finding("followup.due", sit.say("followup.due.late", late=late, limit=limit))
    ago = duration(elapsed(contacted, inp.now), sit.lang)
    return sit.finding("followup.due", sit.say("followup.due", ago=ago))
