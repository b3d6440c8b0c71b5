"""Delivery against a real receiver: order per interview, retries, signatures, switching off."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from standardwebhooks import Webhook

from takt.core import events
from takt.core.models import Event
from takt.outbox.models import Message
from takt.webhooks import services
from takt.webhooks.delivery import RETRIES, deliver_due
from takt.webhooks.models import Attempt, Delivery, Endpoint
from takt.webhooks.signing import body_of, headers_for, new_secret
from tests.webhooks.receiver import Receiver

pytestmark = pytest.mark.django_db


def _events(team: dict[str, Any], book_interview: Any, soon: Any, per_interview: int) -> list[Any]:
    """Two interviews, each with `per_interview` events after its booking."""
    interviews = [book_interview(soon(3)), book_interview(soon(4))]
    for number in range(per_interview):
        for interview in interviews:
            events.about_interview("change.opened", interview, change={"n": number})
    return interviews


def _in_order_per_interview(hears: Receiver) -> dict[int, list[str]]:
    seen: dict[int, list[str]] = {}
    for got in hears.accepted:
        seen.setdefault(got.body["data"]["interview"]["id"], []).append(got.id)
    return seen


def _expected(interviews: list[Any]) -> dict[int, list[str]]:
    return {
        i.pk: list(
            Event.objects.filter(interview=i).order_by("pk").values_list("public_id", flat=True)
        )
        for i in interviews
    }


def test_a_receiver_down_for_a_while_gets_everything_in_order(
    team, book_interview, soon, receiver, endpoint
) -> None:
    hears, _ = receiver
    interviews = _events(team, book_interview, soon, per_interview=5)
    hears.down = True
    moment = timezone.now()
    with time_machine.travel(moment, tick=False) as clock:
        for wait in RETRIES[:3]:
            deliver_due()
            moment += wait + timedelta(seconds=1)
            clock.move_to(moment)
        assert hears.accepted == []
        # Only each interview's first event was tried; the others wait behind it, unposted.
        tried = set(Attempt.objects.values_list("delivery__event__kind", flat=True))
        assert tried == {"interview.scheduled"}
        assert set(Attempt.objects.values_list("status_code", flat=True)) == {503}
        hears.down = False
        deliver_due()
    assert _in_order_per_interview(hears) == _expected(interviews)
    assert set(Delivery.objects.values_list("state", flat=True)) == {"delivered"}


def test_an_endpoint_failing_for_a_day_is_switched_off_and_the_owners_mailed(
    team, book_interview, soon, receiver, endpoint
) -> None:
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    hears, _ = receiver
    hears.down = True
    book_interview(soon(3))
    moment = timezone.now()
    with time_machine.travel(moment, tick=False) as clock:
        for wait in RETRIES:
            deliver_due()
            moment += wait + timedelta(seconds=1)
            clock.move_to(moment)
            endpoint.refresh_from_db()
            if not endpoint.enabled:
                break
        deliver_due()
    endpoint.refresh_from_db()
    assert not endpoint.enabled and endpoint.switched_off_at is not None
    mail = Message.objects.get(kind="webhook_switched_off")
    assert mail.recipient_email == "anna@norrsken.example"
    assert endpoint.url in mail.text and mail.text.startswith("Hej Anna!")
    assert mail.subject == "Takt har slutat skicka till en webhook"
    # Switched off, nothing new is queued for it, and nothing more is tried.
    tried = Attempt.objects.count()
    book_interview(soon(5))
    deliver_due()
    assert Attempt.objects.count() == tried


def test_a_delivery_is_given_up_after_about_a_day(
    team, book_interview, soon, receiver, endpoint
) -> None:
    hears, _ = receiver
    hears.status = 500
    book_interview(soon(3))
    moment = timezone.now()
    with time_machine.travel(moment, tick=False) as clock:
        for wait in (*RETRIES, timedelta(0)):
            deliver_due()
            moment += wait + timedelta(seconds=1)
            clock.move_to(moment)
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.FAILED
    assert delivery.attempts == len(RETRIES) + 1
    spent = delivery.finished_at - delivery.created_at
    assert timedelta(hours=20) < spent < timedelta(hours=36)


def test_a_forged_or_stale_signature_is_refused_by_the_receiver(
    team, endpoint, book_interview, soon
) -> None:
    book_interview(soon(3))
    event = Event.objects.get()
    body = body_of(event)
    now = timezone.now()
    right = headers_for(event.public_id, body, [endpoint.secret], now)
    assert Webhook(endpoint.secret).verify(body, right)["type"] == "interview.scheduled"
    forged = headers_for(event.public_id, body, [new_secret()], now)
    stale = headers_for(event.public_id, body, [endpoint.secret], now - timedelta(minutes=10))
    changed = body.replace(b"interview.scheduled", b"interview.cancelled")
    receiver = Receiver([endpoint.secret])
    assert receiver.handle(body, right)[0] == 200
    assert receiver.handle(body, forged)[0] == 401
    assert receiver.handle(body, stale)[0] == 401
    assert receiver.handle(changed, right)[0] == 401
    assert receiver.refused == [
        "No matching signature found",
        "Message timestamp too old",
        "No matching signature found",
    ]


def test_a_receiver_with_another_secret_refuses_and_the_log_keeps_its_answer(
    team, book_interview, soon, receiver, endpoint
) -> None:
    hears, _ = receiver
    hears.secrets[:] = [new_secret()]
    book_interview(soon(3))
    deliver_due()
    attempt = Attempt.objects.get()
    assert attempt.status_code == 401 and attempt.answer == "No matching signature found"
    assert Delivery.objects.get().state == Delivery.State.PENDING


def test_after_a_rotation_both_secrets_verify_for_a_day_then_only_the_new(
    team, book_interview, soon, receiver, endpoint
) -> None:
    hears, _ = receiver
    old = endpoint.secret
    rotated = services.rotate_secret(endpoint, actor=team["recruiter"])
    assert rotated.secret != old and rotated.secret.startswith("whsec_")
    only_old, only_new = Receiver([old]), Receiver([rotated.secret])
    body = b'{"type":"x"}'
    now = timezone.now()
    headers = headers_for("msg_1", body, rotated.secrets_at(now), now)
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert only_old.handle(body, headers)[0] == 200
    assert only_new.handle(body, headers)[0] == 200
    later = now + timedelta(hours=24, seconds=1)
    with time_machine.travel(later, tick=False):
        headers = headers_for("msg_2", body, rotated.secrets_at(later), later)
        assert len(headers["webhook-signature"].split(" ")) == 1
        assert only_old.handle(body, headers)[0] == 401
        assert only_new.handle(body, headers)[0] == 200
    # End to end: a receiver still on the old secret hears the next event.
    hears.secrets[:] = [old]
    book_interview(soon(3))
    deliver_due()
    assert hears.types() == ["interview.scheduled"]


def test_a_loopback_target_is_refused_at_delivery_unless_allowed(
    team, book_interview, soon, receiver, endpoint, settings
) -> None:
    hears, _ = receiver
    settings.TAKT_OUTBOUND_ALLOW = ()
    book_interview(soon(3))
    deliver_due()
    assert hears.accepted == []
    assert Attempt.objects.get().error.startswith("Refused")
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.1/32",)
    Delivery.objects.update(next_attempt_at=timezone.now())
    deliver_due()
    assert hears.types() == ["interview.scheduled"]


def test_sending_again_posts_the_same_webhook_id(
    team, book_interview, soon, receiver, endpoint
) -> None:
    hears, _ = receiver
    book_interview(soon(3))
    deliver_due()
    services.send_again(Delivery.objects.get(), actor=team["recruiter"])
    deliver_due()
    first, again = hears.ids()
    assert first == again == Event.objects.get().public_id
    assert Endpoint.objects.get().deliveries.count() == 2


def test_the_secret_is_sealed_in_the_database(team, endpoint) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM webhooks_endpoint WHERE id = %s", [endpoint.pk])
        stored = cursor.fetchone()[0]
    assert endpoint.secret not in stored and stored.startswith("fernet:")
    assert Endpoint.objects.get().secret == endpoint.secret


def test_a_secret_no_key_opens_is_an_attempt_that_says_so(
    team, book_interview, soon, receiver, endpoint, settings
) -> None:
    hears, _ = receiver
    book_interview(soon(3))
    settings.SECRET_KEY = "another key altogether, the old one lost"
    deliver_due()
    assert hears.accepted == []
    assert "signing secret cannot be read" in Attempt.objects.get().error
