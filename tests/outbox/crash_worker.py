"""The outbox worker as a process of its own, for the crash tests.

    python -m tests.outbox.crash_worker setup COUNT   migrate and queue COUNT messages
    python -m tests.outbox.crash_worker work LEASE_S  deliver until nothing is due

The database and the mail server come from the environment (TAKT_DATA_DIR,
TAKT_SMTP_HOST, TAKT_SMTP_PORT), as for `takt worker`.
"""

import os
import sys
from datetime import timedelta


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
    import django

    django.setup()
    mode, value = argv
    if mode == "setup":
        _setup(int(value))
        return 0
    from takt.outbox.delivery import deliver_due_messages

    sent = deliver_due_messages(lease=timedelta(seconds=float(value)))
    print(f"sent {sent}")
    return 0


def _setup(count: int) -> None:
    from django.core.management import call_command
    from django.db import transaction

    from takt.core.models import Workspace
    from takt.outbox.services import queue_message

    call_command("migrate", verbosity=0)
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    with transaction.atomic():
        for number in range(count):
            queue_message(
                workspace=workspace,
                kind="crash-test",
                recipient_name="Erik Lind",
                recipient_email=f"erik{number}@example.se",
                language="sv",
                subject=f"Meddelande {number}",
                text=f"Hej Erik!\n\nDet här är meddelande {number}.",
                key=f"crash|{number}",
            )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
