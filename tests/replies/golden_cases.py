"""The golden replies of golden/*.jsonl as `reply` requests and expected answers."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from takt.scheduling.zones import localize

HERE = Path(__file__).with_name("golden")
DEFAULTS: dict[str, Any] = json.loads((HERE / "defaults.json").read_text(encoding="utf-8"))
_NOT_INPUT = {"id", "covers", "expect", "batch", "known_miss"}


@dataclass(frozen=True)
class Golden:
    """One golden reply: the request, what it must mean, and where it comes from."""

    id: str
    language: str
    covers: str
    request: dict[str, Any]
    expected: dict[str, Any]
    known_miss: str | None


def load(language: str) -> list[Golden]:
    """Every golden reply in `language`, in file order."""
    lines = (HERE / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()
    return [_golden(json.loads(line), language) for line in lines if line.strip()]


def _golden(row: dict[str, Any], language: str) -> Golden:
    request = {**DEFAULTS, **{k: v for k, v in row.items() if k not in _NOT_INPUT}}
    length = timedelta(minutes=request["duration_minutes"])
    request["offered"] = [
        {"start": start, "end": (datetime.fromisoformat(start) + length).isoformat()}
        for start in request["offered"]
    ]
    zone = ZoneInfo(request["timezone"])
    expected = dict(row["expect"])
    expected["windows"] = [_window(text, zone) for text in expected["windows"]]
    return Golden(row["id"], language, row["covers"], request, expected, row.get("known_miss"))


def _window(text: str, zone: ZoneInfo) -> dict[str, str]:
    first, last = text.split("/")
    if "T" in first:
        start, end = datetime.fromisoformat(first), datetime.fromisoformat(last)
    else:
        start = localize(datetime.fromisoformat(first), zone)
        end = localize(datetime.fromisoformat(f"{first[:10]} {last}"), zone)
    return {"start": start.astimezone(UTC).isoformat(), "end": end.astimezone(UTC).isoformat()}


def reading(answer: dict[str, Any]) -> dict[str, Any]:
    """The parts of an answer a golden line fixes (the quote is for people)."""
    return {key: answer[key] for key in ("intent", "chosen", "windows")}
