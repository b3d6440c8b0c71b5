"""fetch_ics against a real HTTP server on loopback."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from takt.calendars.errors import CalendarError
from takt.calendars.ics import fetch_ics
from tests.calendars_pure.ics_samples import calendar

FEED = calendar("UID:x@example\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z")


class Feeds(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.ics":
            self._send(200, FEED)
        elif self.path == "/big.ics":
            # No Content-Length: the limit must hold while reading.
            self.send_response(200)
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"X" * 1024)
        elif self.path == "/to-ftp":
            # urllib itself refuses file:, but would follow ftp:.
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/feed.ics")
            self.end_headers()
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/feed.ics")
            self.end_headers()
        else:
            self._send(404, b"not here")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def feeds() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_it_fetches_a_feed(feeds):
    assert fetch_ics(f"{feeds}/feed.ics", timeout=5, max_bytes=100_000) == FEED


def test_it_follows_a_redirect_to_http(feeds):
    assert fetch_ics(f"{feeds}/moved", timeout=5, max_bytes=100_000) == FEED


def test_it_refuses_a_redirect_away_from_the_web(feeds):
    with pytest.raises(CalendarError) as caught:
        fetch_ics(f"{feeds}/to-ftp", timeout=5, max_bytes=100_000)
    assert caught.value.code == "bad_url"


def test_it_stops_reading_past_the_limit(feeds):
    with pytest.raises(CalendarError) as caught:
        fetch_ics(f"{feeds}/big.ics", timeout=5, max_bytes=10_000)
    assert caught.value.code == "too_big"


def test_a_declared_length_over_the_limit_is_refused(feeds):
    with pytest.raises(CalendarError) as caught:
        fetch_ics(f"{feeds}/feed.ics", timeout=5, max_bytes=10)
    assert caught.value.code == "too_big"


def test_an_http_error_names_its_status(feeds):
    with pytest.raises(CalendarError) as caught:
        fetch_ics(f"{feeds}/missing.ics", timeout=5, max_bytes=100_000)
    assert (caught.value.code, caught.value.detail) == ("http_error", "404")
    assert "404" in caught.value.message("sv")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a.ics", "feed.ics", ""])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(CalendarError) as caught:
        fetch_ics(url, timeout=5, max_bytes=100_000)
    assert caught.value.code == "bad_url"


def test_a_webcal_address_is_fetched_over_https():
    # webcal:// becomes https://; nothing listens with TLS on this port, so it is unreachable,
    # not a bad address.
    with pytest.raises(CalendarError) as caught:
        fetch_ics("webcal://127.0.0.1:9/feed.ics", timeout=5, max_bytes=100_000)
    assert caught.value.code == "unreachable"


def test_a_server_that_is_not_there_is_unreachable():
    with pytest.raises(CalendarError) as caught:
        fetch_ics("http://127.0.0.1:9/feed.ics", timeout=5, max_bytes=100_000)
    assert caught.value.code == "unreachable"
