"""`takt serve --with-worker` runs the web server and the worker, and Ctrl-C stops both."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"PPid:\t{pid}\n" in text:
            found.append(int(status.parent.name))
    return found


def test_ctrl_c_stops_the_web_server_and_the_worker(tmp_path: Path) -> None:
    port = _free_port()
    env = dict(os.environ, TAKT_DATA_DIR=str(tmp_path), TAKT_BIND=f"127.0.0.1:{port}")
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "takt.cli", "migrate", "-v0"], env=env, check=True)
    serve = subprocess.Popen(
        [sys.executable, "-m", "takt.cli", "serve", "--with-worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/") as answer:
                    assert answer.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or serve.poll() is not None:
                    pytest.fail("takt serve did not answer")
                time.sleep(0.3)
        children = _children(serve.pid)
        assert len(children) == 2, "the web server and the worker"
        serve.send_signal(signal.SIGINT)
        # communicate() waits for the output's end too: a grandchild left running would hold
        # the pipe open, and this fails after 30 s instead of hanging.
        output, _ = serve.communicate(timeout=30)
        assert serve.returncode == 0
        assert "Takt is running at" in output
        assert all(not Path(f"/proc/{child}").exists() for child in children)
    finally:
        if serve.poll() is None:
            serve.kill()


def test_migrate_creates_the_shared_cache_table(tmp_path: Path) -> None:
    import sqlite3

    env = dict(os.environ, TAKT_DATA_DIR=str(tmp_path))
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "takt.cli", "migrate", "-v0"], env=env, check=True)
    with sqlite3.connect(tmp_path / "takt.sqlite3") as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master")}
    assert "takt_cache" in tables
    assert "interviews_interview" in tables
