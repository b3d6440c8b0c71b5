from datetime import UTC, date, datetime, time

import pytest

from takt.scheduling import WorkingHours
from takt.scheduling.zones import TimeProblem


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_nine_oclock_stays_nine_oclock_across_the_spring_change_in_stockholm() -> None:
    hours = WorkingHours("Europe/Stockholm")
    friday = hours.day(date(2026, 3, 27))
    monday = hours.day(date(2026, 3, 30))
    assert friday is not None and monday is not None
    assert (friday.start, friday.end) == (utc(2026, 3, 27, 8), utc(2026, 3, 27, 16))
    assert (monday.start, monday.end) == (utc(2026, 3, 30, 7), utc(2026, 3, 30, 15))


def test_nine_oclock_stays_nine_oclock_across_the_autumn_change_in_new_york() -> None:
    hours = WorkingHours("America/New_York", start=time(8, 30), end=time(16, 30))
    friday = hours.day(date(2026, 10, 30))
    monday = hours.day(date(2026, 11, 2))
    assert friday is not None and monday is not None
    assert friday.start == utc(2026, 10, 30, 12, 30)
    assert monday.start == utc(2026, 11, 2, 13, 30)


def test_days_off_have_no_working_hours() -> None:
    hours = WorkingHours("Europe/Stockholm", weekdays=frozenset({0, 2}))
    assert hours.day(date(2026, 5, 9)) is None  # Saturday
    assert hours.day(date(2026, 5, 12)) is None  # Tuesday, not in the set
    assert hours.day(date(2026, 5, 13)) is not None


def test_working_windows_are_listed_for_the_days_asked_about() -> None:
    hours = WorkingHours("Europe/Stockholm")
    start = int(utc(2026, 3, 27, 12).timestamp()) * 1_000_000
    end = int(utc(2026, 3, 31, 0).timestamp()) * 1_000_000
    windows = list(hours.windows_us(start, end))
    seconds = [(a // 1_000_000, b // 1_000_000) for a, b in windows]
    assert seconds == [
        (int(utc(2026, 3, 27, 8).timestamp()), int(utc(2026, 3, 27, 16).timestamp())),
        (int(utc(2026, 3, 30, 7).timestamp()), int(utc(2026, 3, 30, 15).timestamp())),
    ]


def test_it_refuses_an_unknown_zone_and_a_day_that_ends_before_it_starts() -> None:
    with pytest.raises(TimeProblem) as problem:
        WorkingHours("Europe/Stokholm")
    assert problem.value.code == "unknown_zone"
    with pytest.raises(ValueError):
        WorkingHours("Europe/Stockholm", start=time(17), end=time(9))
    with pytest.raises(ValueError):
        WorkingHours("Europe/Stockholm", weekdays=frozenset({7}))
