"""A broken or hostile calendar gives a CalendarError and nothing else."""

import itertools
from typing import Any

import pytest

from takt.calendars.errors import CalendarError
from takt.calendars.ics import Limits, read_busy
from tests.calendars_pure.ics_samples import calendar, utc

START, END = utc(2026, 1, 1), utc(2027, 1, 1)
DEFAULT = Limits()


def refused(data: bytes, limits: Limits = DEFAULT, **kwargs: Any) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        read_busy(
            data,
            owner_zone="Europe/Stockholm",
            window_start=START,
            window_end=END,
            limits=limits,
            **kwargs,
        )
    return caught.value


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, world",
        b"\xff\xfe\x00garbage",
        b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",
        # Cut off in the middle: the events after the cut are missing.
        calendar("UID:x\nDTSTART:20260301T100000Z")[:-30],
        calendar("UID:x\nDTSTART:20260301T100000Z") + b"trailing garbage\r\n",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
    ],
)
def test_what_is_not_a_calendar_is_refused(data):
    assert refused(data).code == "malformed"


def test_data_over_the_size_limit_is_refused_before_parsing():
    data = calendar("UID:x\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z")

    error = refused(data, Limits(max_bytes=len(data) - 1))

    assert error.code == "too_big"
    assert error.limit == len(data) - 1


def test_too_many_events_are_refused():
    events = [
        f"UID:{n}@example\nDTSTART:20260302T10{n:02d}00Z\nDTEND:20260302T11{n:02d}00Z"
        for n in range(11)
    ]

    assert refused(calendar(*events), Limits(max_events=10)).code == "too_many_events"


def test_an_event_every_second_forever_is_refused():
    forever = "UID:loop@example\nDTSTART:20260101T000000Z\nRRULE:FREQ=SECONDLY"

    assert refused(calendar(forever)).code == "too_many_occurrences"


def test_a_rule_that_began_long_ago_cannot_make_us_work_for_ever():
    minutely = "UID:old@example\nDTSTART:19700101T000000Z\nRRULE:FREQ=MINUTELY"

    assert refused(calendar(minutely), Limits(max_steps=50_000)).code == "too_slow"


def test_too_many_occurrences_across_events_are_refused():
    dailies = [
        f"UID:{n}@example\nDTSTART:20260101T0{n}0000Z\nDTEND:20260101T0{n}3000Z\nRRULE:FREQ=DAILY"
        for n in range(3)
    ]

    assert refused(calendar(*dailies), Limits(max_occurrences=1000)).code == "too_many_occurrences"


def test_expansion_past_the_time_budget_is_refused():
    # A clock that moves an hour each time it is read: the budget is spent at once.
    ticks = itertools.count(step=3600)
    weekly = "UID:w@example\nDTSTART:20260105T080000Z\nDTEND:20260105T090000Z\nRRULE:FREQ=WEEKLY"

    error = refused(calendar(weekly), Limits(max_seconds=10), clock=lambda: float(next(ticks)))

    assert error.code == "too_slow"


def test_the_same_calendar_within_limits_is_read():
    weekly = "UID:w@example\nDTSTART:20260105T080000Z\nDTEND:20260105T090000Z\nRRULE:FREQ=WEEKLY"

    found = read_busy(
        calendar(weekly), owner_zone="Europe/Stockholm", window_start=START, window_end=END
    )

    assert len(found) == 52


@pytest.mark.parametrize(
    ("code", "sv", "en"),
    [
        ("too_big", "för stor", "too large"),
        ("malformed", "inte en giltig", "not a valid"),
        ("too_slow", "för lång tid", "took too long"),
    ],
)
def test_errors_explain_themselves_in_swedish_and_english(code, sv, en):
    error = CalendarError(code, detail="x", limit=10_000_000)

    assert sv in error.message("sv")
    assert en in error.message("en")


def test_limits_are_written_the_swedish_way():
    error = CalendarError("too_big", limit=10_000_000)

    assert "10\u00a0000\u00a0000" in error.message("sv")
    assert "10,000,000" in error.message("en")


def test_an_unknown_error_code_is_a_bug():
    with pytest.raises(ValueError):
        CalendarError("no_such_code")


# Issue 11's probes: budgets are checked inside the expansion, not after it.
NEVER_FROM_1900 = [
    f"UID:feb30-{n}@example\nDTSTART:19000101T000000Z\nRRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30"
    for n in range(4)
]


def test_a_rule_that_never_matches_since_1900_costs_only_the_window():
    # dateutil alone scans such a rule day by day from 1900 to the year 9999.
    found = read_busy(
        calendar(*NEVER_FROM_1900),
        owner_zone="Europe/Stockholm",
        window_start=START,
        window_end=END,
        limits=Limits(max_steps=4 * 600),
    )

    assert found == []


def test_a_counted_rule_that_never_matches_is_stopped_by_the_events_own_budget():
    rule = "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5"
    never = f"UID:n@example\nDTSTART:19000101T000000Z\n{rule}"

    error = refused(calendar(never), Limits(max_event_steps=10_000, max_steps=10**9))

    assert (error.code, error.limit) == ("too_slow", 10_000)


def test_events_each_within_their_budget_are_stopped_by_the_calendars():
    counted = [
        f"UID:{n}@example\nDTSTART:19900101T000000Z\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5"
        for n in range(2)
    ]

    error = refused(calendar(*counted), Limits(max_event_steps=15_000, max_steps=20_000))

    assert (error.code, error.limit) == ("too_slow", 20_000)


def test_extra_dates_are_counted_before_anything_is_expanded():
    dates = ",".join(f"202603{d:02d}T{h:02d}0000Z" for d in range(1, 29) for h in range(24))
    events = [f"UID:{n}@example\nDTSTART:20260301T000000Z\nRDATE:{dates}" for n in range(600)]

    def clock() -> float:
        pytest.fail("the budget's clock was started: expansion began before the count")

    assert refused(calendar(*events), clock=clock).code == "too_many_occurrences"
