"""The etiquette findings for each step of the job seeker's flows, in the page's language."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User

from takt import etiquette
from takt.calendars import services as calendars
from takt.core.models import Booking, Change, Interview, Workspace
from takt.core.pages import page_language
from takt.core.situation import check_input_for

Span = tuple[datetime, datetime]

# Which rules speak about which step, so each finding sits next to what it is about.
STEP_RULES: dict[str, tuple[str, ...]] = {
    # notice.delayed sits on the first step, beside "When did you find out?".
    "why": ("reason.", "reschedule.", "notice.delayed"),
    "notice": ("notice.short",),
    "times": ("alternatives.",),
    "contact": ("contact.", "message."),
    "after": ("followup.", "message."),
    "cancel_why": ("reason.", "notice.", "message."),
    "cancel_send": ("contact.", "message.", "notice.short"),
}


def policy_of(workspace: Workspace) -> etiquette.Policy:
    return etiquette.Policy.from_mapping(workspace.policy or None)


def raw_findings(
    change: Change,
    *,
    now: datetime,
    alternatives: Iterable[Span] = (),
    busy: Iterable[Span] | None = None,
    channel: str | None = None,
    message: tuple[str, str] | None = None,
    action: str | None = None,
) -> list[dict[str, Any]]:
    """Every finding the rules have about the change as it stands (contract order).

    `action` asks as another action would, e.g. "followup" for the note after a reschedule.
    """
    data = check_input_for(
        change, now=now, alternatives=alternatives, busy=busy, channel=channel, message=message
    )
    if action is not None:
        data["action"] = action
    result = etiquette.check(
        data, page_language(), workspace_policy=change.interview.workspace.policy or None
    )
    findings: list[dict[str, Any]] = result["findings"]
    return findings


def for_step(findings: Iterable[dict[str, Any]], step: str) -> list[dict[str, Any]]:
    prefixes = STEP_RULES[step]
    return [f for f in findings if f["rule"].startswith(prefixes)]


def blocks(findings: Iterable[dict[str, Any]]) -> bool:
    return any(f["severity"] == "block" for f in findings)


def warnings(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["severity"] == "warn"]


def busy_of(user: User, interview: Interview, start: datetime, end: datetime) -> list[Span]:
    """The person's busy times around [start, end): their calendar and their other interviews.

    Without a calendar, their other interviews in Takt still count: two of
    their own interviews must never be offered on top of each other.
    """
    found = calendars.busy_for([user], start, end, exclude=interview).get(int(user.pk))
    if found is not None:
        return found
    own = Booking.objects.filter(user=user, active=True, start__lt=end, end__gt=start).exclude(
        interview=interview
    )
    return [(b.start, b.end) for b in own]


def schedule_findings(
    user: User,
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    zone: str,
    exclude: Interview | None = None,
) -> list[dict[str, Any]]:
    """Tip 2 for a time the person books or accepts: conflict, or unchecked without a calendar."""
    return calendars.check_schedule(
        [user], start, end, now=now, timezone=zone, lang=page_language(), exclude=exclude
    )


def suggestions(user: User, interview: Interview, *, now: datetime) -> list[Span]:
    """Free times in the person's own calendar, as long as the interview, a day apart."""
    return calendars.free_times(
        [user],
        duration=interview.end - interview.start,
        now=now,
        zone=interview.timezone,
        min_notice=timedelta(hours=policy_of(interview.workspace).min_notice_hours),
        exclude=interview,
        count=5,
    )
