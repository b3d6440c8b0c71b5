"""Takt's database set up from a process of its own, for the webhook worker tests.

    python -m tests.webhooks.helper setup URL SECRET   migrate; a team with an endpoint at URL
    python -m tests.webhooks.helper events N           N events over 20 interviews, one transaction
    python -m tests.webhooks.helper lapse              every lease runs out (a dead worker's rows)
    python -m tests.webhooks.helper kick               queue a delivery task
    python -m tests.webhooks.helper status             deliveries by state, and the event ids

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
    {"setup": _setup, "events": _events, "lapse": _lapse, "kick": _kick, "status": _status}[mode](
        *rest
    )
    return 0


def _setup(url: str, secret: str) -> None:
    from django.core.management import call_command

    from takt.core.events import KINDS
    from takt.core.models import Workspace
    from takt.webhooks.models import Endpoint

    call_command("migrate", verbosity=0)
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Endpoint.objects.create(workspace=workspace, url=url, events=list(KINDS), secret=secret)


def _events(count: str) -> None:
    from django.db import transaction

    from takt.core import events
    from takt.core.models import Workspace

    workspace = Workspace.objects.get()
    with transaction.atomic():
        for number in range(int(count)):
            events.record(
                "change.opened",
                {"number": number},
                workspace=workspace,
                stream=f"interview:{number % 20}",
            )


def _lapse() -> None:
    from takt.webhooks.delivery import LEASE
    from takt.webhooks.models import Delivery

    for delivery in Delivery.objects.filter(state=Delivery.State.SENDING):
        Delivery.objects.filter(pk=delivery.pk).update(claimed_at=delivery.claimed_at - LEASE)


def _kick() -> None:
    from takt.webhooks.tasks import deliver

    deliver.enqueue()


def _status() -> None:
    from django.db.models import Count

    from takt.core.models import Event
    from takt.webhooks.models import Delivery

    states = dict(Delivery.objects.values_list("state").annotate(n=Count("pk")))
    ids = list(Event.objects.order_by("pk").values_list("public_id", flat=True))
    print(json.dumps({"states": states, "ids": ids}))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
