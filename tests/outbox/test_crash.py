"""A worker killed with SIGKILL in the middle of a batch: after a restart every message arrives,
each under one Message-ID.

The guarantee is at least once with the same identity, not exactly once: a
worker killed after the SMTP server accepted a message but before its row was
marked sent leaves the row SENDING, and the next worker sends it again with the
same Message-ID and the same content. The server here kills the worker at
exactly that moment, so the test sees the one duplicate the design allows and
checks that it is the same message.
"""

import os
import signal
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from tests.processes import REPO, process_env
from tests.servers import SmtpServer, _Handler, free_port, wait_for_port

COUNT = 1000
KILL_AT = 437  # the worker dies while the server is answering this message


class _KillingHandler(_Handler):
    """Accepts each message; on the KILL_AT-th, kills the worker before it hears the "250"."""

    def __init__(self, server: SmtpServer) -> None:
        super().__init__(server)
        self.worker_pid = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        if len(self.server.messages) == KILL_AT and self.worker_pid:
            os.kill(self.worker_pid, signal.SIGKILL)
        return reply


def _environment(data: Path, port: int) -> dict[str, str]:
    return process_env(
        data, TAKT_SMTP_HOST="127.0.0.1", TAKT_SMTP_PORT=str(port), TAKT_SMTP_STARTTLS="false"
    )


def _worker(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.outbox.crash_worker", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _statuses(data: Path) -> dict[str, int]:
    with sqlite3.connect(data / "takt.sqlite3") as db:
        return dict(db.execute("SELECT status, count(*) FROM outbox_message GROUP BY status"))


def test_a_worker_killed_mid_batch_loses_nothing_and_resends_under_the_same_id(
    tmp_path: Path,
) -> None:
    state = SmtpServer(host="127.0.0.1", port=free_port())
    handler = _KillingHandler(state)
    controller = Controller(handler, hostname=state.host, port=state.port)
    controller.start()
    try:
        wait_for_port(state.port)
        env = _environment(tmp_path, state.port)
        setup = _worker(env, "setup", str(COUNT))
        assert setup.wait(timeout=300) == 0, setup.stderr.read() if setup.stderr else ""

        first = _worker(env, "work", "300")
        handler.worker_pid = first.pid
        first.wait(timeout=300)
        assert first.returncode == -signal.SIGKILL
        assert len(state.messages) == KILL_AT
        left = _statuses(tmp_path)
        assert left["sent"] == KILL_AT - 1  # the last one reached the server, not the database
        assert (
            left["sending"] >= 1 and left["sending"] + left.get("queued", 0) == COUNT - left["sent"]
        )

        # The restart comes after the dead worker's lease ran out (0 s here).
        handler.worker_pid = 0
        second = _worker(env, "work", "0")
        out, err = second.communicate(timeout=300)
        assert second.returncode == 0, err.decode()
        assert out.decode().strip() == f"sent {COUNT - KILL_AT + 1}"
    finally:
        controller.stop()

    copies: dict[str, list[bytes]] = defaultdict(list)
    for message in state.messages:
        body = message.get_body(("plain",))
        assert body is not None
        fingerprint = "\n".join(
            [str(message["Subject"]), str(message["To"]), str(message["Date"]), body.get_content()]
        )
        copies[str(message["Message-ID"])].append(fingerprint.encode())
    assert len(copies) == COUNT
    repeated = {ident: texts for ident, texts in copies.items() if len(texts) > 1}
    # Exactly the message in flight when the worker died came twice, identical both times.
    assert len(repeated) == 1
    [(ident, texts)] = repeated.items()
    assert len(texts) == 2 and texts[0] == texts[1]
    assert ident == str(state.messages[KILL_AT - 1]["Message-ID"])
    assert _statuses(tmp_path) == {"sent": COUNT}


def test_takt_worker_delivers_what_was_queued(tmp_path: Path) -> None:
    """The whole path: queue_message enqueues the task, `takt worker --batch` runs it."""
    state = SmtpServer(host="127.0.0.1", port=free_port())
    controller = Controller(_Handler(state), hostname=state.host, port=state.port)
    controller.start()
    try:
        wait_for_port(state.port)
        env = _environment(tmp_path, state.port)
        setup = _worker(env, "setup", "3")
        assert setup.wait(timeout=300) == 0
        worker = subprocess.run(
            [str(Path(sys.executable).with_name("takt")), "worker", "--batch"],
            cwd=REPO,
            env=env,
            capture_output=True,
            timeout=300,
        )
        assert worker.returncode == 0, worker.stderr.decode()
    finally:
        controller.stop()
    assert sorted(m["Subject"] for m in state.messages) == [f"Meddelande {n}" for n in range(3)]
    assert _statuses(tmp_path) == {"sent": 3}
