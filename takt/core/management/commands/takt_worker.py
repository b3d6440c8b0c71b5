"""`takt worker`: runs queued tasks, and enqueues the periodic ones on a timer.

The django-tasks-db worker runs what is enqueued; the periodic jobs (sending due
e-mail, refreshing calendars) are enqueued here, every `interval` seconds, from
the modules that register them in takt.periodic.
"""

import threading
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from takt import periodic


class Command(BaseCommand):
    help = "Run the background worker (e-mail, calendars)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=5.0)
        parser.add_argument("--batch", action="store_true", help="run what is due, then stop")

    def handle(self, *args: Any, interval: float = 5.0, batch: bool = False, **opts: Any) -> None:
        stop = threading.Event()
        periodic.enqueue_due()
        if batch:
            call_command("db_worker", batch=True, interval=0.1)
            return
        ticker = threading.Thread(target=periodic.run_forever, args=(stop,), daemon=True)
        ticker.start()
        try:
            call_command("db_worker", interval=interval)
        finally:
            stop.set()
