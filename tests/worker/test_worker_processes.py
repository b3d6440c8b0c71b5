"""`takt worker`: mail goes out while a calendar server drips, and SIGTERM stops it all.

These run the real command in processes of their own, against a dripping HTTP
server (one byte a second, never done) and a real SMTP server.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import REPO, process_env, run_module
from tests.servers import SmtpServer

# How long a message may wait for a worker that is up: the worker polls every 0.5 s here.
USUAL = 20.0


@pytest.fixture
def dripping_server() -> Iterator[tuple[str, threading.Event]]:
    """An ICS address whose server sends one byte a second for ever; the event says it was hit."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    hit = threading.Event()
    stop = threading.Event()

    def drip(connection: socket.socket) -> None:
        with connection:
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\n\r\n")
            while not stop.is_set():
                try:
                    connection.sendall(b"B")
                except OSError:
                    return
                stop.wait(1.0)

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed at the end of the test
                return
            hit.set()
            threading.Thread(target=drip, args=(connection,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/cal.ics", hit
    finally:
        stop.set()
        listener.close()


def _env(data: Path, smtp: SmtpServer) -> dict[str, str]:
    return process_env(
        data,
        TAKT_SMTP_HOST=smtp.host,
        TAKT_SMTP_PORT=str(smtp.port),
        TAKT_SMTP_STARTTLS="false",
        # The dripping server is on loopback, which calendar fetches refuse by default.
        TAKT_OUTBOUND_ALLOW="127.0.0.0/8",
    )


def _helper(env: dict[str, str], *args: str) -> str:
    return run_module(env, "tests.worker.helper", *args)


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "takt.cli", "worker", "--interval", "0.5"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"PPid:\t{pid}\n" in status.read_text():
                found.append(int(status.parent.name))
        except OSError:
            continue
    return found


def _wait(condition, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_mail_goes_out_while_a_calendar_server_drips(
    tmp_path: Path,
    smtp_server: SmtpServer,
    dripping_server,
) -> None:
    url, hit = dripping_server
    env = _env(tmp_path, smtp_server)
    _helper(env, "calendar", url)
    worker = _worker(env)
    try:
        assert hit.wait(60), "the worker never started reading the calendar"
        _helper(env, "mail", "3")
        assert _wait(lambda: len(smtp_server.messages) == 3, USUAL), (
            "the e-mail waited behind the calendar"
        )
        assert json.loads(_helper(env, "status")) == {"sent": 3}
    finally:
        worker.kill()
        for child in _children(worker.pid):
            os.kill(child, signal.SIGKILL)
        worker.wait()


def test_sigterm_stops_the_worker_and_its_processes_within_seconds(
    tmp_path: Path,
    smtp_server: SmtpServer,
    dripping_server,
) -> None:
    url, hit = dripping_server
    env = _env(tmp_path, smtp_server)
    _helper(env, "calendar", url)
    worker = _worker(env)
    try:
        # Busy for good: the calendar process is inside a read that never ends.
        assert hit.wait(60)
        children = _children(worker.pid)
        assert len(children) == 3, "one process each for mail, calendars and webhooks"
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=15)
        assert _wait(lambda: not any(Path(f"/proc/{c}").exists() for c in children), 5)
    finally:
        if worker.poll() is None:
            worker.kill()
