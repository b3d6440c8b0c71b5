"""The candidate's rules on the link pages, as the job seeker's flow runs them."""

from datetime import datetime

from takt.core import rules
from takt.core.models import Change, Interview, Side
from takt.core.rules import Finding
from takt.scheduling import Span


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
    draft = Change(
        interview=interview,
        kind=kind,
        side=Side.CANDIDATE,
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        other_plans_movable=other_plans_movable,
        created_at=now,
    )
    # On this page the phone that matters is the recruiter's, not the candidate's own.
    return rules.findings_for(
        draft,
        now=now,
        lang=lang,
        alternatives=times or (),
        channel="email",
        phone_known=bool(recruiter_phone),
    )
