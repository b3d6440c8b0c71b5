"""CalDAV through the outbound guard: every request and redirect checked, bounded and capped."""

import tracemalloc
from typing import Any

import pytest

from takt.calendars.caldav_reader import read_caldav_busy
from takt.calendars.errors import CalendarError
from takt.calendars.ics import Limits
from tests.caldav_client import open_calendar, put_event
from tests.calendars_pure.ics_samples import calendar, utc
from tests.security.hostile import BOMB_SIZE, bomb, drip, redirect_to, serving

START, END = utc(2026, 3, 1), utc(2026, 4, 1)
EVENT = calendar(
    "UID:one@example\nSUMMARY:Styrelsemöte\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z"
)


def read(url: str, **kwargs: Any) -> list[Any]:
    return read_caldav_busy(
        url, "anna", "pw", window_start=START, window_end=END, owner_zone="UTC", **kwargs
    )


def read_error(url: str, **kwargs: Any) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        read(url, **kwargs)
    return caught.value


def test_a_caldav_server_on_loopback_is_refused_by_default(radicale_server: str) -> None:
    error = read_error(f"{radicale_server}anna/arbete/")
    assert error.code == "refused"
    assert "Styrelsemöte" not in error.message("sv")


def test_with_loopback_allowed_the_caldav_server_is_read(
    settings: Any, radicale_server: str
) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.0/8",)
    assert put_event(radicale_server, "anna", "pw", "Arbete", EVENT) == "created"
    url = str(open_calendar(radicale_server, "anna", "pw", "Arbete").url)
    assert [busy.summary for busy in read(url)] == ["Styrelsemöte"]


@pytest.mark.parametrize("status_redirect", ["302", "307"])
def test_a_redirect_from_an_allowed_server_to_loopback_is_refused(
    settings: Any, radicale_server: str, status_redirect: str
) -> None:
    # 127.0.0.2 stands for the operator's own server; Radicale on 127.0.0.1 is not allowed.
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.2/32",)
    with serving(host="127.0.0.2") as outer:
        outer.routes["*"] = redirect_to(f"{radicale_server}anna/arbete/")
        error = read_error(f"{outer.base}/anna/arbete/")
    assert error.code == "refused"
    assert [method for method, _, _ in outer.seen] == ["REPORT"]


def test_a_caldav_server_that_drips_is_cut_off_at_the_deadline(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.0/8",)
    with serving({"*": drip()}) as server:
        error = read_error(f"{server.base}/anna/arbete/", timeout=1.5)
    assert error.code == "no_answer"


def test_a_gzip_bomb_from_caldav_is_cut_at_the_cap_after_decompression(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.0/8",)
    with serving({"*": bomb}) as server:
        tracemalloc.start()
        try:
            error = read_error(f"{server.base}/anna/arbete/", limits=Limits(max_bytes=1_000_000))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert (error.code, error.limit) == ("too_big", 1_000_000)
    # niquests alone unpacks the whole bomb before anyone can count it.
    assert peak < BOMB_SIZE // 8
