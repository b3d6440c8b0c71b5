"""One thread that fires every exchange's deadline.

A threading.Timer per request started and stopped a thread for every post: about
100 µs each, more than a whole post to a receiver nearby. Here one daemon
thread sleeps until the earliest deadline; a cancelled alarm is only marked
and dropped when it comes up.
"""

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(order=True)
class Alarm:
    at: float
    order: int
    fire: Callable[[], None] | None = field(compare=False)

    def cancel(self) -> None:
        self.fire = None


class _Clock:
    def __init__(self) -> None:
        self._due: list[Alarm] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def after(self, seconds: float, fire: Callable[[], None]) -> Alarm:
        alarm = Alarm(time.monotonic() + max(seconds, 0.0), next(self._order), fire)
        with self._wake:
            heapq.heappush(self._due, alarm)
            if self._thread is None or not self._thread.is_alive():
                # Started on first use, and again in a child process after a fork.
                self._thread = threading.Thread(target=self._run, name="takt-deadlines")
                self._thread.daemon = True
                self._thread.start()
            if self._due[0] is alarm:
                self._wake.notify()
        return alarm

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._due and self._due[0].fire is None:
                    heapq.heappop(self._due)
                if not self._due:
                    self._wake.wait()
                    continue
                wait = self._due[0].at - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                alarm = heapq.heappop(self._due)
                fire, alarm.fire = alarm.fire, None
            if fire is not None:
                fire()  # outside the lock: firing takes the watchdog's own lock


_CLOCK = _Clock()


def after(seconds: float, fire: Callable[[], None]) -> Alarm:
    """Call `fire` once, on the shared thread, `seconds` from now, unless cancelled first."""
    return _CLOCK.after(seconds, fire)
