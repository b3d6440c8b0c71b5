"""The worker's periodic refresh of every calendar."""

import pytest
from django.tasks import TaskResultStatus

from takt import periodic
from takt.calendars.models import CalendarSource
from takt.calendars.services import add_source
from takt.calendars.tasks import enqueue_refresh, refresh_all
from tests.calendars.conftest import calendar, event, utc

pytestmark = pytest.mark.django_db


def test_refresh_is_registered_every_15_minutes() -> None:
    jobs = [job for job in periodic.JOBS if job.name == "calendars.refresh"]
    assert len(jobs) == 1
    assert jobs[0].every == 15 * 60
    assert jobs[0].enqueue is enqueue_refresh


def test_enqueueing_queues_the_refresh_task() -> None:
    result = enqueue_refresh()
    assert result.task.name == refresh_all.name  # type: ignore[attr-defined]
    assert result.status == TaskResultStatus.READY  # type: ignore[attr-defined]


def test_refresh_all_reads_every_source_and_one_broken_stops_none(team) -> None:
    sources = []
    for user in (team["recruiter"], team["colleague"]):
        source, _ = add_source(
            workspace=team["workspace"],
            owner=user,
            kind="ics_file",
            ics_data=calendar(event(f"{user.pk}@t", utc(2026, 3, 3, 9))),
            now=utc(2026, 3, 2),
        )
        sources.append(source)
    CalendarSource.objects.filter(pk=sources[0].pk).update(ics_data=b"broken")

    done = refresh_all.call()

    assert done == {"ok": 1, "failed": 1}
    broken, good = (CalendarSource.objects.get(pk=s.pk) for s in sources)
    assert broken.error_code == "malformed" and broken.busy.count() == 1
    # The task reads as of now; the good source was read again.
    assert good.error_code == "" and good.last_synced_at > utc(2026, 3, 2)
