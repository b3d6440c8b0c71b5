"""What the rules say about each employer verb, on the state the verb is about to commit.

The verbs in employer.py call these before they write and pass the result to
rules.enforce; the pages call the same functions to show the preview, so what
a page shows is what the verb will hold the person to.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User

from takt import wording
from takt.calendars import services as calendars
from takt.core import rules
from takt.core.models import Change, Interview, Side
from takt.core.rules import Finding
from takt.hiring.mail import drafts, kind_of
from takt.scheduling import Span

# Stands in for the candidate's link while nothing is sent: the words around it are what count.
PREVIEW_LINK = "https://…/c/…"
# reason.missing waits for the change page, where the reason is written next to the e-mail.
LATER_REASON_RULES = frozenset({"reason.missing"})


def interviewers_of(interview: Interview) -> list[User]:
    return [b.user for b in interview.bookings.select_related("user").order_by("pk")]


def free_for_interviewers(
    interview: Interview, start: datetime, end: datetime, *, now: datetime, lang: str
) -> list[Finding]:
    """Tip 2 for a new time of this interview: free in every interviewer's calendar.

    A clash blocks. The interview's own booking does not count against it.
    """
    return calendars.check_schedule(
        interviewers_of(interview),
        start,
        end,
        now=now,
        timezone=interview.timezone,
        lang=lang,
        exclude=interview,
    )


def busy_of_interviewers(interview: Interview, times: list[Span]) -> list[Span] | None:
    """Everyone's busy times around the offered ones; None when nobody has a calendar."""
    people = interviewers_of(interview)
    if not people or not times:
        return None
    start = min(s for s, _ in times) - timedelta(days=1)
    end = max(e for _, e in times) + timedelta(days=1)
    found = calendars.busy_for(people, start, end, exclude=interview)
    spans = [span for busy in found.values() if busy is not None for span in busy]
    if all(busy is None for busy in found.values()):
        # No calendar: their other interviews in Takt still count.
        spans = [
            (b.start, b.end)
            for user in people
            for b in user.bookings.filter(active=True, start__lt=end, end__gt=start).exclude(
                interview=interview
            )
        ]
        return spans or None
    return spans


def draft_findings(
    interview: Interview,
    *,
    kind: str,
    reason_category: str,
    reason_text: str,
    emergency: bool,
    now: datetime,
    lang: str,
) -> list[Finding]:
    """The reason rules on a draft about to be started (the times and e-mail come later)."""
    draft = Change(
        interview=interview,
        kind=kind,
        side=Side.EMPLOYER,
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        emergency=emergency,
        created_at=now,
    )
    found = rules.findings_for(draft, now=now, lang=lang, action=kind)
    return [f for f in found if f.rule.startswith("reason.") and f.rule not in LATER_REASON_RULES]


def call_findings(change: Change, *, now: datetime, lang: str) -> list[Finding]:
    """The reason rules before a call is logged: the call is where the reason is given (M3.1).

    The notice and contact rules are what the call answers, and the times come
    later, so they are not asked here.
    """
    found = rules.findings_for(change, now=now, lang=lang, channel="phone")
    return [f for f in found if f.rule.startswith("reason.")]


@dataclass(frozen=True)
class Sending:
    """What is about to go out for a change: the messages and what the rules say of them."""

    messages: list[wording.ComposedMessage]
    findings: list[Finding]

    @property
    def email(self) -> wording.ComposedMessage:
        return kind_of(self.messages, "email")

    @property
    def script(self) -> wording.ComposedMessage | None:
        return next((m for m in self.messages if m.kind == "phone_script"), None)


def sending(
    change: Change,
    *,
    actor: User,
    times: list[Span] | None,
    now: datetime,
    lang: str,
) -> Sending:
    """The rules on a cancellation or an offer as it would be sent now.

    `times` None is a cancellation with the promise of new times; a list (even
    an empty one) is the times offered, held to the alternatives.* rules with
    the interviewers' busy times (Tip 2, M3.3).
    """
    interview = change.interview
    is_cancel = change.kind == Change.Kind.CANCEL
    offered = times or []
    written = drafts(
        interview,
        actor,
        "cancel" if is_cancel else "reschedule",
        change=change,
        alternatives=offered,
        link=PREVIEW_LINK if offered else None,
        language=lang,
    )
    email = kind_of(written, "email")
    busy = busy_of_interviewers(interview, offered) if times is not None else None
    found = rules.findings_for(
        change,
        now=now,
        lang=lang,
        alternatives=() if is_cancel else offered,
        busy=None if is_cancel else busy,
        channel="email",
        message=(email.language, email.text),
    )
    if is_cancel and times is not None:
        # A cancellation that offers times is held to the same rules as an offer (M3.3).
        asked = rules.findings_for(
            change, now=now, lang=lang, alternatives=offered, busy=busy, action="reschedule"
        )
        found += [f for f in asked if f.rule.startswith("alternatives.")]
    return Sending(written, found)
