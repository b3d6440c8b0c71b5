"""Finding one's CalDAV calendars from the server's address, against a real Radicale."""

import pytest

from takt.calendars.caldav_reader import read_caldav_busy
from takt.calendars.discovery import FoundCalendar, discover_calendars
from takt.calendars.errors import CalendarError
from tests.caldav_client import open_calendar, put_event
from tests.calendars_pure.ics_samples import calendar, utc

WORK = calendar("UID:w@example\nSUMMARY:Jobb\nDTSTART:20260302T080000Z\nDTEND:20260302T090000Z")
HOME = calendar("UID:h@example\nSUMMARY:Hemma\nDTSTART:20260303T170000Z\nDTEND:20260303T180000Z")


@pytest.fixture
def two_calendars(radicale_server: str) -> str:
    put_event(radicale_server, "anna", "pw", "Arbete", WORK)
    put_event(radicale_server, "anna", "pw", "Privat", HOME)
    return radicale_server


def names(found: list[FoundCalendar]) -> list[str]:
    return sorted(c.name for c in found)


def test_the_servers_address_gives_both_calendars_of_the_user(two_calendars):
    found = discover_calendars(two_calendars, "anna", "pw", timeout=10)

    assert names(found) == ["Arbete", "Privat"]
    expected = {str(open_calendar(two_calendars, "anna", "pw", n).url) for n in names(found)}
    assert {c.url for c in found} == expected


def test_each_calendar_found_can_be_read(two_calendars):
    found = {c.name: c.url for c in discover_calendars(two_calendars, "anna", "pw")}

    summaries = {
        name: [
            b.summary
            for b in read_caldav_busy(
                url,
                "anna",
                "pw",
                owner_zone="Europe/Stockholm",
                window_start=utc(2026, 3, 1),
                window_end=utc(2026, 4, 1),
            )
        ]
        for name, url in found.items()
    }

    assert summaries == {"Arbete": ["Jobb"], "Privat": ["Hemma"]}


def test_another_users_calendars_are_not_found(two_calendars):
    assert discover_calendars(two_calendars, "bertil", "pw") == []


def test_a_path_that_is_not_caldav_falls_back_to_the_well_known_address(two_calendars):
    found = discover_calendars(two_calendars + "no/such/place/", "anna", "pw")

    assert names(found) == ["Arbete", "Privat"]


def test_an_e_mail_address_is_looked_up_by_its_domain(two_calendars):
    asked = []

    def lookup(identifier: str, timeout: int) -> str | None:
        # Stands in for DNS (RFC 6764 SRV/TXT) and https://<domain>/.well-known/caldav.
        asked.append(identifier)
        return two_calendars

    found = discover_calendars("anna@example.org", "anna", "pw", lookup=lookup)

    assert asked == ["anna@example.org"]
    assert names(found) == ["Arbete", "Privat"]


def test_a_domain_without_caldav_is_a_calendar_error():
    with pytest.raises(CalendarError) as caught:
        discover_calendars("anna@example.org", "anna", "pw", lookup=lambda _i, _t: None)

    assert caught.value.code == "caldav_failed"
