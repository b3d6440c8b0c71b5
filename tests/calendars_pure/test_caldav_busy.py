"""Busy times read from a real Radicale server."""

from datetime import UTC, datetime

import pytest

from takt.calendars.caldav_reader import read_caldav_busy
from takt.calendars.errors import CalendarError
from tests.caldav_client import delete_event, open_calendar, put_event
from tests.calendars_pure.ics_samples import calendar, utc

START, END = utc(2026, 3, 1), utc(2026, 4, 1)

WEEKLY = calendar(
    """
UID:weekly@example
SUMMARY:Planering
DTSTART;TZID=Europe/Stockholm:20260302T090000
DTEND;TZID=Europe/Stockholm:20260302T100000
RRULE:FREQ=WEEKLY;BYDAY=MO
EXDATE;TZID=Europe/Stockholm:20260316T090000
"""
)
FREE = calendar(
    "UID:free@example\nDTSTART:20260304T100000Z\nDTEND:20260304T110000Z\nTRANSP:TRANSPARENT"
)
ALL_DAY = calendar("UID:day@example\nDTSTART;VALUE=DATE:20260320\nDTEND;VALUE=DATE:20260321")
LATER = calendar("UID:later@example\nDTSTART:20260501T100000Z\nDTEND:20260501T110000Z")


def test_it_reads_busy_times_from_caldav(radicale_server):
    for data in (WEEKLY, FREE, ALL_DAY, LATER):
        assert put_event(radicale_server, "anna", "pw", "Arbete", data) == "created"
    url = str(open_calendar(radicale_server, "anna", "pw", "Arbete").url)

    found = read_caldav_busy(
        url, "anna", "pw", owner_zone="Europe/Stockholm", window_start=START, window_end=END
    )

    assert [(b.start, b.summary) for b in found] == [
        (utc(2026, 3, 2, 8), "Planering"),
        (utc(2026, 3, 9, 8), "Planering"),
        (utc(2026, 3, 19, 23), None),
        (utc(2026, 3, 23, 8), "Planering"),
        # The clocks changed on 29 March: 09.00 in Stockholm is now 07.00 UTC.
        (utc(2026, 3, 30, 7), "Planering"),
    ]
    assert all(b.start.tzinfo is UTC for b in found)


def test_a_deleted_event_is_no_longer_busy(radicale_server):
    put_event(radicale_server, "anna", "pw", "Arbete", ALL_DAY)
    assert delete_event(radicale_server, "anna", "pw", "Arbete", "day@example") == "deleted"
    assert delete_event(radicale_server, "anna", "pw", "Arbete", "day@example") == "absent"
    url = str(open_calendar(radicale_server, "anna", "pw", "Arbete").url)

    assert (
        read_caldav_busy(
            url, "anna", "pw", owner_zone="Europe/Stockholm", window_start=START, window_end=END
        )
        == []
    )


def test_a_hostile_event_on_the_server_gives_a_calendar_error(radicale_server):
    forever = calendar("UID:loop@example\nDTSTART:20260301T000000Z\nRRULE:FREQ=SECONDLY")
    put_event(radicale_server, "anna", "pw", "Arbete", forever)
    url = str(open_calendar(radicale_server, "anna", "pw", "Arbete").url)

    with pytest.raises(CalendarError) as caught:
        read_caldav_busy(
            url, "anna", "pw", owner_zone="Europe/Stockholm", window_start=START, window_end=END
        )
    assert caught.value.code == "too_many_occurrences"


def test_an_unreachable_server_gives_a_calendar_error():
    with pytest.raises(CalendarError) as caught:
        read_caldav_busy(
            "http://127.0.0.1:9/anna/arbete/",
            "anna",
            "pw",
            owner_zone="Europe/Stockholm",
            window_start=datetime(2026, 3, 1, tzinfo=UTC),
            window_end=datetime(2026, 4, 1, tzinfo=UTC),
            timeout=5,
        )
    assert caught.value.code in ("unreachable", "caldav_failed")
