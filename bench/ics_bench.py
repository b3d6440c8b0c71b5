"""How long reading a large calendar takes, and how much memory it needs.

A 20,000-event calendar over two years, one in twenty events recurring weekly
or daily (some with EXDATE), read over a one-year window. Then issue 11's two
hostile probes, each to be done with (read or refused) within 2 s and 100 MB:
four rules that never match (FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30) from 1900,
and 600 events of 672 RDATEs each.
"""

import contextlib
import random
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

from takt.calendars.errors import CalendarError
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


def _probe_calendar(events: list[str]) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Takt bench//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", *event.split("\n"), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def never_matching() -> bytes:
    """Four minutely rules that never match, from 1900 (a 556-byte upload in the issue)."""
    rule = "RRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30"
    return _probe_calendar([f"UID:p{n}\nDTSTART:19000101T000000Z\n{rule}" for n in range(4)])


def many_extra_dates() -> bytes:
    """600 events of 672 RDATEs each: four weeks of hours."""
    dates = ",".join(f"202603{d:02d}T{h:02d}0000Z" for d in range(1, 29) for h in range(24))
    return _probe_calendar(
        [f"UID:r{n}\nDTSTART:20260301T000000Z\nRDATE:{dates}" for n in range(600)]
    )


def _probe(data: bytes) -> tuple[float, float, bool]:
    """Seconds, peak MB, and whether the calendar was refused."""
    began = time.perf_counter()
    try:
        _read(data)
        refused = False
    except CalendarError:
        refused = True
    seconds = time.perf_counter() - began
    tracemalloc.start()
    with contextlib.suppress(CalendarError):
        _read(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1_000_000, refused


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
    figures: dict[str, dict[str, float | str]] = {
        "ics_import_20k_s": {"value": round(seconds, 3), "unit": "s"},
        "ics_import_20k_busy_times": {"value": found, "unit": "intervals"},
        "ics_import_20k_peak_mb": {"value": round(peak / 1_000_000, 1), "unit": "MB"},
    }
    for name, data in (("never_matching", never_matching()), ("rdates", many_extra_dates())):
        probe_seconds, probe_mb, refused = _probe(data)
        figures[f"ics_probe_{name}_s"] = {"value": round(probe_seconds, 3), "unit": "s"}
        figures[f"ics_probe_{name}_peak_mb"] = {"value": round(probe_mb, 1), "unit": "MB"}
        figures[f"ics_probe_{name}_refused"] = {"value": int(refused), "unit": "1 = refused"}
    return figures


if __name__ == "__main__":
    print(run())
