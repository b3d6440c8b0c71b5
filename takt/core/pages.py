"""Etiquette findings made ready for a page: the rule's reason and the severity in words."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils.translation import get_language, gettext

from takt import etiquette
from takt.core.models import Interview, Workspace

_WHY = {rule.id: rule for rule in etiquette.RULES}


def etiquette_policy(workspace: Workspace) -> dict[str, Any] | None:
    """The stored overrides of the rules' thresholds (other product settings left out)."""
    known = set(etiquette.Policy.keys())
    chosen = {key: value for key, value in (workspace.policy or {}).items() if key in known}
    return chosen or None


def page_language() -> str:
    return "en" if (get_language() or "sv").startswith("en") else "sv"


def for_page(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each finding with `why` (the guide's reason) and `severity_label`, in the page's language."""
    lang = page_language()
    labels = {"block": gettext("Must fix"), "warn": gettext("Warning"), "advice": gettext("Advice")}
    shown = []
    for finding in findings:
        rule = _WHY.get(finding["rule"])
        shown.append(
            {
                **finding,
                "why": rule.why(lang) if rule else "",
                "severity_label": labels.get(finding["severity"], ""),
            }
        )
    return shown


def findings_now(interview: Interview, now: datetime) -> list[dict[str, Any]]:
    """What the rules would say about changing this interview right now.

    Only the rules that depend on the interview and the clock are asked:
    nothing has been written yet, so the reason and message rules would only
    nag about what the person has not had a chance to type.
    """
    if not interview.is_active or interview.end <= now:
        return []
    side = "employer" if interview.workspace.is_team else "candidate"
    result = etiquette.check(
        {
            "action": "cancel",
            "side": side,
            "now": now.isoformat(),
            "interview": {
                "start": interview.start.isoformat(),
                "end": interview.end.isoformat(),
                "timezone": interview.timezone,
            },
            "reason": {"category": "other", "text": "-"},
        },
        page_language(),
        workspace_policy=etiquette_policy(interview.workspace),
    )
    timely = [f for f in result["findings"] if f["rule"].startswith("notice.")]
    return for_page(timely)
