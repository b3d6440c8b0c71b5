"""One small function per rule id, registered in REGISTRY; importing this package loads them all."""

from takt.etiquette.rules import (
    alternatives,
    contact,
    followup,
    language,
    message,
    notice,
    position,
    reason,
    reschedule,
    schedule,
)
from takt.etiquette.rules.base import REGISTRY, Situation

__all__ = [
    "REGISTRY",
    "Situation",
    "alternatives",
    "contact",
    "followup",
    "language",
    "message",
    "notice",
    "position",
    "reason",
    "reschedule",
    "schedule",
]
