"""The webhooks' background task: post what is due, on every new event and on a timer.

It runs on a queue of its own ("webhooks"), in a process of its own under
`takt worker`: a receiver that takes its full timeout holds up no e-mail.
"""

import logging

from django.tasks import task, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from takt import periodic
from takt.webhooks.delivery import deliver_due

log = logging.getLogger(__name__)

SWEEP_SECONDS = 5


@task(queue_name="webhooks")
def deliver() -> int:
    """Post every due delivery; the count delivered is kept as the task's result."""
    return deliver_due()


def kick() -> None:
    """Ask the worker to post now, unless a delivery task is already waiting to start."""
    try:
        backend = task_backends["default"]
        waiting = isinstance(backend, DatabaseBackend) and (
            DBTaskResult.objects.ready().filter(task_path=deliver.module_path).exists()
        )
        if not waiting:
            deliver.enqueue()
    except Exception:  # the deliveries are safe in their rows; the sweep will post them
        log.exception("could not enqueue webhook delivery")


@periodic.every(SWEEP_SECONDS, "webhooks.deliver")
def sweep() -> object:
    # Retries fall due with no new event to trigger them.
    kick()
    return None
