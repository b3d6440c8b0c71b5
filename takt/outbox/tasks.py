"""The outbox's background task: send what is due, on every queueing and on a timer."""

from django.tasks import task

from takt import periodic
from takt.outbox.delivery import deliver_due_messages

SWEEP_SECONDS = 30


@task(queue_name="mail")
def deliver_due() -> int:
    """Send every due message; the count sent is kept as the task's result."""
    return deliver_due_messages()


@periodic.every(SWEEP_SECONDS, "outbox.deliver_due")
def sweep() -> object:
    # Retries fall due with no new queueing to trigger them, and a kick enqueued
    # while no worker ran is one task among many: the sweep catches both.
    return deliver_due.enqueue()
