"""The rule registry and the situation every rule reads."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from functools import cached_property

from takt.etiquette.catalogue import BY_ID
from takt.etiquette.messages import text
from takt.etiquette.model import Alternative, CheckInput, Finding
from takt.etiquette.policy import Policy

Rule = Callable[["Situation"], Finding | None]
REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str) -> Callable[[Rule], Rule]:
    """Register a rule function under its stable id from GUIDELINES.md."""
    if rule_id not in BY_ID:
        raise ValueError(f"{rule_id} is not in the catalogue")

    def register(function: Rule) -> Rule:
        if rule_id in REGISTRY:
            raise ValueError(f"{rule_id} registered twice")
        REGISTRY[rule_id] = function
        return function

    return register


@dataclass(frozen=True)
class Situation:
    """One input seen from the rules' side, with the facts several rules share."""

    inp: CheckInput
    lang: str

    @property
    def policy(self) -> Policy:
        return self.inp.policy

    @property
    def tz(self) -> tzinfo | None:
        return self.inp.interview.timezone

    @property
    def candidate(self) -> bool:
        return self.inp.side == "candidate"

    @property
    def change(self) -> bool:
        """A reschedule or a cancel, the actions the notice and reason rules are about."""
        return self.inp.action in ("reschedule", "cancel")

    @property
    def candidate_reschedule(self) -> bool:
        return self.inp.action == "reschedule" and self.candidate

    @cached_property
    def valid_alternatives(self) -> tuple[Alternative, ...]:
        """Alternatives that end after they start and do not start before now."""
        now = self.inp.now
        return tuple(
            alt
            for alt in self.inp.alternatives
            if alt.interval.end > alt.interval.start and alt.interval.start >= now
        )

    def say(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def finding(
        self, rule_id: str, message: str, *, severity: str | None = None, source: str | None = None
    ) -> Finding:
        info = BY_ID[rule_id]
        return Finding(
            rule=rule_id,
            severity=severity or info.severity,
            source=source or self.source_for(info.source),
            message=message,
        )

    def source_for(self, sources: str) -> str:
        """The part of the guide that speaks to this situation: method 1 for a candidate who
        reschedules, 2 for one who cancels, 3 for the employer; all of them when none fits."""
        if self.inp.side == "employer":
            method = "M3."
        elif self.inp.action == "cancel":
            method = "M2."
        else:
            method = "M1."
        for part in sources.split(", "):
            if part.startswith(method):
                return part
        return sources
