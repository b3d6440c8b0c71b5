"""The thresholds a workspace may tune; the defaults are the guide's own figures."""

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from takt.etiquette.errors import BadInput, show_value

# Counts must be whole numbers; hours may be fractions (1.5 hours is a real notice).
_WHOLE = frozenset(
    {
        "max_reason_words",
        "min_alternatives_candidate",
        "min_alternatives_employer",
        "phone_attempts_before_message",
    }
)


@dataclass(frozen=True, slots=True)
class Policy:
    """Thresholds of the rules; see GUIDELINES.md for what each one governs."""

    min_notice_hours: float = 24
    max_delay_hours: float = 12
    max_reason_words: int = 50
    min_alternatives_candidate: int = 2
    min_alternatives_employer: int = 3
    phone_attempts_before_message: int = 2
    followup_hours: float = 24

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The names of every setting, in declaration order."""
        return tuple(field.name for field in fields(cls))

    @classmethod
    def from_mapping(
        cls,
        values: Mapping[str, Any] | None,
        base: "Policy | None" = None,
        field: str = "policy",
    ) -> "Policy":
        """`base` (else the defaults) with `values` laid over it; BadInput on a bad key or value."""
        policy = base if base is not None else cls()
        if values is None:
            return policy
        if not isinstance(values, Mapping):
            raise BadInput(field, "wrong_type", expected="object", value=show_value(values))
        known = cls.keys()
        changes: dict[str, Any] = {}
        for key, value in values.items():
            path = f"{field}.{key}"
            if key not in known:
                raise BadInput(path, "unknown_policy_key", known=", ".join(known))
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadInput(path, "wrong_type", expected="number", value=show_value(value))
            if not math.isfinite(value) or not value > 0:
                raise BadInput(path, "not_positive", value=show_value(value))
            if key in _WHOLE and value != int(value):
                raise BadInput(path, "wrong_type", expected="integer", value=show_value(value))
            changes[key] = int(value) if key in _WHOLE else value
        return replace(policy, **changes)
