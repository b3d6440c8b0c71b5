"""The webhooks' background task: post what is due, on every new event and on a timer.

It runs on a queue of its own ("webhooks"), in a process of its own under
`takt worker`: a receiver that takes its full timeout holds up no e-mail.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.tasks import task, task_backends
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from takt import periodic
from takt.core.models import Event
from takt.webhooks.delivery import deliver_due
from takt.webhooks.models import Delivery

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


def forget_old_deliveries(*, now: datetime | None = None) -> int:
    """Deliveries finished longer ago than TAKT_WEBHOOK_LOG_DAYS go, with their attempts.

    The log page shows what is kept; an event none of whose deliveries is left goes too.
    A delivery still waiting is never touched: a later event of its interview waits on it.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.TAKT_WEBHOOK_LOG_DAYS)
    done = Delivery.objects.exclude(state__in=Delivery.UNFINISHED).filter(finished_at__lt=cutoff)
    deleted, _ = done.delete()
    orphans = Event.objects.filter(occurred_at__lt=cutoff).exclude(
        pk__in=Delivery.objects.values("event_id")
    )
    gone, _ = orphans.delete()
    return deleted + gone


@task(queue_name="webhooks")
def tidy() -> int:
    return forget_old_deliveries()


@periodic.every(60 * 60, "webhooks.tidy")
def tidy_sweep() -> object:
    return tidy.enqueue()
