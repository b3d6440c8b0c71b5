from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from takt.outbox.invitation import build_download, build_invitation
from takt.scheduling.zones import TimeProblem
from tests.invitations.helpers import STOCKHOLM, interview


def parsed(data: bytes) -> tuple[Any, Any]:
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_it_builds_a_request_with_uid_sequence_people_and_times():
    calendar, event = parsed(build_invitation(interview(sequence=3)))

    assert calendar["METHOD"] == "REQUEST"
    assert calendar["VERSION"] == "2.0"
    assert event["UID"] == "interview-8f3k2@takt.example"
    assert event["SEQUENCE"] == 3
    assert event["STATUS"] == "CONFIRMED"
    assert event["SUMMARY"] == "Intervju: backendutvecklare, Norrsken AB"
    assert event["LOCATION"] == "Sveavägen 1, Stockholm"
    assert "receptionen" in event["DESCRIPTION"]
    organizer = event["ORGANIZER"]
    assert organizer == "mailto:anna@norrsken.example"
    assert organizer.params["CN"] == "Anna Berg"
    attendee = event["ATTENDEE"]
    assert attendee == "mailto:erik@example.se"
    assert attendee.params["CN"] == "Erik Lind"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert attendee.params["RSVP"] == "TRUE"


def test_it_builds_a_cancel_with_status_cancelled_and_the_same_uid():
    request = parsed(build_invitation(interview(sequence=1)))[1]
    calendar, event = parsed(build_invitation(interview(sequence=2, method="CANCEL")))

    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == request["UID"]
    assert event["SEQUENCE"] == 2
    assert event["ATTENDEE"].params["RSVP"] == "FALSE"
    assert event["ORGANIZER"] == "mailto:anna@norrsken.example"


def test_dtstamp_is_written_in_utc():
    sent = datetime(2026, 3, 20, 10, 15, tzinfo=STOCKHOLM)
    data = build_invitation(interview(dtstamp=sent))

    assert b"DTSTAMP:20260320T091500Z" in data
    assert parsed(data)[1]["DTSTAMP"].dt == sent


def test_start_and_end_carry_the_tzid_and_the_local_wall_time():
    # Given in UTC, written as local time in the interview's zone.
    start = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    data = build_invitation(interview(start=start, end=start + timedelta(hours=1)))

    assert b"DTSTART;TZID=Europe/Stockholm:20260330T100000" in data
    assert b"DTEND;TZID=Europe/Stockholm:20260330T110000" in data


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 3, 27), 9),  # Friday before the spring change: CET
        (date(2026, 3, 30), 8),  # Monday after it: CEST
        (date(2026, 10, 23), 8),  # Friday before the autumn change: CEST
        (date(2026, 10, 26), 9),  # Monday after it: CET
    ],
)
def test_ten_oclock_in_stockholm_reads_back_as_the_right_utc_hour(day, utc_hour):
    start = datetime(day.year, day.month, day.day, 10, 0, tzinfo=STOCKHOLM)
    _, event = parsed(build_invitation(interview(start=start, end=start + timedelta(hours=1))))

    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    read_back = event["DTSTART"].dt.astimezone(UTC)
    assert read_back == datetime(day.year, day.month, day.day, utc_hour, 0, tzinfo=UTC)


def test_the_vtimezone_describes_stockholm_with_both_changes():
    calendar, _ = parsed(build_invitation(interview()))
    (timezone,) = calendar.walk("VTIMEZONE")

    assert timezone["TZID"] == "Europe/Stockholm"
    assert calendar.get_missing_tzids() == set()
    assert {part.name for part in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_the_vtimezone_names_the_spring_onset_in_the_offset_before_it():
    # RFC 5545: DAYLIGHT's onset is read in TZOFFSETFROM, so 02:00 CET, not 03:00.
    data = build_invitation(interview())

    assert b"RDATE:20260329T020000" in data
    assert b"RDATE:20261025T030000" in data


def test_the_vtimezone_alone_converts_local_times_correctly():
    # A client without a tz database relies on the VTIMEZONE only.
    calendar, _ = parsed(build_invitation(interview()))
    (timezone,) = calendar.walk("VTIMEZONE")
    zone = timezone.to_tz()
    for day, utc_hour in [(date(2026, 3, 30), 8), (date(2026, 10, 26), 9)]:
        local = datetime(day.year, day.month, day.day, 10, 0, tzinfo=zone)
        assert local.astimezone(UTC).hour == utc_hour


def test_an_interview_in_utc_needs_no_vtimezone():
    start = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    calendar, event = parsed(
        build_invitation(interview(timezone="UTC", start=start, end=start + timedelta(hours=1)))
    )

    assert calendar.walk("VTIMEZONE") == []
    assert event["DTSTART"].dt == start


def test_the_download_is_published_without_attendees_to_answer():
    calendar, event = parsed(build_download(interview(url="https://takt.example/i/8f3k2")))

    assert calendar["METHOD"] == "PUBLISH"
    assert "ATTENDEE" not in event
    assert event["URL"] == "https://takt.example/i/8f3k2"
    assert event["UID"] == "interview-8f3k2@takt.example"


def test_a_cancelled_interview_downloads_as_cancelled():
    _, event = parsed(build_download(interview(method="CANCEL", sequence=4)))

    assert event["STATUS"] == "CANCELLED"


@pytest.mark.parametrize(
    "changes",
    [
        {"start": datetime(2026, 3, 30, 10, 0)},  # noqa: DTZ001 (naive on purpose)
        {"end": datetime(2026, 3, 30, 9, 0, tzinfo=STOCKHOLM)},
        {"sequence": -1},
        {"uid": ""},
        {"method": "PUBLISH"},
        {"attendees": [("Erik", "not-an-address")]},
    ],
)
def test_it_refuses_an_invitation_that_would_mislead_a_calendar(changes):
    with pytest.raises(ValueError):
        build_invitation(interview(**changes))


def test_it_refuses_an_unknown_zone():
    with pytest.raises(TimeProblem):
        build_invitation(interview(timezone="Europe/Atlantis"))
