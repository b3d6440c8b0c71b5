"""Idempotency-Key: a retried POST gets the first answer and does not act again."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from takt.api.idempotency import IdempotentRequest
from takt.core.models import Change, Interview
from takt.outbox.models import Message
from tests.api.conftest import span

pytestmark = pytest.mark.django_db
REASON = "Intervjuaren har blivit sjuk och vi behöver hitta en ny tid."


@pytest.fixture
def offer(team, book_interview, soon):
    interview = book_interview(soon(5))
    path = f"/workspaces/{team['workspace'].pk}/interviews/{interview.pk}/offer"
    body = {"reason_text": REASON, "times": [span(soon(d, 10)) for d in (7, 8, 9)]}
    return path, body


def test_the_same_key_and_body_answer_the_first_answer_without_acting_again(
    recruiter_api, offer
) -> None:
    path, body = offer
    first = recruiter_api.post(path, body, **{"Idempotency-Key": "k-1"})
    again = recruiter_api.post(path, body, **{"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Change.objects.count() == 1
    assert Message.objects.count() == 1


def test_the_same_key_with_another_body_is_a_409(recruiter_api, offer) -> None:
    path, body = offer
    assert recruiter_api.post(path, body, **{"Idempotency-Key": "k-2"}).status_code == 201
    other = recruiter_api.post(
        path, {**body, "reason_text": "Något annat."}, **{"Idempotency-Key": "k-2"}
    )
    assert other.status_code == 409
    assert Change.objects.count() == 1


def test_a_refusal_is_the_first_answer_too(recruiter_api, offer, soon) -> None:
    path, body = offer
    few = {**body, "times": body["times"][:1]}
    first = recruiter_api.post(path, few, **{"Idempotency-Key": "k-3"})
    again = recruiter_api.post(path, few, **{"Idempotency-Key": "k-3"})
    assert first.status_code == again.status_code == 409
    assert again.json() == first.json()


def test_after_24_hours_the_key_acts_again(recruiter_api, offer) -> None:
    path, body = offer
    assert recruiter_api.post(path, body, **{"Idempotency-Key": "k-4"}).status_code == 201
    with time_machine.travel(timezone.now() + timedelta(hours=25), tick=True):
        # The change was sent, so the offer is refused now; what matters is that it ran again.
        later = recruiter_api.post(path, body, **{"Idempotency-Key": "k-4"})
    assert "Idempotent-Replayed" not in later
    assert IdempotentRequest.objects.get(key="k-4").status == later.status_code


def test_without_a_key_each_post_acts(team, recruiter_api, book_interview, soon) -> None:
    ws = team["workspace"].pk
    body = {"title": "Designer"}
    recruiter_api.post(f"/workspaces/{ws}/positions", body)
    recruiter_api.post(f"/workspaces/{ws}/positions", body)
    assert team["workspace"].positions.filter(title="Designer").count() == 2
    assert not Interview.objects.exists()
