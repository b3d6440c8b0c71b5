"""How long reading a large calendar takes, and how much memory it needs.

A 20,000-event calendar over two years, one in twenty events recurring weekly
or daily (some with EXDATE), read over a one-year window.
"""

import random
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

from takt.calendars.ics import read_busy

EVENTS = 20_000
SEED = 20260330
WINDOW_START = datetime(2026, 1, 1, tzinfo=UTC)
WINDOW_END = datetime(2027, 1, 1, tzinfo=UTC)


def big_calendar(events: int = EVENTS, seed: int = SEED) -> bytes:
    """A deterministic calendar of `events` events in Europe/Stockholm."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Takt bench//EN"]
    first = datetime(2025, 7, 1, 7, 0)  # noqa: DTZ001 (local wall time, written with TZID)
    for n in range(events):
        start = first + timedelta(days=rng.randrange(730), minutes=15 * rng.randrange(44))
        end = start + timedelta(minutes=15 * rng.randrange(1, 9))
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{n}@takt.example",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART;TZID=Europe/Stockholm:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/Stockholm:{end:%Y%m%dT%H%M%S}",
            f"SUMMARY:Möte {n}",
        ]
        if n % 20 == 0:
            lines.append("RRULE:FREQ=WEEKLY" if n % 40 == 0 else "RRULE:FREQ=DAILY;COUNT=30")
            if n % 60 == 0:
                skipped = start + timedelta(weeks=2)
                lines.append(f"EXDATE;TZID=Europe/Stockholm:{skipped:%Y%m%dT%H%M%S}")
        if n % 50 == 1:
            lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _read(data: bytes) -> int:
    return len(
        read_busy(
            data,
            window_start=WINDOW_START,
            window_end=WINDOW_END,
            owner_zone="Europe/Stockholm",
        )
    )


def run() -> dict[str, dict[str, float | str]]:
    data = big_calendar()
    _read(data)  # warm caches (zoneinfo, imports) so the timing is of the reading
    began = time.perf_counter()
    found = _read(data)
    seconds = time.perf_counter() - began

    tracemalloc.start()
    _read(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "ics_import_20k_s": {"value": round(seconds, 3), "unit": "s"},
        "ics_import_20k_busy_times": {"value": found, "unit": "intervals"},
        "ics_import_20k_peak_mb": {"value": round(peak / 1_000_000, 1), "unit": "MB"},
    }


if __name__ == "__main__":
    print(run())
