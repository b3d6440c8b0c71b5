"""No test depends on the machine's clock: "now" is pinned, and nothing is timed by the clock."""

import time
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.conftest import PINNED_NOW


def test_every_test_starts_at_the_pinned_instant() -> None:
    assert PINNED_NOW <= timezone.now() < PINNED_NOW + timedelta(minutes=1)
    assert (
        PINNED_NOW <= datetime.fromtimestamp(time.time(), UTC) < PINNED_NOW + timedelta(minutes=1)
    )


def test_the_pinned_clock_ticks_on() -> None:
    # Ticking, so that code which waits for time to pass (leases, retries) still sees it pass.
    before = timezone.now()
    time.sleep(0.01)
    assert timezone.now() > before


def test_hypothesis_times_no_example_by_the_machines_clock() -> None:
    assert hypothesis_settings().deadline is None
    assert HealthCheck.too_slow in hypothesis_settings().suppress_health_check
