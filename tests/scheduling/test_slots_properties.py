"""find_slots against a brute-force reference that walks the local wall clock.

The reference knows nothing of microseconds, stretches or sweeps: it lists
every wall time on the step grid in the day zone (both readings in the
autumn fold, none in the spring gap), keeps those that pass every rule
checked with plain datetimes, and takes the earliest.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from takt.scheduling import Attendee, Interval, WorkingHours, find_slots, overlaps

ZONES = ["Europe/Stockholm", "America/New_York", "Europe/London", "Asia/Kolkata"]
# Nights when clocks change in some of the zones above.
CHANGES = [
    datetime(2026, 3, 7, tzinfo=UTC),
    datetime(2026, 3, 28, tzinfo=UTC),
    datetime(2026, 10, 24, tzinfo=UTC),
    datetime(2026, 10, 31, tzinfo=UTC),
]
SPAN_HOURS = 96


@st.composite
def attendees(draw: st.DrawFn, base: datetime) -> Attendee:
    opens = draw(st.integers(0, 12))
    closes = draw(st.integers(opens + 4, 23))
    hours = WorkingHours(
        draw(st.sampled_from(ZONES)),
        start=time(opens, draw(st.sampled_from([0, 30]))),
        end=time(closes, draw(st.sampled_from([0, 45]))),
        weekdays=frozenset(draw(st.sets(st.integers(0, 6), min_size=4))),
    )
    # Ragged seconds, or whole five minutes so that meetings touch and gaps fit exactly.
    grain = draw(st.sampled_from([1, 300]))
    busy = []
    for _ in range(draw(st.integers(0, 6))):
        offset = draw(st.integers(-6 * 3600, SPAN_HOURS * 3600)) // grain * grain
        start = base + timedelta(seconds=offset)
        length = timedelta(seconds=draw(st.integers(0, 3 * 3600)) // grain * grain)
        busy.append(Interval(start, start + length))
    return Attendee(hours, busy)


@st.composite
def searches(draw: st.DrawFn) -> dict[str, object]:
    base = draw(st.sampled_from(CHANGES))
    people = draw(st.lists(attendees(base), min_size=1, max_size=3))
    # One zone for everyone half of the time, so that working days meet more often.
    if draw(st.booleans()):
        people = [
            Attendee(
                WorkingHours(people[0].hours.zone, p.hours.start, p.hours.end, p.hours.weekdays),
                p.busy,
            )
            for p in people
        ]
    window_start = base + timedelta(minutes=draw(st.integers(0, 24 * 60)))
    return {
        "attendees": people,
        "window_start": window_start,
        "window_end": window_start + timedelta(hours=draw(st.integers(1, SPAN_HOURS - 24))),
        "duration": timedelta(minutes=draw(st.sampled_from([15, 30, 45, 60, 90, 150]))),
        "now": base - timedelta(hours=24) + timedelta(minutes=draw(st.integers(0, 40 * 60))),
        "min_notice": timedelta(hours=draw(st.integers(0, 30))),
        "buffer": timedelta(minutes=draw(st.sampled_from([0, 0, 10, 30]))),
        "step": timedelta(minutes=draw(st.sampled_from([15, 20, 30, 45, 60]))),
        "count": draw(st.integers(1, 8)),
        "spread_days": draw(st.booleans()),
        "day_zone": draw(st.sampled_from([None, *ZONES])),
    }


def exists(local: datetime) -> bool:
    tz = local.tzinfo
    assert tz is not None
    return local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local.replace(tzinfo=None)


def grid(day_zone: ZoneInfo, first: date, last: date, step: timedelta) -> list[datetime]:
    """Every existing wall time k * step after local midnight, as UTC instants, sorted."""
    instants = set()
    day = first
    while day <= last:
        wall = datetime.combine(day, time())
        while wall.date() == day:
            for fold in (0, 1):
                local = wall.replace(tzinfo=day_zone, fold=fold)
                if exists(local):
                    instants.add(local.astimezone(UTC))
            wall += step
        day += timedelta(days=1)
    return sorted(instants)


def at_work(slot: Interval, hours: WorkingHours) -> bool:
    tz = ZoneInfo(hours.zone)
    local_day = slot.start.astimezone(tz).date()
    if local_day.weekday() not in hours.weekdays:
        return False
    opens = datetime.combine(local_day, hours.start, tzinfo=tz)
    closes = datetime.combine(local_day, hours.end, tzinfo=tz)
    return opens <= slot.start and slot.end <= closes


def free(slot: Interval, busy: list[Interval], buffer: timedelta) -> bool:
    return not any(overlaps(Interval(b.start - buffer, b.end + buffer), slot) for b in busy)


def allowed(slot: Interval, search: dict[str, object]) -> bool:
    window_start, window_end, now = (
        search["window_start"],
        search["window_end"],
        search["now"],
    )
    assert isinstance(window_start, datetime) and isinstance(window_end, datetime)
    assert isinstance(now, datetime)
    notice = search["min_notice"]
    buffer = search["buffer"]
    assert isinstance(notice, timedelta) and isinstance(buffer, timedelta)
    people = search["attendees"]
    assert isinstance(people, list)
    return (
        slot.start >= window_start
        and slot.end <= window_end
        and slot.start >= now.astimezone(UTC) + notice
        and all(at_work(slot, p.hours) and free(slot, list(p.busy), buffer) for p in people)
    )


def reference(search: dict[str, object]) -> list[Interval]:
    people = search["attendees"]
    assert isinstance(people, list)
    day_zone = ZoneInfo(str(search["day_zone"] or people[0].hours.zone))
    window_start, window_end = search["window_start"], search["window_end"]
    duration, step = search["duration"], search["step"]
    assert isinstance(window_start, datetime) and isinstance(window_end, datetime)
    assert isinstance(duration, timedelta) and isinstance(step, timedelta)
    first = window_start.astimezone(day_zone).date() - timedelta(days=1)
    last = window_end.astimezone(day_zone).date() + timedelta(days=1)
    found: list[Interval] = []
    days_used = set()
    for start in grid(day_zone, first, last, step):
        slot = Interval(start, start + duration)
        day = start.astimezone(day_zone).date()
        if search["spread_days"] and day in days_used:
            continue
        if allowed(slot, search):
            found.append(slot)
            days_used.add(day)
        if len(found) == search["count"]:
            break
    return found


@settings(max_examples=500, deadline=None)
@given(searches())
def test_find_slots_returns_exactly_the_earliest_allowed_times(search: dict[str, object]) -> None:
    people = search.pop("attendees")
    assert isinstance(people, list)
    slots = find_slots(people, **search)  # type: ignore[arg-type]
    search["attendees"] = people
    # Each slot on its own: free for everyone, at work for everyone, after the notice.
    for slot in slots:
        assert allowed(slot, search)
    starts = [slot.start for slot in slots]
    assert starts == sorted(set(starts))
    # And none skipped: the same list as the brute-force walk of the wall clock.
    assert slots == reference(search)
