"""Hostile HTTP servers on loopback: each path answers as an attacker's server would."""

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//takt tests//EN\r\nBEGIN:VEVENT\r\n"
    b"UID:inner@example\r\nSUMMARY:Internal board meeting\r\nDTSTAMP:20260101T000000Z\r\n"
    b"DTSTART:20260505T100000Z\r\nDTEND:20260505T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
# 64 MB of zeros packs into about 64 KB: a body that is small on the wire only.
BOMB_SIZE = 64 * 1024 * 1024
BOMB = gzip.compress(b"\0" * BOMB_SIZE, compresslevel=9)

Answer = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """A running server: its base URL and the requests it saw (method, path, Host header)."""

    base: str
    routes: dict[str, "Answer"] = field(default_factory=dict)
    seen: list[tuple[str, str, str]] = field(default_factory=list)


def feed(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, FEED, {"Content-Type": "text/calendar"})


def login_page(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, b"<!doctype html><title>Secret admin</title>", {})


def bomb(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, BOMB, {"Content-Encoding": "gzip", "Content-Type": "text/calendar"})


def redirect_to(location: str) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        _send(handler, 302, b"", {"Location": location})

    return answer


def drip(*, in_headers: bool = False, bytes_: int = 8) -> Answer:
    """One byte a second, then the connection closed.

    Without a total deadline a client waits out every byte and then fails for
    another reason (a short body), so a test that expects the deadline fails.
    """

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        if not in_headers:
            handler.wfile.write(b"Content-Length: 100000\r\n\r\n")
        handler.wfile.flush()
        for _ in range(bytes_):
            time.sleep(1.0)
            try:
                handler.wfile.write(b"X")
                handler.wfile.flush()
            except OSError:
                return
        handler.close_connection = True

    return answer


def _send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def serving(routes: dict[str, Answer] | None = None, host: str = "127.0.0.1") -> Iterator[Server]:
    """A threaded server on `host` answering each path by its route (any method)."""
    state = Server(base="", routes=dict(routes or {}))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            state.seen.append((self.command, self.path, self.headers.get("Host", "")))
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            answer = state.routes.get(self.path.split("?", 1)[0]) or state.routes.get("*")
            if answer is None:
                _send(self, 404, b"not here", {})
            else:
                answer(self)

        do_GET = do_POST = do_PUT = do_PROPFIND = do_REPORT = do_OPTIONS = _any

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://{host}:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
