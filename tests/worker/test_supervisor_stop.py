"""A stop that reaches `takt worker` while it is still starting its children stops them too.

Before, the signal handlers were installed after the children were started, so a
SIGTERM in between killed the supervisor and left the first child running,
orphaned (it kept `takt serve`'s output pipe open and the test of Ctrl-C hung).
"""

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import os, signal, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
django.setup()
from takt.core.management.commands import takt_worker

class Child:
    def __init__(self):
        self.signals = []
    def poll(self):
        return None if not self.signals else -signal.SIGTERM
    def send_signal(self, signum):
        self.signals.append(signum)
    def wait(self, timeout=None):
        return -signal.SIGTERM
    def kill(self):
        self.signals.append(signal.SIGKILL)

started = []

def popen(args):
    child = Child()
    started.append(child)
    if len(started) == 1:
        # The stop arrives while the first child is being started.
        os.kill(os.getpid(), signal.SIGTERM)
    return child

takt_worker.subprocess.Popen = popen
takt_worker._supervise(0.1)
print("started", len(started), "stopped", sum(signal.SIGTERM in c.signals for c in started))
"""


def test_a_stop_during_the_start_stops_every_child_started(tmp_path: Path) -> None:
    env = dict(os.environ, TAKT_DATA_DIR=str(tmp_path))
    env.pop("DATABASE_URL", None)

    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["started", "1", "stopped", "1"]
