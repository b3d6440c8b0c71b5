"""The candidate's rules on the link pages: what each of their actions is checked against."""

from datetime import datetime

from takt.core import rules
from takt.core.models import Alternative, Change, Interview, Side
from takt.core.rules import Finding
from takt.hiring.checks import free_for_interviewers
from takt.scheduling import Span

# What a note asking for other times is held to: it is a message to the recruiter (M2.3).
NOTE_RULES = frozenset({"message.rude"})


def candidate_findings(
    interview: Interview,
    *,
    kind: str,
    reason_category: str,
    reason_text: str,
    now: datetime,
    lang: str,
    recruiter_phone: str,
    other_plans_movable: bool | None = None,
    times: list[Span] | None = None,
) -> list[Finding]:
    """What the rules say about the candidate's request before anything is saved."""
    draft = _draft(interview, kind, reason_category, reason_text, now, other_plans_movable)
    # On this page the phone that matters is the recruiter's, not the candidate's own.
    return rules.findings_for(
        draft,
        now=now,
        lang=lang,
        alternatives=times or (),
        channel="email",
        phone_known=bool(recruiter_phone),
    )


def pick_findings(
    interview: Interview, alternative: Alternative, now: datetime, lang: str
) -> list[Finding]:
    """Tip 2 for the picked time: still free in every interviewer's calendar."""
    return free_for_interviewers(interview, alternative.start, alternative.end, now=now, lang=lang)


def note_findings(interview: Interview, note: str, now: datetime, lang: str) -> list[Finding]:
    """The message rules on the candidate's note asking for other times."""
    draft = _draft(interview, Change.Kind.RESCHEDULE, Change.Reason.OTHER, "", now, None)
    found = rules.findings_for(draft, now=now, lang=lang, message=(lang, note.strip()))
    return [f for f in found if f.rule in NOTE_RULES]


def _draft(
    interview: Interview,
    kind: str,
    reason_category: str,
    reason_text: str,
    now: datetime,
    other_plans_movable: bool | None,
) -> Change:
    """The change the candidate is about to make, unsaved, for the rules to look at."""
    return Change(
        interview=interview,
        kind=kind,
        side=Side.CANDIDATE,
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        other_plans_movable=other_plans_movable,
        created_at=now,
    )
