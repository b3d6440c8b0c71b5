"""Two `takt worker` processes against one: messages a second at the SMTP server.

Each round starts the workers, lets them settle, queues COUNT messages in one
transaction (one burst, as a filled position makes) and counts arrivals at an SMTP
server in a process of its own; throughput is the messages between the first and
the last arrival over that time. PostgreSQL when TAKT_BENCH_POSTGRES (or the
default local server) answers, in a temporary database; SQLite otherwise.
"""

import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

COUNT = 2000
POSTGRES = os.environ.get("TAKT_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
REPO = Path(__file__).resolve().parents[1]


def run() -> dict[str, dict[str, Any]]:
    name = f"takt_bench_{uuid.uuid4().hex[:8]}"
    url = ""
    try:
        _admin(f'CREATE DATABASE "{name}"')
        url = POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    except Exception as error:  # no server: SQLite, and say so
        print(f"workers bench on SQLite: {error}")
    try:
        with tempfile.TemporaryDirectory(prefix="takt-workers-bench-") as data:
            one, two = _rates(data, url)
    finally:
        if url:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return {
        "outbox_1worker_per_s": {"value": round(one, 1), "unit": "msg/s"},
        "outbox_2workers_per_s": {"value": round(two, 1), "unit": "msg/s"},
        "outbox_2workers_ratio": {"value": round(two / one, 2), "unit": "ratio"},
    }


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[arg-type]


def _rates(data: str, url: str) -> tuple[float, float]:
    sink = _Sink()
    try:
        env = {k: v for k, v in os.environ.items() if k != "TAKT_TASKS_BACKEND"}
        env.pop("DATABASE_URL", None)
        if url:
            env["DATABASE_URL"] = url
        env.update(
            TAKT_DATA_DIR=data,
            DJANGO_SETTINGS_MODULE="takt.settings",
            TAKT_SMTP_HOST="127.0.0.1",
            TAKT_SMTP_PORT=str(sink.port),
            TAKT_SMTP_STARTTLS="false",
            PYTHONPATH=str(REPO),
        )
        _helper(env, "setup")
        return _round(env, sink, 1, "one"), _round(env, sink, 2, "two")
    finally:
        sink.stop()


def _round(env: dict[str, str], sink: "_Sink", workers: int, name: str) -> float:
    sink.reset()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "takt.cli", "worker", "--interval", "0.2"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        time.sleep(5)  # up and idle, so start-up is not counted
        _helper(env, "mail", str(COUNT), name)
        deadline = time.monotonic() + 600
        while sink.count.value < COUNT and time.monotonic() < deadline:
            time.sleep(0.2)
        if sink.count.value != COUNT:
            raise AssertionError(f"{workers} workers delivered {sink.count.value} of {COUNT}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
    return (COUNT - 1) / (sink.last.value - sink.first.value)


def _helper(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "tests.perf.outbox_helper", *args],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )


def _serve(port: int, sink: Any, ready: Any, stop: Any) -> None:
    import logging

    from aiosmtpd.controller import Controller

    class Counting:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            now = time.monotonic()
            with sink.count.get_lock():
                if sink.count.value == 0:
                    sink.first.value = now
                sink.count.value += 1
                sink.last.value = now
            return "250 Message accepted"

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    controller = Controller(Counting(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


class _Sink:
    """An SMTP server in a process of its own: how many arrived, the first and the last when."""

    def __init__(self) -> None:
        from tests.servers import free_port, wait_for_port

        self.port = free_port()
        self.count = multiprocessing.Value("i", 0)
        self.first = multiprocessing.Value("d", 0.0)
        self.last = multiprocessing.Value("d", 0.0)
        ready, self._stop = multiprocessing.Event(), multiprocessing.Event()
        self._process = multiprocessing.Process(
            target=_serve, args=(self.port, self, ready, self._stop), daemon=True
        )
        self._process.start()
        ready.wait(30)
        wait_for_port(self.port)

    def reset(self) -> None:
        with self.count.get_lock():
            self.count.value = 0

    def stop(self) -> None:
        self._stop.set()
        self._process.join(10)


if __name__ == "__main__":
    for name, figure in run().items():
        print(f"{name}: {figure['value']} {figure['unit']}")
