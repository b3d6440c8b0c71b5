"""An interview's story in order: the audit trail and the contact attempts, merged.

A reply Takt read (the candidate's "none of these suit me" note, the employer's
answer a job seeker pasted) is kept with its reading, and shown here with what
Takt made of it, in the reader's language and the interview's zone.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from takt.core.models import Interview
from takt.core.pages import page_language
from takt.scheduling import dates

VERBS = {
    "interview.scheduled": lambda: _("Interview booked"),
    "interview.moved": lambda: _("Interview moved to a new time"),
    "interview.cancelled": lambda: _("Interview cancelled"),
    "change.created": lambda: _("Change started"),
    "change.sent": lambda: _("Change sent"),
    "change.agreed": lambda: _("New time agreed"),
    "change.withdrawn": lambda: _("Change withdrawn"),
    "change.updated": lambda: _("Reason updated"),
    "alternatives.chosen": lambda: _("New times chosen"),
    "finding.overridden": lambda: _("Warning acknowledged"),
    "followup.sent": lambda: _("Follow-up sent"),
    "message.queued": lambda: _("Message queued"),
    "message.sent": lambda: _("Message sent"),
    "message.failed": lambda: _("Message failed"),
    "candidate.asked_other_times": lambda: _("The candidate asked for other times"),
    "reply.read": lambda: _("Reply read"),
    "reply.booked": lambda: _("The time the candidate took by e-mail was booked"),
    "change.replaced": lambda: _("The sent offer was replaced by a new one"),
    # The candidate's own calendar answering the invitation (iTIP REPLY and COUNTER).
    "calendar.accepted": lambda: _("The candidate accepted in their calendar"),
    "calendar.tentative": lambda: _("The candidate answered maybe in their calendar"),
    "calendar.declined": lambda: _("The candidate declined in their calendar"),
    "calendar.counter": lambda: _("The candidate proposed a new time from their calendar"),
    "counter.accepted": lambda: _("Proposed time accepted"),
    "counter.declined": lambda: _("Proposed time declined"),
}


@dataclass(frozen=True)
class Entry:
    at: datetime
    title: str
    detail: str
    who: str


def timeline_of(interview: Interview) -> list[Entry]:
    entries = [
        Entry(
            at=event.at,
            title=VERBS[event.verb]() if event.verb in VERBS else event.verb,
            detail=_detail(event.data, interview),
            who=(event.actor.get_full_name() or event.actor.get_username())
            if event.actor
            else event.actor_label,
        )
        for event in interview.audit.select_related("actor")
    ]
    entries += [
        Entry(
            at=attempt.at,
            title=f"{attempt.get_channel_display()}: {attempt.get_outcome_display()}",
            detail=attempt.note,
            who=(attempt.by.get_full_name() or attempt.by.get_username()) if attempt.by else "",
        )
        for attempt in interview.contact_attempts.select_related("by")
    ]
    return sorted(entries, key=lambda entry: entry.at)


def _detail(data: dict[str, Any], interview: Interview) -> str:
    reading = data.get("reading")
    if isinstance(reading, Mapping):
        name = str(data.get("writer") or "")
        words = str(data.get("note") or "").strip()
        return f"“{words}” → {meaning_of(reading, interview.timezone, name)}"
    for key in ("note", "rule", "recipient", "reason"):
        if data.get(key):
            return str(data[key])
    return ""


def meaning_of(reading: Mapping[str, Any], zone: str, name: str) -> str:
    """What a reading (the `reply` contract's output) means, in words: "Erik kan fredag 8 maj …"."""
    intent = reading.get("intent")
    windows = [
        (datetime.fromisoformat(w["start"]), datetime.fromisoformat(w["end"]))
        for w in reading.get("windows") or []
    ]
    if intent == "propose" and windows:
        spans = ", ".join(span_words(start, end, zone) for start, end in windows)
        return _("%(name)s can %(when)s") % {"name": name, "when": spans}
    if intent == "propose":
        return _("%(name)s names times too short for the interview") % {"name": name}
    if intent == "accept" and reading.get("chosen_start"):
        start = datetime.fromisoformat(str(reading["chosen_start"]))
        end = datetime.fromisoformat(str(reading.get("chosen_end") or reading["chosen_start"]))
        return _("%(name)s takes %(when)s") % {"name": name, "when": span_words(start, end, zone)}
    if intent == "decline":
        return _("%(name)s cannot make any of the times and names no others") % {"name": name}
    if intent == "withdraw":
        return _("%(name)s leaves the process") % {"name": name}
    return _("Takt cannot tell what %(name)s means: read the words") % {"name": name}


def span_words(start: datetime, end: datetime, zone: str) -> str:
    """'fredag 8 maj kl. 13.00–17.00' or 'Friday 8 May, 13:00–17:00', in `zone`."""
    tz = ZoneInfo(zone)
    first, last = start.astimezone(tz), end.astimezone(tz)
    style = dates.style_for(page_language())
    clocks = f"{dates.clock_text(first, style)}{dates.DASH}{dates.clock_text(last, style)}"
    return f"{dates.day_text(first, style)}{style.span_at_words}{clocks}"


def moment_words(start: datetime, zone: str) -> str:
    """'onsdag 6 maj kl. 13.00' or 'Wednesday 6 May at 13:00', in `zone`."""
    local = start.astimezone(ZoneInfo(zone))
    return dates.day_and_clock(local, dates.style_for(page_language()))
