"""Pure etiquette engine: the rules of GUIDELINES.md, tone detection and `check()`.

Imports nothing from Django; plain dataclasses in, plain dataclasses out.
"""

from takt.etiquette.catalogue import RULES, RuleInfo
from takt.etiquette.detectors import (
    has_apology,
    is_leisure,
    is_rude,
    promises_new_times,
    shows_interest,
)
from takt.etiquette.engine import check, evaluate
from takt.etiquette.errors import BadInput
from takt.etiquette.model import CheckInput, CheckResult, Finding
from takt.etiquette.parse import parse_check_input
from takt.etiquette.policy import Policy

__all__ = [
    "RULES",
    "BadInput",
    "CheckInput",
    "CheckResult",
    "Finding",
    "Policy",
    "RuleInfo",
    "check",
    "evaluate",
    "has_apology",
    "is_leisure",
    "is_rude",
    "parse_check_input",
    "promises_new_times",
    "shows_interest",
]
