"""`takt worker`: runs queued tasks, one process per queue, and enqueues the periodic ones.

Mail and calendars run apart: a calendar server that answers one byte at a time
holds up its own process, never the e-mail a recruiter just queued. The parent
process enqueues the periodic jobs (the delivery sweep, the calendar refresh,
the mailbox poll) on a timer and watches its children; on SIGTERM or Ctrl-C it
passes the signal on, lets each child finish its task for a few seconds, then
stops what is left.

`takt worker --queue mail` runs one queue in this process alone (what the
children are); `--batch` runs what is due and stops.
"""

import signal
import subprocess
import sys
import threading
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from takt import periodic

# Which queues share a process: mail with the short jobs; apart from it the ones that wait on
# other people's servers: calendars with the IMAP mailbox poll, and webhooks alone.
PROCESSES = (("mail", "default"), ("calendars", "inbox"), ("webhooks",))
GRACE_SECONDS = 5.0


class Command(BaseCommand):
    help = "Run the background worker (e-mail, calendars, the IMAP mailbox, webhooks)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=2.0)
        parser.add_argument("--batch", action="store_true", help="run what is due, then stop")
        parser.add_argument(
            "--queue", action="append", default=[], help="run only this queue, in this process"
        )

    def handle(
        self,
        *args: Any,
        interval: float = 2.0,
        batch: bool = False,
        queue: list[str] | None = None,
        **opts: Any,
    ) -> None:
        if batch:
            periodic.enqueue_due()
            call_command("db_worker", batch=True, interval=0.1, queue_name="*")
            return
        if queue:
            call_command("db_worker", interval=interval, queue_name=",".join(queue))
            return
        _supervise(interval)


def _supervise(interval: float) -> None:
    # The handlers come first: a stop that arrived while the children were being started
    # used to kill this process with the default action and leave those children running,
    # orphaned, holding whatever pipe they inherited.
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    children: list[subprocess.Popen[bytes]] = []
    try:
        for names in PROCESSES:
            if stop.is_set():
                break
            children.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "takt.cli",
                        "worker",
                        "--interval",
                        str(interval),
                        *(arg for name in names for arg in ("--queue", name)),
                    ]
                )
            )
        while not stop.is_set() and all(child.poll() is None for child in children):
            periodic.enqueue_due()
            stop.wait(1.0)
    finally:
        _stop(children)


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM each child (it finishes its task), SIGKILL whoever is still busy after the grace.

    A killed delivery leaves its rows to the lease and a killed calendar refresh is
    simply done again on the next round, so nothing is lost by not waiting longer.
    """
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
