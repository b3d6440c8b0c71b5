"""fetch_ics against hostile servers on loopback: refused, redirected inward, dripping, bombs."""

import tracemalloc
from typing import Any

import pytest

from takt import outbound
from takt.calendars.errors import CalendarError
from takt.calendars.ics import fetch_ics
from tests.security.hostile import BOMB_SIZE, FEED, bomb, drip, feed, redirect_to, serving

LOOPBACK_ONLY = ("127.0.0.0/8",)


def fetch_error(url: str, **kwargs: Any) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        fetch_ics(url, **{"timeout": 5, "max_bytes": 1_000_000, **kwargs})
    return caught.value


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "127.1", "0x7f.1", "2130706433", "0177.0.0.1", "[::ffff:127.0.0.1]"],
)
def test_a_local_server_is_refused_by_default_in_every_notation(host: str) -> None:
    with serving({"/cal.ics": feed}) as server:
        port = server.base.rsplit(":", 1)[1]
        error = fetch_error(f"http://{host}:{port}/cal.ics")
    assert error.code == "refused"
    assert server.seen == []  # not even connected to


def test_the_refusal_says_nothing_of_what_is_there() -> None:
    with serving({"/cal.ics": feed}) as server:
        error = fetch_error(f"{server.base}/cal.ics")
    for lang in ("sv", "en"):
        text = error.message(lang)
        assert "Internal board meeting" not in text
        assert "127.0.0.1" not in text
        assert server.base not in text


def test_with_loopback_allowed_the_local_server_is_reached(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK_ONLY
    with serving({"/cal.ics": feed}) as server:
        assert fetch_ics(f"{server.base}/cal.ics", timeout=5) == FEED


def test_a_redirect_from_an_allowed_address_to_loopback_is_refused(settings: Any) -> None:
    # 127.0.0.2 stands for the operator's own calendar server; 127.0.0.1 is not allowed.
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.2/32",)
    with serving({"/cal.ics": feed}) as inner, serving(host="127.0.0.2") as outer:
        outer.routes["/cal.ics"] = redirect_to(f"{inner.base}/cal.ics")
        error = fetch_error(f"{outer.base}/cal.ics")
    assert error.code == "refused"
    assert [path for _, path, _ in outer.seen] == ["/cal.ics"]
    assert inner.seen == []


def test_a_redirect_between_allowed_addresses_is_followed(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK_ONLY
    with serving({"/cal.ics": feed}) as inner, serving(host="127.0.0.2") as outer:
        outer.routes["/old.ics"] = redirect_to(f"{inner.base}/cal.ics")
        assert fetch_ics(f"{outer.base}/old.ics", timeout=5) == FEED


def test_a_server_that_drips_is_cut_off_at_the_total_deadline(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK_ONLY
    with serving({"/cal.ics": drip()}) as server:
        # Each byte comes well within any per-read timeout; only the total deadline stops it.
        error = fetch_error(f"{server.base}/cal.ics", timeout=1.5)
    assert error.code == "no_answer"


def test_a_server_that_drips_its_headers_is_cut_off_too(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK_ONLY
    with serving({"/cal.ics": drip(in_headers=True)}) as server:
        error = fetch_error(f"{server.base}/cal.ics", timeout=1.5)
    assert error.code == "no_answer"


def test_a_gzip_bomb_is_cut_at_the_cap_counted_after_decompression(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK_ONLY
    with serving({"/cal.ics": bomb}) as server:
        tracemalloc.start()
        try:
            error = fetch_error(f"{server.base}/cal.ics", max_bytes=1_000_000)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert error.code == "too_big"
    assert error.limit == 1_000_000
    # Cut at the cap: far less than the bomb's unpacked size was ever held.
    assert peak < BOMB_SIZE // 8


def test_the_connection_goes_to_the_checked_address_with_the_name_as_host() -> None:
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    policy = outbound.Policy(allow=outbound.parse_networks("127.0.0.0/8", "X"))
    with serving({"/cal.ics": feed}) as server:
        port = int(server.base.rsplit(":", 1)[1])
        reply = outbound.get(
            f"http://calendar.example:{port}/cal.ics",
            policy=policy,
            deadline=outbound.Deadline(5),
            max_bytes=100_000,
            resolver=resolver,
        )
    assert reply.body == FEED
    assert lookups == ["calendar.example"]  # one lookup: the connect did not ask again
    assert server.seen == [("GET", "/cal.ics", f"calendar.example:{port}")]
