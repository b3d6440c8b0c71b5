"""Takt's database set up from a process of its own, for the worker tests.

    python -m tests.worker.helper calendar URL   migrate; a calendar at URL; its refresh queued
    python -m tests.worker.helper mail N         queue N messages (the worker is kicked)
    python -m tests.worker.helper status         print the outbox's statuses as JSON

The database comes from the environment (TAKT_DATA_DIR), as for `takt worker`.
"""

import json
import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
    import django

    django.setup()
    mode, *rest = argv
    {"calendar": _calendar, "mail": _mail, "status": _status}[mode](*rest)
    return 0


def _calendar(url: str) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from takt.calendars.models import CalendarSource
    from takt.calendars.tasks import refresh_all
    from takt.core.models import Membership, Workspace

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("anna", password="secret-pass-123")
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    CalendarSource.objects.create(workspace=workspace, owner=user, kind="ics_url", url=url)
    refresh_all.enqueue()


def _mail(count: str) -> None:
    from django.db import transaction

    from takt.core.models import Workspace
    from takt.outbox.services import queue_message

    workspace = Workspace.objects.get()
    with transaction.atomic():
        for number in range(int(count)):
            queue_message(
                workspace=workspace,
                kind="worker-test",
                recipient_name="Erik Lind",
                recipient_email=f"erik{number}@example.se",
                language="sv",
                subject=f"Meddelande {number}",
                text=f"Hej Erik!\n\nDet här är meddelande {number}.",
                key=f"worker|{number}",
            )


def _status() -> None:
    from django.db.models import Count

    from takt.outbox.models import Message

    counts = Message.objects.values_list("status").annotate(n=Count("pk"))
    print(json.dumps(dict(counts)))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
