"""The worker's finished task results are kept TAKT_TASK_RESULTS_DAYS, then forgotten."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from takt import periodic
from takt.core.housekeeping import forget_finished_tasks
from takt.outbox.tasks import deliver_due

pytestmark = pytest.mark.django_db


def _result(status: str, finished_days_ago: int | None) -> str:
    result = deliver_due.enqueue()
    finished = None if finished_days_ago is None else timezone.now() - timedelta(finished_days_ago)
    DBTaskResult.objects.filter(id=result.id).update(status=status, finished_at=finished)
    return str(result.id)


def test_finished_results_older_than_the_setting_go_and_the_rest_stay(settings):
    settings.TAKT_TASK_RESULTS_DAYS = 7
    old_done = _result("SUCCESSFUL", 8)
    old_failed = _result("FAILED", 30)
    recent = _result("SUCCESSFUL", 6)
    waiting = _result("READY", None)

    assert forget_finished_tasks() == 2

    left = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert left == {recent, waiting}
    assert old_done not in left and old_failed not in left


def test_the_housekeeping_is_a_periodic_job_of_the_worker():
    names = {job.name for job in periodic.JOBS}

    assert {"core.tidy", "webhooks.tidy"} <= names
