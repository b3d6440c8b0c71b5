"""The delivery log keeps TAKT_WEBHOOK_LOG_DAYS of finished deliveries; nothing waiting goes."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from takt.core import events
from takt.core.models import Event
from takt.webhooks.models import Attempt, Delivery, Endpoint
from takt.webhooks.tasks import forget_old_deliveries

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet_endpoint(team: dict[str, Any]) -> Endpoint:
    return Endpoint.objects.create(
        workspace=team["workspace"],
        url="https://ats.example.com/takt",
        events=["change.opened"],
        secret="whsec_" + "A" * 43 + "=",
    )


def _delivery(interview: Any, state: str, finished_days_ago: int | None) -> Delivery:
    events.about_interview("change.opened", interview, change={"n": 1})
    delivery = Delivery.objects.order_by("-pk").first()
    assert delivery is not None
    now = timezone.now()
    delivery.state = state
    delivery.finished_at = None if finished_days_ago is None else now - timedelta(finished_days_ago)
    delivery.save(update_fields=["state", "finished_at"])
    Attempt.objects.create(delivery=delivery, at=now, status_code=204)
    return delivery


def test_old_finished_deliveries_go_with_their_attempts_and_events(
    quiet_endpoint, book_interview, soon, settings
):
    settings.TAKT_WEBHOOK_LOG_DAYS = 30
    interview = book_interview(soon(3))
    old_delivered = _delivery(interview, Delivery.State.DELIVERED, 31)
    old_given_up = _delivery(interview, Delivery.State.FAILED, 40)
    recent = _delivery(interview, Delivery.State.DELIVERED, 29)
    waiting = _delivery(interview, Delivery.State.PENDING, None)
    Event.objects.update(occurred_at=timezone.now() - timedelta(days=45))

    forget_old_deliveries()

    kept = set(Delivery.objects.values_list("pk", flat=True))
    assert kept == {recent.pk, waiting.pk}
    assert not Attempt.objects.filter(delivery_id__in=[old_delivered.pk, old_given_up.pk])
    assert set(Event.objects.values_list("pk", flat=True)) == {
        recent.event_id,
        waiting.event_id,
    }


def test_an_old_delivery_still_waiting_is_never_touched(quiet_endpoint, book_interview, soon):
    interview = book_interview(soon(3))
    waiting = _delivery(interview, Delivery.State.PENDING, None)
    Delivery.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - timedelta(days=90))
    Event.objects.update(occurred_at=timezone.now() - timedelta(days=90))

    forget_old_deliveries()

    assert Delivery.objects.filter(pk=waiting.pk).exists()
    assert Event.objects.filter(pk=waiting.event_id).exists()
