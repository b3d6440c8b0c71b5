"""Takt in processes of its own: the tests that start, kill and restart workers share this.

Each process gets its own data folder (its own SQLite database) and none of the test
run's database or task backend, unless a test passes them in as settings.
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def process_env(data: Path, **settings: str) -> dict[str, str]:
    """The environment for a Takt process on the data folder `data`, with `settings` on top."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TAKT_TASKS_BACKEND")}
    env.update(
        TAKT_DATA_DIR=str(data),
        DJANGO_SETTINGS_MODULE="takt.settings",
        PYTHONPATH=str(REPO),
        **settings,
    )
    return env


def run_module(env: dict[str, str], module: str, *args: str, timeout: float = 120) -> str:
    """`python -m module args` to its end; its output, or the test fails with its errors."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
