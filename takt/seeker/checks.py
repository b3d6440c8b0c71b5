"""The etiquette findings for each step of the job seeker's flows, in the page's language."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.contrib.auth.models import User

from takt.calendars import services as calendars
from takt.core import rules
from takt.core.models import Booking, Change, Interview
from takt.core.pages import page_language
from takt.core.rules import Finding
from takt.scheduling import Span

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

# What each verb enforces: its own step's rules and those of every step before it,
# so an action reached by its address never goes past an earlier step's block.
_WHY = STEP_RULES["why"]
_NOTICE = (*_WHY, "notice.short")
_TIMES = (*_NOTICE, "alternatives.")
VERB_RULES: dict[str, tuple[str, ...]] = {
    "reschedule_why": _WHY,
    "reschedule_notice": _NOTICE,
    "reschedule_times": _TIMES,
    "reschedule_call": _TIMES,
    "reschedule_send": (*_TIMES, "contact.", "message."),
    # A late note is still worth sending: followup.due is shown, never asked to be gone past.
    "followup": ("message.",),
    "cancel_why": STEP_RULES["cancel_why"],
    "cancel_call": STEP_RULES["cancel_why"],
    "cancel_send": (*STEP_RULES["cancel_why"], "contact."),
}

# Warnings about the one message or channel at hand: going past them once does not carry
# over to the next message, unlike a reason or a notice the person already went past.
FRESH_EACH_TIME = ("message.", "contact.")


def raw_findings(
    change: Change,
    *,
    now: datetime,
    alternatives: Iterable[Span] = (),
    busy: Iterable[Span] | None = None,
    channel: str | None = None,
    message: tuple[str, str] | None = None,
    action: str | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Every finding the rules have about the change as it stands, in `lang` (the page's).

    `action` asks as another action would, e.g. "followup" for the note after a reschedule.
    """
    return rules.findings_for(
        change,
        now=now,
        lang=lang or page_language(),
        alternatives=alternatives,
        busy=busy,
        channel=channel,
        message=message,
        action=action,
    )


def for_step(findings: Iterable[Finding], step: str) -> list[Finding]:
    prefixes = STEP_RULES[step]
    return [f for f in findings if f.rule.startswith(prefixes)]


def for_verb(findings: Iterable[Finding], verb: str) -> list[Finding]:
    prefixes = VERB_RULES[verb]
    return [f for f in findings if f.rule.startswith(prefixes)]


def acknowledged_before(change: Change) -> set[str]:
    """The warnings the person already went past on this change that still hold."""
    return {
        entry["rule"]
        for entry in change.overridden
        if not str(entry["rule"]).startswith(FRESH_EACH_TIME)
    }


def first_step_blocks(change: Change, *, now: datetime, lang: str | None = None) -> list[Finding]:
    """What stops the first step (the reason) of the change as saved, e.g. reason.missing."""
    step = "why" if change.kind == Change.Kind.RESCHEDULE else "cancel_why"
    found = for_step(raw_findings(change, now=now, lang=lang), step)
    return [f for f in found if f.blocks]


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
    lang: str | None = None,
) -> list[Finding]:
    """Tip 2 for a time the person books or accepts: conflict, or unchecked without a calendar."""
    return calendars.check_schedule(
        [user], start, end, now=now, timezone=zone, lang=lang or page_language(), exclude=exclude
    )


def suggestions(user: User, interview: Interview, *, now: datetime) -> list[Span]:
    """Free times in the person's own calendar, as long as the interview, a day apart."""
    return calendars.free_times(
        [user],
        duration=interview.end - interview.start,
        now=now,
        zone=interview.timezone,
        min_notice=timedelta(hours=rules.thresholds(interview.workspace).min_notice_hours),
        exclude=interview,
        count=5,
    )
