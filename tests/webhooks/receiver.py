"""A webhook receiver on 127.0.0.1 that verifies every post with the standardwebhooks library.

It keeps what it accepted (id, parsed body) and what it refused; `down` makes it
answer 503 for a while, as a receiver being deployed would. It runs on a thread
of the test's process (the clock there is the test's pinned one) or, for the
worker tests, as a process of its own (`python -m tests.webhooks.receiver PORT
SECRET FILE`, writing one JSON line per accepted post to FILE).
"""

import json
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


@dataclass
class Received:
    id: str
    timestamp: str
    body: dict[str, Any]


@dataclass
class Receiver:
    secrets: list[str]
    accepted: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    down: bool = False
    status: int = 200
    lock: threading.Lock = field(default_factory=threading.Lock)
    on_accept: Any = None

    def verify(self, body: bytes, headers: dict[str, str]) -> Any:
        """The body parsed if one of the secrets verifies it; else the library's error."""
        error: Exception | None = None
        for secret in self.secrets:
            try:
                return Webhook(secret).verify(body, headers)
            except WebhookVerificationError as refused:
                error = refused
        raise error or WebhookVerificationError("no secret")

    def handle(self, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        if self.down:
            return 503, b"deploying"
        try:
            parsed = self.verify(body, headers)
        except WebhookVerificationError as error:
            with self.lock:
                self.refused.append(str(error))
            return 401, str(error).encode()
        got = Received(headers["webhook-id"], headers["webhook-timestamp"], parsed)
        with self.lock:
            self.accepted.append(got)
        if self.on_accept is not None:
            self.on_accept(got)
        return self.status, b"thanks"

    def ids(self) -> list[str]:
        with self.lock:
            return [r.id for r in self.accepted]

    def types(self) -> list[str]:
        with self.lock:
            return [r.body["type"] for r in self.accepted]


def serve(receiver: Receiver, port: int = 0) -> ThreadingHTTPServer:
    """Start an HTTP server for the receiver on a thread; the caller shuts it down."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: with Nagle on, a kept-alive client waits
        # for the delayed ACK (40 ms) between them on every request.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, answer = receiver.handle(body, {k.lower(): v for k, v in self.headers.items()})
            self.send_response(status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        # As a production server's: socketserver's 5 drops connections Takt opens at once.
        request_queue_size = 128

    server = Server(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str]) -> int:
    port, secret, path = int(argv[0]), argv[1], argv[2]
    with open(path, "a", encoding="utf-8") as out:

        def write(got: Received) -> None:
            out.write(json.dumps({"id": got.id, "body": got.body}) + "\n")
            out.flush()

        receiver = Receiver([secret], on_accept=write)
        server = serve(receiver, port)
        try:
            threading.Event().wait()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
