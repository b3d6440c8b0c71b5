"""Calendar app fixtures: Radicale, a tiny ICS web server on loopback, calendar texts."""

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.servers import LOOPBACK, radicale_server  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _calendar_servers_on_loopback(settings: Any) -> None:
    """The calendar servers here listen on 127.0.0.1, which only an allow setting opens."""
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK


# A Monday morning; the refresh window runs a week back and 120 days ahead.
NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def calendar(*events: str, header: str = "") -> bytes:
    """An iCalendar text with these VEVENT bodies, CRLF line ends as RFC 5545 wants."""
    body = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//takt tests//EN\n" + header
    for event in events:
        body += "BEGIN:VEVENT\n" + event.strip() + "\nDTSTAMP:20260101T000000Z\nEND:VEVENT\n"
    body += "END:VCALENDAR\n"
    return body.replace("\n", "\r\n").encode()


def event(uid: str, start: datetime, hours: float = 1, summary: str = "Möte") -> str:
    """A plain UTC event of `hours` from `start`."""
    end = start + timedelta(hours=hours)
    return (
        f"UID:{uid}\nSUMMARY:{summary}\n"
        f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%SZ}\nDTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    )


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@dataclass
class IcsServer:
    """What the local ICS server answers: a body and a status, changed by the test."""

    url: str = ""
    body: bytes = b""
    status: int = 200
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def ics_server() -> Iterator[IcsServer]:
    """An HTTP server on 127.0.0.1 in a thread, serving one calendar at /cal.ics."""
    state = IcsServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            self.send_response(state.status)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/cal.ics"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
