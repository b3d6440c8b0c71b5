from datetime import UTC, datetime

from takt.calendars.ics import BusyTime, read_busy
from tests.calendars_pure.ics_samples import calendar, utc

MARCH_START, APRIL_END = utc(2026, 3, 1), utc(2026, 4, 30)


def busy(
    data: bytes,
    owner_zone: str = "Europe/Stockholm",
    window_start: datetime = MARCH_START,
    window_end: datetime = APRIL_END,
) -> list[BusyTime]:
    return read_busy(data, owner_zone=owner_zone, window_start=window_start, window_end=window_end)


def spans(found: list[BusyTime]) -> list[tuple[datetime, datetime]]:
    return [(b.start, b.end) for b in found]


STANDUP = """
UID:standup@example
SUMMARY:Standup
DTSTART;TZID=Europe/Stockholm:20260302T090000
DTEND;TZID=Europe/Stockholm:20260302T093000
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5
EXDATE;TZID=Europe/Stockholm:20260309T090000
"""
STANDUP_MOVED = """
UID:standup@example
SUMMARY:Standup (flyttad)
RECURRENCE-ID;TZID=Europe/Stockholm:20260316T090000
DTSTART;TZID=Europe/Stockholm:20260317T130000
DTEND;TZID=Europe/Stockholm:20260317T133000
"""


def test_a_weekly_event_skips_its_exdate_and_takes_its_moved_instance():
    found = busy(calendar(STANDUP, STANDUP_MOVED))

    assert spans(found) == [
        (utc(2026, 3, 2, 8), utc(2026, 3, 2, 8, 30)),
        # 9 March is excluded; 16 March moved to Tuesday 17 March 13.00.
        (utc(2026, 3, 17, 12), utc(2026, 3, 17, 12, 30)),
        (utc(2026, 3, 23, 8), utc(2026, 3, 23, 8, 30)),
        # After the spring change 09.00 in Stockholm is 07.00 UTC.
        (utc(2026, 3, 30, 7), utc(2026, 3, 30, 7, 30)),
    ]
    assert found[1].summary == "Standup (flyttad)"


def test_the_dst_week_keeps_the_local_wall_time():
    daily = """
UID:daily@example
DTSTART;TZID=Europe/Stockholm:20260326T100000
DTEND;TZID=Europe/Stockholm:20260326T110000
RRULE:FREQ=DAILY;COUNT=5
"""
    found = busy(calendar(daily))

    assert [b.start.hour for b in found] == [9, 9, 9, 8, 8]
    assert all(b.start.tzinfo is UTC for b in found)


def test_rdate_adds_an_occurrence():
    event = """
UID:rdate@example
DTSTART:20260305T120000Z
DTEND:20260305T130000Z
RRULE:FREQ=MONTHLY;COUNT=2
RDATE:20260310T150000Z
"""
    assert [b.start for b in busy(calendar(event))] == [
        utc(2026, 3, 5, 12),
        utc(2026, 3, 10, 15),
        utc(2026, 4, 5, 12),
    ]


def test_an_all_day_event_blocks_the_whole_local_day():
    event = """
UID:allday@example
SUMMARY:Konferens
DTSTART;VALUE=DATE:20260320
DTEND;VALUE=DATE:20260322
"""
    (found,) = busy(calendar(event))

    assert (found.start, found.end) == (utc(2026, 3, 19, 23), utc(2026, 3, 21, 23))


def test_an_all_day_event_without_end_lasts_one_day_in_the_owners_zone():
    event = "UID:d@example\nDTSTART;VALUE=DATE:20260401"
    (found,) = busy(calendar(event), owner_zone="America/New_York")

    assert (found.start, found.end) == (utc(2026, 4, 1, 4), utc(2026, 4, 2, 4))


def test_floating_times_follow_googles_x_wr_timezone():
    event = "UID:g@example\nDTSTART:20260318T150000\nDTEND:20260318T160000"
    data = calendar(event, header="X-WR-TIMEZONE:America/New_York\n")

    (found,) = busy(data, owner_zone="Europe/Stockholm")

    assert found.start == utc(2026, 3, 18, 19)


def test_floating_times_without_x_wr_timezone_are_in_the_owners_zone():
    event = "UID:f@example\nDTSTART:20260318T150000\nDTEND:20260318T160000"

    (found,) = busy(calendar(event), owner_zone="Europe/Stockholm")

    assert found.start == utc(2026, 3, 18, 14)


def test_an_unknown_x_wr_timezone_falls_back_to_the_owners_zone():
    event = "UID:f@example\nDTSTART:20260318T150000\nDTEND:20260318T160000"
    data = calendar(event, header="X-WR-TIMEZONE:Mars/Olympus\n")

    (found,) = busy(data)

    assert found.start == utc(2026, 3, 18, 14)


def test_transparent_and_cancelled_events_are_not_busy():
    free = "UID:free@example\nDTSTART:20260310T100000Z\nDTEND:20260310T110000Z\nTRANSP:TRANSPARENT"
    gone = "UID:gone@example\nDTSTART:20260311T100000Z\nDTEND:20260311T110000Z\nSTATUS:CANCELLED"
    real = "UID:real@example\nDTSTART:20260312T100000Z\nDTEND:20260312T110000Z\nTRANSP:OPAQUE"

    assert [b.start for b in busy(calendar(free, gone, real))] == [utc(2026, 3, 12, 10)]


def test_a_cancelled_instance_of_a_series_is_not_busy():
    series = """
UID:s@example
DTSTART:20260302T100000Z
DTEND:20260302T110000Z
RRULE:FREQ=DAILY;COUNT=3
"""
    cancelled = """
UID:s@example
RECURRENCE-ID:20260303T100000Z
DTSTART:20260303T100000Z
DTEND:20260303T110000Z
STATUS:CANCELLED
"""
    assert [b.start.day for b in busy(calendar(series, cancelled))] == [2, 4]


def test_only_events_overlapping_the_window_are_returned_uncut():
    before = "UID:a@example\nDTSTART:20260228T100000Z\nDTEND:20260228T110000Z"
    across = "UID:b@example\nDTSTART:20260228T230000Z\nDTEND:20260301T010000Z"
    after = "UID:c@example\nDTSTART:20260430T000000Z\nDTEND:20260430T010000Z"

    assert spans(busy(calendar(before, across, after))) == [
        (utc(2026, 2, 28, 23), utc(2026, 3, 1, 1))
    ]


def test_an_endless_rule_before_a_long_window_counts_only_the_window():
    weekly = """
UID:w@example
DTSTART;TZID=Europe/Stockholm:20200106T080000
DTEND;TZID=Europe/Stockholm:20200106T090000
RRULE:FREQ=WEEKLY;BYDAY=MO
"""
    found = busy(calendar(weekly), window_start=utc(2026, 1, 1), window_end=utc(2027, 1, 1))

    assert len(found) == 52
    assert found[0].start == utc(2026, 1, 5, 7)


def test_a_rule_that_never_matches_gives_no_busy_time():
    never = """
UID:n@example
DTSTART:20260301T100000Z
DTEND:20260301T110000Z
RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30
"""
    plain = "UID:p@example\nDTSTART:20260305T100000Z\nDTEND:20260305T110000Z"

    # The DTSTART itself is the series' first instance.
    assert [b.start for b in busy(calendar(never, plain))] == [
        utc(2026, 3, 1, 10),
        utc(2026, 3, 5, 10),
    ]


def test_a_count_rule_keeps_its_count_when_the_window_is_later():
    counted = """
UID:c@example
DTSTART:20260302T100000Z
DTEND:20260302T110000Z
RRULE:FREQ=WEEKLY;COUNT=3
"""
    found = busy(calendar(counted), window_start=utc(2026, 3, 9), window_end=utc(2026, 6, 1))

    assert [b.start for b in found] == [utc(2026, 3, 9, 10), utc(2026, 3, 16, 10)]


def test_several_calendars_in_one_text_are_all_read():
    one = calendar("UID:1@example\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z")
    two = calendar("UID:2@example\nDTSTART:20260303T100000Z\nDTEND:20260303T110000Z")

    assert len(busy(one + two)) == 2


def test_of_two_copies_of_one_event_the_higher_sequence_counts():
    old = "UID:i@example\nSEQUENCE:0\nDTSTART:20260310T100000Z\nDTEND:20260310T110000Z"
    moved = "UID:i@example\nSEQUENCE:1\nDTSTART:20260312T100000Z\nDTEND:20260312T110000Z"

    assert [b.start for b in busy(calendar(old, moved))] == [utc(2026, 3, 12, 10)]


def test_an_event_with_a_duration_ends_after_it():
    event = "UID:d@example\nDTSTART:20260310T100000Z\nDURATION:PT90M"

    (found,) = busy(calendar(event))

    assert found.end == utc(2026, 3, 10, 11, 30)


def test_each_busy_time_keeps_its_events_uid():
    found = busy(
        calendar(
            "UID:0f3c@takt\nDTSTAMP:20260101T000000Z\nDTSTART:20260303T090000Z\n"
            "DTEND:20260303T100000Z\nSUMMARY:Intervju",
        )
    )
    assert [(b.uid, b.summary) for b in found] == [("0f3c@takt", "Intervju")]
