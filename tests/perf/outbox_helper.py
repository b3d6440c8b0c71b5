"""Takt's database made ready from a process of its own, for the two-worker test.

    python -m tests.perf.outbox_helper setup     migrate; one team workspace
    python -m tests.perf.outbox_helper mail N [ROUND]    queue N messages in one transaction

The database comes from the environment (DATABASE_URL), as for `takt worker`.
"""

import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from takt.core.models import Workspace
    from takt.outbox.services import queue_message

    mode, *rest = argv
    if mode == "setup":
        call_command("migrate", verbosity=0)
        Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
        return 0
    workspace = Workspace.objects.get()
    round_ = rest[1] if len(rest) > 1 else "0"  # a new round queues new messages
    with transaction.atomic():  # a position filled: one burst, one kick
        for number in range(int(rest[0])):
            queue_message(
                workspace=workspace,
                kind="two-workers",
                recipient_name="Erik Lind",
                recipient_email=f"erik{number}@example.se",
                language="sv",
                subject=f"Meddelande {number}",
                text=f"Hej Erik!\n\nDet här är meddelande {number}.",
                key=f"two-workers|{round_}|{number}",
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
