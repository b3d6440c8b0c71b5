"""The one adapter between the domain and the etiquette rules.

Every entry point (pages, candidate links, API, CLI, worker) asks the rules
through here: the check input is built from a workspace, an interview and a
change; the workspace's thresholds come from `policy_for`; findings come back
as `Finding` objects; and `enforce` is what a verb calls before it writes, so
a blocked action leaves nothing behind and a warning is only passed when the
person acknowledged its rule id.
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from takt import etiquette
from takt.core.models import Change, ContactAttempt, Interview, Side, Workspace
from takt.scheduling import Span

# Rules about how close the interview's own (old) time is: gone once it is cancelled.
PAST_TIME_RULES = frozenset({"notice.short"})
_CATALOGUE = {rule.id: rule for rule in etiquette.RULES}


class Severity(StrEnum):
    BLOCK = "block"
    WARN = "warn"
    ADVICE = "advice"


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule says about an action, in the language it was asked in."""

    rule: str
    severity: Severity
    source: str
    message: str
    # Whose calendar a schedule.conflict is about, when several people's are checked.
    person: str = ""
    person_id: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Finding":
        return cls(
            rule=str(data["rule"]),
            severity=Severity(data["severity"]),
            source=str(data.get("source", "")),
            message=str(data.get("message", "")),
        )

    def as_json(self) -> dict[str, str]:
        """The check contract's shape (GUIDELINES.md), for the API, the CLI and storage."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "source": self.source,
            "message": self.message,
        }

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.BLOCK

    @property
    def warns(self) -> bool:
        return self.severity is Severity.WARN

    def why(self, lang: str) -> str:
        """The guide's reason for the rule, in one sentence."""
        info = _CATALOGUE.get(self.rule)
        return info.why(lang) if info else ""


class Blocked(Exception):
    """The rules stop this action as it stands; nothing was written."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = list(findings)
        super().__init__(", ".join(f.rule for f in self.blocking) or "blocked")

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocks]


class Unacknowledged(Blocked):
    """Warnings the person has not acknowledged by rule id; nothing was written."""

    def __init__(self, findings: Iterable[Finding], rules: Iterable[str]) -> None:
        self.rules = sorted(set(rules))
        super().__init__(findings)
        self.args = (", ".join(self.rules),)


def blocking(findings: Iterable[Finding]) -> bool:
    return any(f.blocks for f in findings)


def warned(findings: Iterable[Finding]) -> list[str]:
    """The ids of the warnings among the findings."""
    return [f.rule for f in findings if f.warns]


def unacknowledged(findings: Iterable[Finding], acknowledged: Iterable[str]) -> list[str]:
    """Warnings not yet acknowledged: the person sees them once before going on."""
    already = set(acknowledged)
    return [rule for rule in warned(findings) if rule not in already]


def enforce(findings: Iterable[Finding], acknowledged: Collection[str]) -> list[Finding]:
    """Raise Blocked on a block, Unacknowledged on a warning not acknowledged by id."""
    found = list(findings)
    if blocking(found):
        raise Blocked(found)
    missing = unacknowledged(found, acknowledged)
    if missing:
        raise Unacknowledged(found, missing)
    return found


def policy_for(workspace: Workspace) -> dict[str, Any] | None:
    """The workspace's own thresholds; other keys in its stored settings never reach the rules."""
    keys = set(etiquette.Policy.keys())
    chosen = {k: v for k, v in (workspace.policy or {}).items() if k in keys}
    return chosen or None


def thresholds(workspace: Workspace) -> etiquette.Policy:
    """The workspace's thresholds with the guide's defaults filled in."""
    return etiquette.Policy.from_mapping(policy_for(workspace))


def check(data: dict[str, Any], workspace: Workspace, lang: str) -> list[Finding]:
    """The check contract run with the workspace's thresholds, findings as objects."""
    result = etiquette.check(data, lang, workspace_policy=policy_for(workspace))
    return [Finding.from_json(f) for f in result["findings"]]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _spans(spans: Iterable[Span]) -> list[dict[str, str]]:
    return [{"start": s.isoformat(), "end": e.isoformat()} for s, e in spans]


def check_input_for(
    change: Change,
    *,
    now: datetime,
    alternatives: Iterable[Span] = (),
    busy: Iterable[Span] | None = None,
    channel: str | None = None,
    message: tuple[str, str] | None = None,
    action: str | None = None,
    history: bool = True,
) -> dict[str, Any]:
    """The check contract's input for a change as it stands (GUIDELINES.md).

    `action` asks as another action would, e.g. "followup" for the note after a reschedule.
    Without `history` the earlier reschedules and the contact attempts are not read: for
    a list that asks only the rules about the change's own times and fields, at no query.
    """
    interview = change.interview
    repeats = 0
    attempts: Iterable[ContactAttempt] = []
    if history:
        repeats = (
            Change.objects.filter(
                interview=interview,
                side=change.side,
                kind=Change.Kind.RESCHEDULE,
                state=Change.State.AGREED,
            )
            .exclude(pk=change.pk)
            .count()
        )
        attempts = ContactAttempt.objects.filter(interview=interview)
        if change.created_at:
            attempts = attempts.filter(at__gte=change.created_at)
    data: dict[str, Any] = {
        "action": action or change.kind,
        "side": change.side,
        "now": now.isoformat(),
        "interview": {
            "start": interview.start.isoformat(),
            "end": interview.end.isoformat(),
            "timezone": interview.timezone,
            "times_rescheduled_by_side": repeats,
        },
        "reason": {"category": change.reason_category, "text": change.reason_text},
        "emergency": change.emergency,
        "alternatives": _spans(alternatives),
        "phone_known": bool(interview.counterpart.phone),
        "contact_attempts": [
            {"channel": a.channel, "outcome": a.outcome, "at": a.at.isoformat()} for a in attempts
        ],
        "contacted_at": _iso(change.contacted_at),
        "followup_sent_at": _iso(change.followup_sent_at),
    }
    if change.known_since:
        data["known_since"] = change.known_since.isoformat()
    if change.side == Side.CANDIDATE and change.kind == Change.Kind.RESCHEDULE:
        data["other_plans_movable"] = change.other_plans_movable
    if busy is not None:
        data["busy"] = _spans(busy)
    if channel:
        data["channel"] = channel
    if message:
        data["message"] = {"language": message[0], "text": message[1]}
    return data


def findings_for(
    change: Change,
    *,
    now: datetime,
    lang: str,
    alternatives: Iterable[Span] = (),
    busy: Iterable[Span] | None = None,
    channel: str | None = None,
    message: tuple[str, str] | None = None,
    action: str | None = None,
    phone_known: bool | None = None,
    history: bool = True,
) -> list[Finding]:
    """What the rules say about the change as it stands, in `lang`.

    `phone_known` overrides whether a phone number is known (a link candidate's
    rules care about the recruiter's phone, not their own).
    """
    data = check_input_for(
        change,
        now=now,
        alternatives=alternatives,
        busy=busy,
        channel=channel,
        message=message,
        action=action,
        history=history,
    )
    if phone_known is not None:
        data["phone_known"] = phone_known
    findings = check(data, change.interview.workspace, lang)
    if not change.interview.is_active:
        # New times after a cancellation: the cancelled time is gone, so is its notice.
        findings = [f for f in findings if f.rule not in PAST_TIME_RULES]
    return findings


def notice_now(interview: Interview, now: datetime, lang: str) -> list[Finding]:
    """What the notice rules say about changing this interview right now.

    Only the rules that depend on the interview and the clock are asked:
    nothing has been written yet, so the reason and message rules would only
    nag about what the person has not had a chance to type.
    """
    if not interview.is_active or interview.end <= now:
        return []
    side = Side.EMPLOYER if interview.workspace.is_team else Side.CANDIDATE
    data = {
        "action": "cancel",
        "side": str(side),
        "now": now.isoformat(),
        "interview": {
            "start": interview.start.isoformat(),
            "end": interview.end.isoformat(),
            "timezone": interview.timezone,
        },
        "reason": {"category": "other", "text": "-"},
    }
    return [f for f in check(data, interview.workspace, lang) if f.rule.startswith("notice.")]
