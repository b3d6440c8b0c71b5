"""Calendars as the big clients write them, each with its busy times written out by hand.

Each file in fixtures/ holds one class of what real exports do (see its PRODID);
the expected busy times were worked out from the file, not from Takt's output.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from takt.calendars.ics import Reading, read_busy

FIXTURES = Path(__file__).with_name("fixtures")


def read(name: str, start: str, end: str, owner_zone: str = "Europe/Stockholm") -> Reading:
    return read_busy(
        (FIXTURES / name).read_bytes(),
        window_start=datetime.fromisoformat(start).replace(tzinfo=UTC),
        window_end=datetime.fromisoformat(end).replace(tzinfo=UTC),
        owner_zone=owner_zone,
    )


def spans(found: Reading) -> list[tuple[str, str]]:
    return [(f"{b.start:%Y-%m-%d %H:%M}", f"{b.end:%Y-%m-%d %H:%M}") for b in found]


def notes(found: Reading) -> list[tuple[str | None, str]]:
    return sorted((note.summary, note.code) for note in found.notes)


def test_a_date_until_ends_a_zoned_weekly_series_at_the_end_of_that_day():
    found = read("outlook_until_date.ics", "2019-08-01", "2020-12-31", "Europe/London")

    # Twelve Wednesdays, 10.00 in London (summer time, so 09.00 UTC), 23 October the last.
    days = ["08-07", "08-14", "08-21", "08-28", "09-04", "09-11", "09-18", "09-25"]
    days += ["10-02", "10-09", "10-16", "10-23"]
    assert spans(found) == [(f"2019-{d} 09:00", f"2019-{d} 09:30") for d in days]
    assert found.notes == []


def test_a_floating_until_is_read_in_the_series_zone():
    found = read("exchange_until_floating.ics", "2019-10-01", "2020-12-31")

    # UNTIL 29 October 09.00 in Amsterdam's zone: two days, not 249.
    assert spans(found) == [
        ("2019-10-28 08:00", "2019-10-28 11:00"),
        ("2019-10-29 08:00", "2019-10-29 11:00"),
    ]


def test_a_utc_until_ends_an_all_day_series_on_its_day():
    found = read("outlook_all_day_until_utc.ics", "2019-08-01", "2021-01-01")

    # UNTIL 29 Sep 22.00 UTC is 30 September in Stockholm: 2, 16 and 30 September.
    assert spans(found) == [
        ("2019-09-01 22:00", "2019-09-02 22:00"),
        ("2019-09-15 22:00", "2019-09-16 22:00"),
        ("2019-09-29 22:00", "2019-09-30 22:00"),
    ]


def test_a_count_that_is_not_positive_is_read_up_to_until_or_the_event_skipped():
    found = read("count_not_positive.ics", "2024-03-01", "2024-05-01")

    assert spans(found) == [(f"2024-03-{d} 07:00", f"2024-03-{d} 15:00") for d in range(25, 32)]
    assert notes(found) == [
        ("Count zero, no end", "bad_count"),
        ("Easter week shifts", "count_ignored"),
    ]
    assert [note.summary for note in found.skipped] == ["Count zero, no end"]


def test_an_empty_rrule_on_every_holiday_reads_each_once():
    found = read("holidays_empty_rrule.ics", "2026-04-01", "2026-06-01")

    assert spans(found) == [
        ("2026-04-30 22:00", "2026-05-01 22:00"),
        ("2026-05-13 22:00", "2026-05-14 22:00"),
    ]
    assert notes(found) == [
        ("Första maj", "empty_rule"),
        ("Kristi himmelsfärdsdag", "empty_rule"),
    ]
    assert found.skipped == []


def test_bad_events_are_skipped_or_read_as_the_clients_read_them_and_the_rest_is_kept():
    found = read("one_bad_event_each.ics", "2026-03-01", "2026-04-01")

    assert [(s, b.summary) for s, b in zip(spans(found), found, strict=True)] == [
        (("2026-03-10 14:00", "2026-03-10 15:00"), "Dentist"),
        # A date start with an end at 17.00 on the 12th: the 11th and the 12th, whole.
        (("2026-03-10 23:00", "2026-03-12 23:00"), "Conference"),
        # A date start lasting ten hours: that whole day.
        (("2026-03-15 23:00", "2026-03-16 23:00"), "Offsite"),
    ]
    assert notes(found) == [
        ("Backwards", "end_before_start"),
        ("Board meeting", "bad_time"),
        ("Conference", "whole_days"),
        ("Gym", "bad_rule"),
        ("Lunch with Eva", "no_start"),
        ("Offsite", "whole_days"),
    ]
    assert sorted(note.summary or "" for note in found.skipped) == [
        "Board meeting",
        "Gym",
        "Lunch with Eva",
    ]


def test_a_floating_series_stays_floating_with_a_utc_exdate():
    found = read("floating_series_utc_exdate.ics", "2026-03-01", "2026-04-01")

    # 01.00 in Stockholm (winter) is 00.00 UTC; 3 March is excluded.
    assert spans(found) == [
        ("2026-03-02 00:00", "2026-03-02 00:30"),
        ("2026-03-04 00:00", "2026-03-04 00:30"),
        ("2026-03-05 00:00", "2026-03-05 00:30"),
    ]


def test_an_override_without_its_base_counts_all_its_periods():
    found = read("lotus_override_without_base.ics", "2026-03-01", "2026-04-01")

    assert spans(found) == [
        ("2026-03-10 09:00", "2026-03-10 10:00"),
        ("2026-03-11 09:00", "2026-03-11 10:00"),
        ("2026-03-12 13:00", "2026-03-12 14:00"),
        ("2026-03-13 09:00", "2026-03-13 10:30"),
    ]


def test_a_google_export_keeps_wall_time_and_its_exceptions():
    found = read("google_x_wr_timezone.ics", "2026-03-01", "2026-05-01", "America/New_York")

    assert [(s, b.summary) for s, b in zip(spans(found), found, strict=True)] == [
        # 09.00 in Stockholm (X-WR-TIMEZONE), before the clocks change.
        (("2026-03-23 08:00", "2026-03-23 09:00"), "Team meeting"),
        (("2026-03-24 16:00", "2026-03-24 17:00"), "Reading group"),
        # Floating 15.00 is Stockholm's, not the owner's New York; DURATION 45 minutes.
        (("2026-03-25 14:00", "2026-03-25 14:45"), "Floating coffee"),
        # 30 March excluded; the RDATE keeps 17.00 in summer time.
        (("2026-03-31 15:00", "2026-03-31 16:00"), "Reading group"),
        # 6 April moved to the 7th; 13 April cancelled; the transparent day is free.
        (("2026-04-07 12:00", "2026-04-07 13:00"), "Team meeting (moved)"),
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.ics")))
def test_every_fixture_reads_the_same_with_crlf_lines(name):
    text = (FIXTURES / name).read_bytes()
    window = {"window_start": datetime(2019, 1, 1, tzinfo=UTC)}
    window["window_end"] = datetime(2027, 1, 1, tzinfo=UTC)
    lf = read_busy(text, owner_zone="Europe/Stockholm", **window)
    crlf = read_busy(text.replace(b"\n", b"\r\n"), owner_zone="Europe/Stockholm", **window)

    assert lf and list(lf) == list(crlf)
    assert lf.notes == crlf.notes
