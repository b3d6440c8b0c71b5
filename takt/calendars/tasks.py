"""Background refresh: `takt worker` reads every calendar again every 15 minutes."""

import logging

from django.conf import settings
from django.tasks import task

from takt import periodic
from takt.calendars.models import CalendarSource
from takt.calendars.services import WORKER_TIMEOUT, refresh_source

log = logging.getLogger(__name__)


@task(queue_name="calendars")
def refresh_all() -> dict[str, int]:
    """Refresh every calendar source; one that fails keeps its busy times and records why."""
    done = {"ok": 0, "failed": 0}
    for source in CalendarSource.objects.order_by("pk").iterator():
        try:
            result = refresh_source(source, lang=settings.LANGUAGE_CODE, timeout=WORKER_TIMEOUT)
        except Exception:  # one source's surprise must not stop the others
            log.exception("refreshing calendar %s failed unexpectedly", source.pk)
            done["failed"] += 1
            continue
        done["ok" if result.ok else "failed"] += 1
    return done


@periodic.every(15 * 60, "calendars.refresh")
def enqueue_refresh() -> object:
    return refresh_all.enqueue()
