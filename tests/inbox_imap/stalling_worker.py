"""`takt worker --queue inbox`, made to stop dead at one point of a poll so a test can kill it.

    python -m tests.inbox_imap.stalling_worker after-commit N MARKER
        stalls once the Nth receive() of this process has committed, before \\Seen is set
    python -m tests.inbox_imap.stalling_worker mid-read N MARKER
        stalls inside the Nth reading's transaction, before it commits

At that point it writes MARKER and waits for ever, for the test's SIGKILL. Everything
else is the real worker: the command, its task loop, the poll, receive(), the database.
"""

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _stall_at(count: int, marker: Path, call: Callable[..., Any], *, after: bool):
    calls = 0

    def stalling(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if not after and calls == count:
            _stall(marker)
        result = call(*args, **kwargs)
        if after and calls == count:
            _stall(marker)
        return result

    return stalling


def _stall(marker: Path) -> None:
    marker.write_text(str(os.getpid()))
    threading.Event().wait()


def main(argv: list[str]) -> None:
    mode, count, marker = argv[0], int(argv[1]), Path(argv[2])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
    import django

    django.setup()
    from django.core.management import execute_from_command_line

    from takt.inbox import imap, receive

    if mode == "after-commit":
        imap.receive = _stall_at(count, marker, imap.receive, after=True)
    else:
        receive.read_words = _stall_at(count, marker, receive.read_words, after=False)
    execute_from_command_line(["takt", "takt_worker", "--queue", "inbox", "--interval", "0.2"])


if __name__ == "__main__":
    main(sys.argv[1:])
