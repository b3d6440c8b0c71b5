"""The worker polls the mailbox; a reply is read once even when the worker is SIGKILLed mid-poll.

Real processes against a real Dovecot: the worker (`takt worker`) polls the mailbox
the TAKT_IMAP_* environment names. Twice it is killed at the worst moments a poll
has (tests/inbox_imap/stalling_worker.py stops it there): right after a reading
committed but before the mail was marked \\Seen, and inside a reading's transaction.
Then an ordinary `takt worker --batch` finishes the job. Every mail ends up read
exactly once, and every mail seen.
"""

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.imap_server import Dovecot
from tests.inbox_imap import mails
from tests.processes import REPO, process_env, run_module

# How long a worker that is up may take to reach the point where it stalls.
USUAL = 60.0
IDS = [f"reply-{n}@mail.example.se" for n in range(1, 5)]


def _env(data: Path, dovecot: Dovecot) -> dict[str, str]:
    return process_env(data, TAKT_REPLY_DOMAIN="svar.takt.example", **dovecot.settings("none"))


def _run(env: dict[str, str], *args: str) -> str:
    return run_module(env, *args, timeout=180)


def _status(env: dict[str, str]) -> dict:
    return json.loads(_run(env, "tests.inbox_imap.helper", "status"))


def _wait(condition: Callable[[], bool], limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _killed_at(env: dict[str, str], tmp_path: Path, mode: str, count: int) -> None:
    """Queue a poll, start a worker that stalls at `mode`, and SIGKILL it there."""
    _run(env, "tests.inbox_imap.helper", "poll")
    marker = tmp_path / f"stalled-{mode}"
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.inbox_imap.stalling_worker", mode, str(count), str(marker)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait(marker.exists, USUAL), f"the worker never reached {mode}"
        worker.send_signal(signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def test_every_mail_is_read_exactly_once_across_killed_workers(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    env = _env(tmp_path, dovecot)
    offer = json.loads(_run(env, "tests.inbox_imap.helper", "offer"))
    for message_id in IDS:
        reply = mails.gmail_swedish(
            offer["to"], "Den andra tiden passar bra.", message_id=message_id
        )
        dovecot.deliver(reply.raw)

    # Killed after the second reading committed, before that mail was marked seen.
    _killed_at(env, tmp_path, "after-commit", 2)
    assert [m[0] for m in _status(env)["mails"]] == IDS[:2]
    assert dovecot.flags() == [{r"\Seen"}, set(), set(), set()]

    # Killed inside a reading's transaction: mail 2 comes again (nothing is read), mail 3
    # is read and seen, and the fourth is stopped before its row commits.
    _killed_at(env, tmp_path, "mid-read", 2)
    assert [m[0] for m in _status(env)["mails"]] == IDS[:3]
    assert dovecot.flags() == [{r"\Seen"}] * 3 + [set()]

    # An ordinary worker, started again, enqueues its periodic poll and finishes.
    _run(env, "takt.cli", "worker", "--batch")

    status = _status(env)
    assert [m[0] for m in status["mails"]] == IDS
    assert all(m[1] == "read" and m[2] == offer["change"] for m in status["mails"])
    assert status["readings"] == len(IDS)
    assert dovecot.flags() == [{r"\Seen"}] * len(IDS)


def test_the_worker_polls_the_mailbox_by_itself(tmp_path: Path, dovecot: Dovecot) -> None:
    """`takt worker` as run in production: its supervisor enqueues the poll, a child runs it."""
    env = _env(tmp_path, dovecot)
    offer = json.loads(_run(env, "tests.inbox_imap.helper", "offer"))
    dovecot.deliver(mails.gmail_swedish(offer["to"], "Den första.", message_id=IDS[0]).raw)
    worker = subprocess.Popen(
        [sys.executable, "-m", "takt.cli", "worker", "--interval", "0.5"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait(lambda: dovecot.flags() == [{r"\Seen"}], USUAL), "the mailbox was not polled"
        assert _status(env)["mails"] == [[IDS[0], "read", offer["change"]]]
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
