"""A calm, valid request to start each test from, and helpers to read the result."""

import copy
from typing import Any

from takt.etiquette import check

# Monday 4 May 2026, a week before the interview; Stockholm is on summer time (+02:00).
NOW = "2026-05-04T09:00:00+02:00"


def calm(**changes: Any) -> dict[str, Any]:
    """A candidate reschedule that breaks no rule; `changes` replace top-level fields."""
    data: dict[str, Any] = {
        "action": "reschedule",
        "side": "candidate",
        "now": NOW,
        "interview": {
            "start": "2026-05-11T10:00:00+02:00",
            "end": "2026-05-11T11:00:00+02:00",
            "timezone": "Europe/Stockholm",
            "times_rescheduled_by_side": 0,
        },
        "known_since": "2026-05-04T08:00:00+02:00",
        "reason": {"category": "illness", "text": "Jag har fått influensa och feber."},
        "other_plans_movable": False,
        "alternatives": [
            {"start": "2026-05-12T10:00:00+02:00", "end": "2026-05-12T11:00:00+02:00"},
            {"start": "2026-05-13T14:00:00+02:00", "end": "2026-05-13T15:00:00+02:00"},
            {"start": "2026-05-14T09:00:00+02:00", "end": "2026-05-14T10:00:00+02:00"},
        ],
        "busy": [],
        "phone_known": True,
        "contact_attempts": [],
        "channel": "phone",
        "message": {
            "language": "sv",
            "text": "Hej Anna! Jag ber om ursäkt, men jag måste tyvärr be om en ny tid.",
        },
    }
    data = copy.deepcopy(data)
    data.update(changes)
    return data


def with_interview(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data["interview"] = {**data["interview"], **changes}
    return data


def rules(data: dict[str, Any], lang: str = "sv") -> list[str]:
    return [finding["rule"] for finding in check(data, lang)["findings"]]


def finding(data: dict[str, Any], rule: str, lang: str = "sv") -> dict[str, Any]:
    found = [f for f in check(data, lang)["findings"] if f["rule"] == rule]
    assert len(found) == 1, f"{rule} did not fire once: {check(data, lang)}"
    return found[0]
