"""Periodic background jobs: each app registers a task and how often it is due."""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    every: float  # seconds
    enqueue: Callable[[], object]
    last: float = field(default=0.0)


JOBS: list[Job] = []


def every(seconds: float, name: str) -> Callable[[Callable[[], object]], Callable[[], object]]:
    def register(enqueue: Callable[[], object]) -> Callable[[], object]:
        JOBS.append(Job(name, seconds, enqueue))
        return enqueue

    return register


def enqueue_due(now: float | None = None) -> None:
    moment = time.monotonic() if now is None else now
    for job in JOBS:
        if job.last == 0.0 or moment - job.last >= job.every:
            job.last = moment
            try:
                job.enqueue()
            except Exception:  # a broken job must not stop the others
                log.exception("could not enqueue %s", job.name)


def run_forever(stop: threading.Event, tick: float = 1.0) -> None:
    while not stop.wait(tick):
        enqueue_due()
