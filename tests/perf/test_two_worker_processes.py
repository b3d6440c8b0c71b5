"""Two `takt worker` processes on one PostgreSQL and 2,000 messages: each arrives exactly once.

The workers are real processes (each with its mail and calendar children) against a
database of their own, sending to a real SMTP server. PostgreSQL only: that is where
several workers run in production, and SQLite's single writer would serialise them.
"""

import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import REPO, process_env, run_module
from tests.servers import SmtpServer, smtp_server  # noqa: F401 (fixture)

COUNT = 2000
URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not URL.startswith("postgres"), reason="needs DATABASE_URL=postgresql://... (two workers)"
)


@pytest.fixture
def database() -> Iterator[str]:
    """A database of this test's own, dropped afterwards: the workers see only what it queues."""
    import psycopg

    admin = URL.rsplit("/", 1)[0] + "/postgres"
    name = f"takt_workers_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    try:
        yield URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def _env(tmp_path: Path, url: str, smtp: SmtpServer) -> dict[str, str]:
    return process_env(
        tmp_path,
        DATABASE_URL=url,
        TAKT_SMTP_HOST=smtp.host,
        TAKT_SMTP_PORT=str(smtp.port),
        TAKT_SMTP_STARTTLS="false",
    )


def _helper(env: dict[str, str], *args: str) -> None:
    run_module(env, "tests.perf.outbox_helper", *args, timeout=300)


def test_two_workers_deliver_every_message_exactly_once(
    tmp_path: Path,
    smtp_server: SmtpServer,  # noqa: F811
    database: str,
) -> None:
    env = _env(tmp_path, database, smtp_server)
    _helper(env, "setup")
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "takt.cli", "worker", "--interval", "0.2"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        _helper(env, "mail", str(COUNT))
        deadline = time.monotonic() + 240
        while len(smtp_server.messages) < COUNT and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)  # a second copy would arrive now, if any worker were to send one
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    arrived = Counter(message["Message-ID"] for message in smtp_server.messages)
    assert len(arrived) == COUNT
    assert max(arrived.values()) == 1
    assert sorted(m["Subject"] for m in smtp_server.messages) == sorted(
        f"Meddelande {n}" for n in range(COUNT)
    )
