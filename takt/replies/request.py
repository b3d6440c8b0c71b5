"""The `reply` input of REPLIES.md, read strictly: a typo is bad input, never a silent default."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from takt.etiquette.errors import BadInput, show_value
from takt.scheduling.intervals import Interval
from takt.scheduling.zones import TimeProblem, parse_instant, zone

FIELDS = frozenset(
    {"text", "language", "received_at", "timezone", "duration_minutes", "offered", "hours"}
)
_CLOCK = re.compile(r"([01]?\d|2[0-4]):([0-5]\d)")


@dataclass(frozen=True)
class ReplyRequest:
    """One reply to read, with what it answers; clock times in minutes after midnight."""

    text: str
    language: str | None
    received_at: datetime
    tz: ZoneInfo
    duration_minutes: int
    offered: tuple[Interval, ...]
    day_start: int = 8 * 60
    day_end: int = 17 * 60


def parse_reply_request(data: Any) -> ReplyRequest:
    """The request in `data` (parsed JSON), or BadInput naming the field."""
    if not isinstance(data, dict):
        raise BadInput("", "wrong_type", expected="object", value=show_value(data))
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise BadInput(unknown[0], "unknown_field", known=", ".join(sorted(FIELDS)))
    text = _required(data, "text")
    if not isinstance(text, str):
        raise BadInput("text", "wrong_type", expected="string", value=show_value(text))
    language = data.get("language")
    if language is not None and language not in ("sv", "en"):
        raise BadInput("language", "bad_choice", value=language, choices="sv, en")
    name = _required(data, "timezone")
    try:
        tz = zone(name)
    except TimeProblem as problem:
        raise BadInput("timezone", "unknown_zone", value=name) from problem
    received_at = _instant(_required(data, "received_at"), "received_at", tz)
    duration = _required(data, "duration_minutes")
    if isinstance(duration, bool) or not isinstance(duration, int):
        raise BadInput(
            "duration_minutes", "wrong_type", expected="integer", value=show_value(duration)
        )
    if duration <= 0:
        raise BadInput("duration_minutes", "not_positive", value=duration)
    day_start, day_end = _hours(data.get("hours"))
    return ReplyRequest(
        text=text,
        language=language,
        received_at=received_at,
        tz=tz,
        duration_minutes=duration,
        offered=_offered(data.get("offered", []), tz),
        day_start=day_start,
        day_end=day_end,
    )


def _required(data: dict[str, Any], field: str) -> Any:
    if data.get(field) is None:
        raise BadInput(field, "required")
    return data[field]


def _instant(value: Any, field: str, tz: ZoneInfo) -> datetime:
    if value is None:
        raise BadInput(field, "required")
    if not isinstance(value, str):
        raise BadInput(field, "wrong_type", expected="string", value=show_value(value))
    try:
        return parse_instant(value, tz).astimezone(UTC)
    except TimeProblem as problem:
        code = problem.code if problem.code in ("nonexistent", "bad_format") else "bad_format"
        raise BadInput(field, code, value=value.strip(), zone=tz.key) from problem


def _offered(value: Any, tz: ZoneInfo) -> tuple[Interval, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BadInput("offered", "wrong_type", expected="list", value=show_value(value))
    times = []
    for index, item in enumerate(value):
        path = f"offered[{index}]"
        if not isinstance(item, dict):
            raise BadInput(path, "wrong_type", expected="object", value=show_value(item))
        unknown = sorted(set(item) - {"start", "end"})
        if unknown:
            raise BadInput(f"{path}.{unknown[0]}", "unknown_field", known="start, end")
        start = _instant(item.get("start"), f"{path}.start", tz)
        end = _instant(item.get("end"), f"{path}.end", tz)
        if end < start:
            raise BadInput(path, "ends_before_start")
        times.append(Interval(start, end))
    return tuple(times)


def _hours(value: Any) -> tuple[int, int]:
    if value is None:
        return 8 * 60, 17 * 60
    if not isinstance(value, dict):
        raise BadInput("hours", "wrong_type", expected="object", value=show_value(value))
    unknown = sorted(set(value) - {"start", "end"})
    if unknown:
        raise BadInput(f"hours.{unknown[0]}", "unknown_field", known="start, end")
    start = _clock(value.get("start", "08:00"), "hours.start")
    end = _clock(value.get("end", "17:00"), "hours.end")
    if end <= start:
        raise BadInput("hours", "ends_before_start")
    return start, end


def _clock(value: Any, field: str) -> int:
    if not isinstance(value, str):
        raise BadInput(field, "wrong_type", expected="string", value=show_value(value))
    match = _CLOCK.fullmatch(value.strip())
    if not match or (match[1] == "24" and match[2] != "00"):
        raise BadInput(field, "bad_format", value=value)
    return int(match[1]) * 60 + int(match[2])
