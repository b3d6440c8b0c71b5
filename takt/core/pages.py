"""What every page shares: the page's language, and findings ready to show."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils.translation import get_language, gettext

from takt.core import rules
from takt.core.models import Interview
from takt.core.rules import Finding


def page_language() -> str:
    """The page's language as the pure packages name it: "sv" or "en"."""
    return "en" if (get_language() or "sv").startswith("en") else "sv"


def for_page(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Each finding with `why` (the guide's reason) and `severity_label`, in the page's language."""
    lang = page_language()
    labels = {
        rules.Severity.BLOCK: gettext("Must fix"),
        rules.Severity.WARN: gettext("Warning"),
        rules.Severity.ADVICE: gettext("Advice"),
    }
    return [
        {
            **finding.as_json(),
            "why": finding.why(lang),
            "severity_label": labels[finding.severity],
        }
        for finding in findings
    ]


def findings_now(interview: Interview, now: datetime) -> list[dict[str, Any]]:
    """What the notice rules say about changing this interview right now, for its page."""
    return for_page(rules.notice_now(interview, now, page_language()))
