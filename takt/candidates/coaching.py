"""The candidate's rules on the link pages, as the job seeker's flow runs them."""

from datetime import datetime
from typing import Any

from takt import etiquette
from takt.core.models import Change, Interview
from takt.core.rules import rule_policy
from takt.core.situation import check_input_for

Span = tuple[datetime, datetime]


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
) -> list[dict[str, Any]]:
    """What the rules say about the candidate's request before anything is saved."""
    draft = Change(
        interview=interview,
        kind=kind,
        side="candidate",
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        other_plans_movable=other_plans_movable,
        created_at=now,
    )
    data = check_input_for(draft, now=now, alternatives=times or (), channel="email")
    # On this page the phone that matters is the recruiter's, not the candidate's own.
    data["phone_known"] = bool(recruiter_phone)
    result = etiquette.check(data, lang, workspace_policy=rule_policy(interview.workspace))
    findings: list[dict[str, Any]] = result["findings"]
    return findings
