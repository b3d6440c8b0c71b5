"""How fast find_slots finds the 10 earliest common times in ten busy calendars.

Ten people with 5,000 meetings each (15 to 120 minutes, inside working hours,
random so some overlap, in no particular order) over 90 days. Calendars that
full leave no common time by chance, so the team keeps a few 90-minute blocks
free late in the window; the search has to sweep most of the data to reach
them. The figure that travels between machines is the ratio to sorting the
same 50,000 intervals by start in the same run.
"""

import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from operator import attrgetter
from zoneinfo import ZoneInfo

from takt.scheduling import Attendee, Interval, WorkingHours, find_slots, overlaps

PEOPLE = 10
MEETINGS = 5_000
DAYS = 90
REPEATS = 11
STOCKHOLM = ZoneInfo("Europe/Stockholm")
LONDON = ZoneInfo("Europe/London")
FIRST_DAY = datetime(2026, 3, 2, tzinfo=STOCKHOLM)  # a Monday, the month of a DST change


def _team_free_blocks(rng: random.Random) -> list[Interval]:
    """Four 90-minute blocks between 11:00 and 15:30 Stockholm time, on weekdays after day 45."""
    blocks = []
    days = sorted(rng.sample([d for d in range(45, DAYS) if (d % 7) < 5], 4))
    for day in days:
        start = FIRST_DAY + timedelta(days=day, hours=11, minutes=15 * rng.randrange(0, 15))
        blocks.append(Interval(start, start + timedelta(minutes=90)))
    return blocks


def _calendar(rng: random.Random, tz: ZoneInfo, kept_free: list[Interval]) -> list[Interval]:
    busy: list[Interval] = []
    while len(busy) < MEETINGS:
        day = rng.randrange(DAYS)
        date = (FIRST_DAY + timedelta(days=day)).date()
        if date.weekday() >= 5:
            continue
        opens = datetime(date.year, date.month, date.day, 9, tzinfo=tz)
        start = opens + timedelta(minutes=5 * rng.randrange(0, 96))
        end = min(start + timedelta(minutes=15 * rng.randint(1, 8)), opens + timedelta(hours=8))
        meeting = Interval(start, end)
        if not any(overlaps(meeting, block) for block in kept_free):
            busy.append(meeting)
    return busy


def build() -> tuple[list[Attendee], datetime]:
    """The ten attendees (seven in Stockholm, three in London) and the search's `now`."""
    rng = random.Random(20260329)
    kept_free = _team_free_blocks(rng)
    attendees = []
    for person in range(PEOPLE):
        tz = LONDON if person % 3 == 2 else STOCKHOLM
        hours = WorkingHours(tz.key)
        attendees.append(Attendee(hours, _calendar(rng, tz, kept_free), name=f"p{person}"))
    return attendees, FIRST_DAY - timedelta(days=1)


def _time_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def run() -> dict[str, dict[str, float | str]]:
    attendees, now = build()
    everything = [interval for attendee in attendees for interval in attendee.busy]
    found: list[Interval] = []

    def search() -> None:
        found[:] = find_slots(
            attendees,
            window_start=now,
            window_end=now + timedelta(days=DAYS),
            duration=timedelta(minutes=45),
            now=now,
            count=10,
        )

    # Both timed in every round, so a busy machine slows both alike.
    ours_ms, sort_ms = [], []
    for _ in range(REPEATS):
        ours_ms.append(_time_ms(search))
        sort_ms.append(_time_ms(lambda: sorted(everything, key=attrgetter("start"))))
    if len(found) != 10:
        raise AssertionError(f"the benchmark data should hold 10 common times, found {len(found)}")
    ours = statistics.median(ours_ms)
    baseline = statistics.median(sort_ms)
    return {
        "slots_10x5000_ms": {"value": round(ours, 2), "unit": "ms"},
        "slots_ratio_to_sort": {"value": round(ours / baseline, 2), "unit": "ratio"},
    }
