"""Each event becomes one delivery per endpoint that wants it, in the event's own transaction."""

from typing import Any

from django.db import connection, transaction

from takt.core import events
from takt.core.models import Event
from takt.webhooks.models import Delivery, Endpoint
from takt.webhooks.tasks import kick


def fan_out(sender: Any, event: Event, **_: Any) -> None:
    wanted = [
        endpoint
        for endpoint in Endpoint.objects.filter(workspace_id=event.workspace_id, enabled=True)
        if event.kind in endpoint.events
    ]
    if not wanted:
        return
    Delivery.objects.bulk_create(
        Delivery(
            event=event,
            endpoint=endpoint,
            stream=event.stream,
            next_attempt_at=event.occurred_at,
            created_at=event.occurred_at,
        )
        for endpoint in wanted
    )
    # One kick per transaction is enough: the task delivers until nothing is due.
    if not any(entry[1] is kick for entry in connection.run_on_commit):
        transaction.on_commit(kick)


events.recorded.connect(fan_out, dispatch_uid="takt.webhooks.fan_out")
