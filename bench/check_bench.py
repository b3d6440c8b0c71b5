"""One `check`: 50 alternatives against 5,000 busy intervals (goal: under 5 ms).

Reports the whole `check` call (the figure the goal is about: reading the
10,100 timestamps dominates it) and, apart, the rules alone.
"""

import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from takt.etiquette import check, evaluate, parse_check_input

RUNS = 15


def _request() -> dict[str, Any]:
    start = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    busy = []
    for index in range(5000):
        # Half-hour blocks every 50 minutes: a dense calendar with gaps in between.
        begin = start + timedelta(minutes=50 * index)
        busy.append(
            {"start": begin.isoformat(), "end": (begin + timedelta(minutes=30)).isoformat()}
        )
    alternatives = []
    for index in range(50):
        begin = start + timedelta(days=1, minutes=97 * index)
        alternatives.append(
            {"start": begin.isoformat(), "end": (begin + timedelta(minutes=45)).isoformat()}
        )
    return {
        "action": "reschedule",
        "side": "employer",
        "now": start.isoformat(),
        "interview": {
            "start": (start + timedelta(days=2)).isoformat(),
            "end": (start + timedelta(days=2, hours=1)).isoformat(),
            "timezone": "Europe/Stockholm",
        },
        "reason": {"category": "conflict", "text": "Intervjuaren har fått förhinder."},
        "alternatives": alternatives,
        "busy": busy,
        "message": {"text": "Vi ber om ursäkt och föreslår nya tider."},
    }


def _median_ms(action: Any) -> float:
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(timings), 3)


def run() -> dict[str, dict[str, Any]]:
    data = _request()
    inp = parse_check_input(data)
    result = evaluate(inp)
    # Guard that the benchmark measures real work: some alternatives must clash.
    assert any(f.rule == "alternatives.conflict" for f in result.findings)
    return {
        # The whole call a caller makes: reading 10,100 timestamps, the rules, the JSON.
        "check_50alt_5000busy_ms": {"value": _median_ms(lambda: check(data)), "unit": "ms"},
        # The rules alone, on input already read.
        "check_50alt_5000busy_rules_ms": {
            "value": _median_ms(lambda: evaluate(inp)),
            "unit": "ms",
        },
    }
