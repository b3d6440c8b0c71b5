"""`takt worker --queue webhooks` SIGKILLed mid-batch of 1,000 events: none lost, same ids again.

The worker, the receiver and the set-up each run in a process of their own on a
SQLite file, as in production; the receiver verifies every post with the
standardwebhooks library against the real clock, and writes what it accepted.
"""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from takt.webhooks.signing import new_secret
from tests.processes import REPO, process_env, run_module
from tests.servers import free_port, wait_for_port

COUNT = 1000


def _env(data: Path) -> dict[str, str]:
    return process_env(data, TAKT_OUTBOUND_ALLOW="127.0.0.0/8")


def _helper(env: dict[str, str], *args: str) -> str:
    return run_module(env, "tests.webhooks.helper", *args)


def _wait(condition: Callable[[], bool], limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def receiver_process(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """A verifying receiver in its own process: (url, secret, file of what it accepted)."""
    port, secret, accepted = free_port(), new_secret(), tmp_path / "accepted.jsonl"
    accepted.touch()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.webhooks.receiver", str(port), secret, str(accepted)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/hooks", secret, accepted
    finally:
        process.kill()
        process.wait()


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "takt.cli", "worker", "--queue", "webhooks", "--interval", "0.2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")]


def test_a_worker_killed_mid_batch_loses_nothing_and_resends_with_the_same_id(
    tmp_path: Path, receiver_process: tuple[str, str, Path]
) -> None:
    url, secret, accepted = receiver_process
    env = _env(tmp_path / "data")
    _helper(env, "setup", url, secret)
    _helper(env, "events", str(COUNT))
    worker = _worker(env)
    try:
        assert _wait(lambda: len(_lines(accepted)) >= 300, 120), "the worker posted nothing"
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    before = json.loads(_helper(env, "status"))
    assert before["states"].get("sending", 0) > 0, "the kill came after the batch, not during it"
    assert len(_lines(accepted)) < COUNT + 200

    # The dead worker's lease runs out; another worker takes its rows over.
    _helper(env, "lapse")
    again = _worker(env)
    try:
        _helper(env, "kick")
        finished = _wait(
            lambda: json.loads(_helper(env, "status"))["states"] == {"delivered": COUNT}, 120
        )
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(15)
    assert finished, json.loads(_helper(env, "status"))["states"]
    ids = json.loads(_helper(env, "status"))["ids"]
    got = _lines(accepted)
    seen = Counter(line["id"] for line in got)
    assert set(seen) == set(ids), "an event was lost"
    twice = [message for message, times in seen.items() if times > 1]
    assert twice, "nothing was in flight at the kill"
    # What came twice came under the same webhook-id with the same body.
    for message in twice:
        bodies = {json.dumps(line["body"], sort_keys=True) for line in got if line["id"] == message}
        assert len(bodies) == 1
