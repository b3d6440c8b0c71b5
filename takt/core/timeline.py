"""An interview's story in order: the audit trail and the contact attempts, merged."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from takt.core.models import Interview

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
            detail=_detail(event.data),
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


def _detail(data: dict[str, object]) -> str:
    for key in ("note", "rule", "recipient", "reason"):
        if data.get(key):
            return str(data[key])
    return ""
