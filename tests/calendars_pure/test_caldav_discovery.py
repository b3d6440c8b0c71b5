"""Finding one's CalDAV calendars from the server's address, against a real Radicale."""

from types import SimpleNamespace
from typing import Any

import dns.resolver
import pytest

from takt.calendars.caldav_reader import read_caldav_busy
from takt.calendars.discovery import FoundCalendar, discover_calendars
from takt.calendars.errors import CalendarError
from tests.caldav_client import open_calendar, put_event
from tests.calendars_pure.ics_samples import calendar, utc
from tests.security.hostile import redirect_to, serving
from tests.servers import LOOPBACK

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

    def lookup(identifier: str, timeout: float) -> str | None:
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


# ---- The outbound guard: every request of discovery follows the same address rules.

REFUSED_SV = CalendarError("refused").message("sv")


def refused(address: str, **kwargs: Any) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        discover_calendars(address, "anna", "pw", timeout=5, **kwargs)
    assert caught.value.code == "refused"
    return caught.value


def test_a_server_on_loopback_is_refused_without_the_allow_setting(settings, two_calendars):
    settings.TAKT_OUTBOUND_ALLOW = ()

    error = refused(two_calendars)

    assert error.message("sv") == REFUSED_SV
    assert "Arbete" not in error.message("sv") and "127.0.0.1" not in error.message("en")


def test_with_loopback_allowed_both_calendars_are_found(settings, two_calendars):
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK

    assert names(discover_calendars(two_calendars, "anna", "pw")) == ["Arbete", "Privat"]


def test_the_well_known_address_is_asked_through_the_guard(settings):
    settings.TAKT_OUTBOUND_ALLOW = ()
    with serving() as server:
        server.routes["*"] = redirect_to("/dav/")
        refused(f"{server.base}/.well-known/caldav")

    assert server.seen == []


def test_a_well_known_redirect_into_loopback_is_refused(settings, two_calendars):
    # 127.0.0.2 stands for the operator's own server; Radicale on 127.0.0.1 is not allowed.
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.2/32",)
    with serving(host="127.0.0.2") as outer:
        outer.routes["*"] = redirect_to(two_calendars)
        refused(f"{outer.base}/.well-known/caldav")

    assert [method for method, _, _ in outer.seen] == ["PROPFIND"]


def test_the_host_an_srv_record_names_is_checked_like_any_other(settings, monkeypatch):
    settings.TAKT_OUTBOUND_ALLOW = ()
    asked = []

    def resolve(name: str, kind: str, **_: Any) -> list[Any]:
        asked.append((name, kind))
        if kind == "SRV":
            return [SimpleNamespace(priority=0, weight=1, port=8443, target="localhost.")]
        return []

    monkeypatch.setattr(dns.resolver, "resolve", resolve)

    refused("anna@localhost")

    assert asked[0] == ("_caldavs._tcp.localhost", "SRV")


def test_an_srv_record_outside_the_domain_is_not_followed(settings, monkeypatch):
    settings.TAKT_OUTBOUND_ALLOW = ()

    def resolve(name: str, kind: str, **_: Any) -> list[Any]:
        if kind == "SRV":
            return [SimpleNamespace(priority=0, weight=1, port=443, target="evil.example.")]
        raise dns.resolver.NXDOMAIN

    monkeypatch.setattr(dns.resolver, "resolve", resolve)

    # Instead the domain's own well-known address is asked, which is on loopback here.
    refused("anna@localhost")


@pytest.mark.parametrize(
    "address", ["https://[::1/", "ftp://example.org/dav/", "https://example.org:99999/", "   "]
)
def test_an_address_that_is_not_one_is_a_calendar_error(address: str) -> None:
    with pytest.raises(CalendarError) as caught:
        discover_calendars(address, "anna", "pw", timeout=5)

    assert caught.value.code == "bad_url"
