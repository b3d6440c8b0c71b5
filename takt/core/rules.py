"""The employer's and the link candidate's etiquette checks, with the workspace's thresholds."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from takt import etiquette
from takt.core.models import Change, Workspace
from takt.core.situation import check_input_for

Span = tuple[datetime, datetime]
# Rules about how close the interview's own (old) time is.
PAST_TIME_RULES = frozenset({"notice.short"})


def rule_policy(workspace: Workspace) -> dict[str, Any] | None:
    """Only the etiquette thresholds: other workspace settings must not reach the checker."""
    keys = set(etiquette.Policy.keys())
    chosen = {k: v for k, v in (workspace.policy or {}).items() if k in keys}
    return chosen or None


def findings_for(
    change: Change,
    *,
    now: datetime,
    lang: str,
    alternatives: Iterable[Span] = (),
    busy: Iterable[Span] | None = None,
    channel: str | None = None,
    message: tuple[str, str] | None = None,
) -> list[dict[str, Any]]:
    """What the rules say about the change as it stands, in `lang`."""
    data = check_input_for(
        change, now=now, alternatives=alternatives, busy=busy, channel=channel, message=message
    )
    result = etiquette.check(data, lang, workspace_policy=rule_policy(change.interview.workspace))
    findings: list[dict[str, Any]] = result["findings"]
    if not change.interview.is_active:
        # New times after a cancellation: the cancelled time is gone, so is its notice.
        findings = [f for f in findings if f["rule"] not in PAST_TIME_RULES]
    return findings


def blocking(findings: Iterable[dict[str, Any]]) -> bool:
    return any(f["severity"] == "block" for f in findings)


def unseen_warnings(findings: Iterable[dict[str, Any]], seen: Iterable[str]) -> list[str]:
    """Warnings the person has not yet been shown: they see them once before going on."""
    already = set(seen)
    return [f["rule"] for f in findings if f["severity"] == "warn" and f["rule"] not in already]
