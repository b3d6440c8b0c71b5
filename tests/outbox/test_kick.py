"""A burst of messages wakes the worker once, not once per message."""

import pytest
from django_tasks_db.models import DBTaskResult

from takt.outbox.tasks import deliver_due


@pytest.mark.django_db
def test_a_burst_of_messages_queues_one_delivery_task(
    queue, django_capture_on_commit_callbacks
) -> None:
    for number in range(40):
        with django_capture_on_commit_callbacks(execute=True):
            queue(1, tag=f"burst{number}-")
    waiting = DBTaskResult.objects.ready().filter(task_path=deliver_due.module_path)
    assert waiting.count() == 1


@pytest.mark.django_db
def test_a_running_delivery_does_not_stop_the_next_kick(
    queue, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue(1, tag="first-")
    # The worker has started that task: it may already have passed its last look.
    DBTaskResult.objects.update(status="RUNNING")
    with django_capture_on_commit_callbacks(execute=True):
        queue(1, tag="second-")
    assert DBTaskResult.objects.filter(task_path=deliver_due.module_path).count() == 2
