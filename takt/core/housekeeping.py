"""Housekeeping: the worker's own bookkeeping does not grow without end.

Every sweep (the outbox's every 30 s, the webhooks' every 5 s, the mailbox
poll) leaves a finished task result in the database. Kept for ever, that is
tens of thousands of rows a day, and the queries that look for waiting tasks
walk past them. Finished results older than TAKT_TASK_RESULTS_DAYS go once
an hour; what a person reads (the audit, the outbox, replies) is never touched.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from takt import periodic

EVERY_SECONDS = 60 * 60


def forget_finished_tasks(*, now: datetime | None = None) -> int:
    """Delete finished task results older than the setting; how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.TAKT_TASK_RESULTS_DAYS)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


@task(queue_name="default")
def tidy() -> int:
    return forget_finished_tasks()


@periodic.every(EVERY_SECONDS, "core.tidy")
def sweep() -> object:
    return tidy.enqueue()
