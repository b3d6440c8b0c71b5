"""Run every rule over one situation and put the findings in contract order."""

from collections.abc import Mapping
from typing import Any

from takt.etiquette.errors import BadInput
from takt.etiquette.model import LANGUAGES, SEVERITIES, CheckInput, CheckResult
from takt.etiquette.parse import parse_check_input
from takt.etiquette.rules import REGISTRY, Situation

_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def evaluate(inp: CheckInput, lang: str = "sv") -> CheckResult:
    """The findings for `inp`, messages in `lang`, ordered by severity and then id."""
    if lang not in LANGUAGES:
        raise BadInput("lang", "bad_choice", value=lang, choices=", ".join(LANGUAGES))
    situation = Situation(inp, lang)
    findings = [found for rule in REGISTRY.values() if (found := rule(situation)) is not None]
    findings.sort(key=lambda finding: (_RANK[finding.severity], finding.rule))
    return CheckResult(findings)


def check(
    data: Mapping[str, Any],
    lang: str = "sv",
    *,
    extra_fields: frozenset[str] = frozenset(),
    workspace_policy: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Parse, evaluate and return the contract's output object; BadInput on bad input."""
    if lang not in LANGUAGES:
        raise BadInput("lang", "bad_choice", value=lang, choices=", ".join(LANGUAGES))
    inp = parse_check_input(data, extra_fields=extra_fields, workspace_policy=workspace_policy)
    return evaluate(inp, lang).to_json()
