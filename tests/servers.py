"""Real servers on 127.0.0.1 for tests: Radicale (CalDAV) and an aiosmtpd SMTP server.

Import the fixtures into a conftest.py: `from tests.servers import radicale_server, smtp_server`.
Each server listens on a port the kernel picked (free_port) and keeps its files under the test's
own tmp_path, which pytest-xdist makes per worker, so parallel workers never share either.
"""

import email.policy
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

_START_TIMEOUT_S = 30.0
# The test servers listen on loopback, which Takt refuses to fetch from unless the
# operator allows it (TAKT_OUTBOUND_ALLOW), as a self-hoster does for a calendar server
# on their own network.
LOOPBACK = ("127.0.0.0/8", "::1/128")


@pytest.fixture
def loopback_allowed(settings: Any) -> None:
    """Let Takt fetch from the test servers on 127.0.0.1."""
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes] | None = None) -> None:
    """Return once something accepts connections on the port; fail if the process died."""
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on 127.0.0.1:{port} within {_START_TIMEOUT_S} s")


@pytest.fixture
def radicale_server(tmp_path: Path) -> Iterator[str]:
    """A Radicale CalDAV server without authentication; yields its base URL."""
    port = free_port()
    storage = tmp_path / "radicale"
    storage.mkdir()
    log = (tmp_path / "radicale.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "none",
            "--rights-type",
            "owner_only",
            "--storage-filesystem-folder",
            str(storage),
            "--logging-level",
            "warning",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


class ReceivedMessage(EmailMessage):
    """A message the test SMTP server accepted, with its envelope."""

    mail_from: str = ""
    rcpt_tos: list[str]


@dataclass
class SmtpServer:
    """The running test SMTP server and what it received."""

    host: str
    port: int
    messages: list[ReceivedMessage] = field(default_factory=list)
    attempts: int = 0
    _fail_next: int = 0
    _fail_code: str = "451 4.3.0 Try again later"
    _refused: dict[str, str] = field(default_factory=dict)

    def fail_next(self, attempts: int, reply: str = "451 4.3.0 Try again later") -> None:
        """Refuse the next `attempts` messages at DATA with a temporary error."""
        self._fail_next = attempts
        self._fail_code = reply

    def refuse(self, address: str, reply: str = "550 5.1.1 No such user") -> None:
        """Refuse this recipient for good at RCPT TO."""
        self._refused[address.lower()] = reply


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        refusal = self.server._refused.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.server.attempts += 1
        if self.server._fail_next > 0:
            self.server._fail_next -= 1
            return self.server._fail_code
        parser = BytesParser(_class=ReceivedMessage, policy=email.policy.default)
        message = parser.parsebytes(envelope.original_content or envelope.content)
        assert isinstance(message, ReceivedMessage)
        message.mail_from = envelope.mail_from
        message.rcpt_tos = list(envelope.rcpt_tos)
        self.server.messages.append(message)
        return "250 Message accepted"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """An SMTP server on loopback that records what it accepts and can be told to refuse."""
    state = SmtpServer(host="127.0.0.1", port=free_port())
    controller = Controller(_Handler(state), hostname=state.host, port=state.port)
    controller.start()
    try:
        wait_for_port(state.port)
        yield state
    finally:
        controller.stop()
