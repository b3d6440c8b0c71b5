"""Takt's busy times against recurring-ical-events, used directly, on generated series.

Every FREQ, COUNT and UNTIL in each value type (DATE, floating, UTC, zoned),
EXDATE, moved and cancelled instances, in zones whose clocks change inside the
window. UNTIL of another type than DTSTART is given to the library converted to
DTSTART's type, the way Takt promises to read it (as Google and Outlook do);
everything else is the same text for both.
"""

from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from takt.calendars.ics import read_busy

OWNER = ZoneInfo("Europe/Stockholm")
# The clocks change in New York on 8 March, in Stockholm on 29 March, in Sydney on 5 April.
WINDOW_START = datetime(2026, 3, 1, tzinfo=UTC)
WINDOW_END = datetime(2026, 4, 15, tzinfo=UTC)
ZONES = ["Europe/Stockholm", "America/New_York", "Australia/Sydney", "UTC", None]

# Each FREQ with intervals that keep a series to some hundreds of instants. The
# library matches EXDATE and RECURRENCE-ID by UTC and by wall-clock time alike, so
# an instance whose wall time equals another's UTC time (an interval equal to a
# zone's offset, such as 5 hours in New York) is excluded there by mistake; the
# sub-daily intervals are chosen so that no multiple of them is a whole-hour offset.
FREQUENCIES = {
    "YEARLY": ([1], timedelta(days=366)),
    "MONTHLY": ([1, 2], timedelta(days=31)),
    "WEEKLY": ([1, 2], timedelta(weeks=1)),
    "DAILY": ([1, 3], timedelta(days=1)),
    "HOURLY": ([7, 13], timedelta(hours=1)),
    "MINUTELY": ([190, 430], timedelta(minutes=1)),
    "SECONDLY": ([25000, 30000], timedelta(seconds=1)),
}


@st.composite
def series(draw: st.DrawFn) -> tuple[str, str]:
    """One recurring event as Takt's text and as the library's, which differ in UNTIL only."""
    frequency = draw(st.sampled_from(sorted(FREQUENCIES)))
    intervals, unit = FREQUENCIES[frequency]
    interval = draw(st.sampled_from(intervals))
    all_day = frequency in ("YEARLY", "MONTHLY", "WEEKLY", "DAILY") and draw(st.booleans())
    zone_name = None if all_day else draw(st.sampled_from(ZONES))
    days_before = draw(st.integers(min_value=0, max_value=90 if unit < timedelta(days=1) else 400))
    first_day = date(2026, 3, 20) - timedelta(days=days_before)
    at = clock_time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45])))

    def value(moment: date | datetime) -> str:
        """A moment in DTSTART's own type, as an iCalendar property's parameters and value."""
        if isinstance(moment, datetime):
            text = f"{moment:%Y%m%dT%H%M%S}"
            if zone_name == "UTC":
                return f":{text}Z"
            return f";TZID={zone_name}:{text}" if zone_name else f":{text}"
        return f";VALUE=DATE:{moment:%Y%m%d}"

    start: date | datetime = first_day if all_day else datetime.combine(first_day, at)
    lines = [f"DTSTART{value(start)}"]
    if all_day:
        lines.append(f"DTEND{value(first_day + timedelta(days=draw(st.integers(1, 2))))}")
    else:
        length = timedelta(minutes=draw(st.sampled_from([15, 60, 90, 240])))
        lines.append(f"DTEND{value(start + length)}")  # type: ignore[operator]

    rule = f"FREQ={frequency};INTERVAL={interval}"
    if frequency == "WEEKLY" and draw(st.booleans()):
        rule += ";BYDAY=" + ",".join(draw(st.sets(st.sampled_from(["MO", "WE", "FR"]), min_size=1)))
    if frequency == "MONTHLY" and draw(st.booleans()):
        rule += f";BYMONTHDAY={first_day.day}"
    takt_rule = library_rule = rule
    end_kind = draw(st.sampled_from(["none", "count", "date", "floating", "utc", "zoned"]))
    step = unit * interval
    last = datetime.combine(first_day, at) + step * draw(st.integers(0, 400))
    if end_kind == "count":
        takt_rule = library_rule = rule + f";COUNT={draw(st.integers(1, 40))}"
    elif end_kind != "none":
        takt_until, library_until = _untils(end_kind, last, start, zone_name)
        takt_rule, library_rule = rule + takt_until, rule + library_until

    excluded = draw(st.sets(st.integers(0, 60), max_size=3))
    exdates = [datetime.combine(first_day, at) + step * k for k in excluded]
    for moment in exdates:
        lines.append(f"EXDATE{value(moment if not all_day else moment.date())}")

    overrides = []
    # An instance both excluded and moved is read differently by clients (the
    # library drops the moved one; Takt keeps it busy): not generated here.
    for k in draw(st.sets(st.integers(0, 60), max_size=2)) - excluded:
        original = datetime.combine(first_day, at) + step * k
        moved = original + timedelta(hours=draw(st.integers(1, 30)))
        rid: date | datetime = original.date() if all_day else original
        new: date | datetime = moved.date() if all_day else moved
        override = [f"RECURRENCE-ID{value(rid)}", f"DTSTART{value(new)}"]
        override.append(
            f"DTEND{value(new + (timedelta(days=1) if all_day else timedelta(minutes=30)))}"
        )
        if draw(st.booleans()):
            override.append("STATUS:CANCELLED")
        overrides.append(override)

    def text(rrule: str) -> str:
        events = [["UID:generated@example", *lines, f"RRULE:{rrule}"]]
        events += [["UID:generated@example", *override] for override in overrides]
        body = "".join("BEGIN:VEVENT\r\n" + "\r\n".join(e) + "\r\nEND:VEVENT\r\n" for e in events)
        head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        return head + body + "END:VCALENDAR\r\n"

    return text(takt_rule), text(library_rule)


def _untils(
    kind: str, last: datetime, start: date | datetime, zone_name: str | None
) -> tuple[str, str]:
    """UNTIL as written for Takt (of `kind`), and the same end in DTSTART's type for the library."""
    zone = ZoneInfo(zone_name) if zone_name else OWNER
    if kind == "date":
        written = f";UNTIL={last:%Y%m%d}"
        meant = datetime.combine(last.date(), clock_time(23, 59, 59))
    elif kind == "floating":
        written, meant = f";UNTIL={last:%Y%m%dT%H%M%S}", last
    else:
        # A UTC UNTIL (or a zoned one, which RFC 5545 forbids but files have) at that wall time.
        instant = last.replace(tzinfo=zone).astimezone(UTC)
        written, meant = f";UNTIL={instant:%Y%m%dT%H%M%SZ}", last
    if not isinstance(start, datetime):
        if kind in ("utc", "zoned"):
            # An all-day series ends on the day UNTIL falls on (the later of UTC and the owner's).
            instant = last.replace(tzinfo=OWNER).astimezone(UTC)
            written = f";UNTIL={instant:%Y%m%dT%H%M%SZ}"
            day = max(instant.astimezone(OWNER).date(), instant.date())
        else:
            day = last.date()
        return written, f";UNTIL={day:%Y%m%d}"
    if zone_name in (None,):
        return written, f";UNTIL={meant:%Y%m%dT%H%M%S}"
    return written, f";UNTIL={meant.replace(tzinfo=zone).astimezone(UTC):%Y%m%dT%H%M%SZ}"


def library_busy(text: str) -> list[tuple[datetime, datetime]]:
    """Busy (start, end) pairs in UTC from recurring-ical-events, with Takt's rules for busy."""
    found = []
    for event in recurring_ical_events.of(Calendar.from_ical(text)).between(
        WINDOW_START - timedelta(days=2), WINDOW_END + timedelta(days=2)
    ):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start, end = (_utc(event["DTSTART"].dt), _utc(event["DTEND"].dt))
        if end > start and end > WINDOW_START and start < WINDOW_END:
            found.append((start, end))
    return sorted(found)


def _utc(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return (moment if moment.tzinfo else moment.replace(tzinfo=OWNER)).astimezone(UTC)
    return datetime.combine(moment, clock_time(), tzinfo=OWNER).astimezone(UTC)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series())
def test_busy_times_agree_with_recurring_ical_events(texts):
    takt_text, library_text = texts
    found = read_busy(
        takt_text.encode(),
        window_start=WINDOW_START,
        window_end=WINDOW_END,
        owner_zone="Europe/Stockholm",
    )

    assert [(b.start, b.end) for b in found] == library_busy(library_text)
    assert found.notes == []
