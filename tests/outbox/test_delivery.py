"""Delivery to a real SMTP server on loopback: what arrives, retries, refusals, rollbacks."""

import email.policy
import itertools
from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar

from takt.core.models import AuditEvent
from takt.outbox.delivery import MAX_ATTEMPTS, backoff, deliver_due_messages
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


def test_it_delivers_an_invitation_that_parses(mail_server, queue, interview) -> None:
    [message] = queue(1)

    assert deliver_due_messages() == 1

    [arrived] = mail_server.messages
    assert arrived["Message-ID"] == message.message_id
    assert arrived.rcpt_tos == ["erik@example.se"]
    alternative = next(p for p in arrived.walk() if p.get_content_type() == "multipart/alternative")
    parts = [part.get_content_type() for part in alternative.iter_parts()]
    assert parts == ["text/plain", "text/html", "text/calendar"]
    calendar_part = list(alternative.iter_parts())[2]
    calendar = Calendar.from_ical(calendar_part.get_payload(decode=True))
    assert calendar_part.get_param("method") == str(calendar["METHOD"]) == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == interview.uid
    assert int(event["SEQUENCE"]) == interview.sequence
    assert "Välkommen på intervju. (0)" in alternative.get_body(("plain",)).get_content()
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    sent = AuditEvent.objects.get(verb="message.sent")
    assert sent.interview == interview
    assert sent.data["recipient"] == "erik@example.se"


def test_it_sends_a_batch_over_one_connection(mail_server, queue) -> None:
    connections = []
    queue(30)

    from django.core.mail.backends import smtp

    original = smtp.EmailBackend.open

    def counting_open(self):  # type: ignore[no-untyped-def]
        opened = original(self)
        if opened:
            connections.append(self.connection)
        return opened

    smtp.EmailBackend.open = counting_open  # type: ignore[method-assign]
    try:
        assert deliver_due_messages(batch=7) == 30
    finally:
        smtp.EmailBackend.open = original  # type: ignore[method-assign]
    assert len(mail_server.messages) == 30
    assert len(connections) == 1


def test_nothing_is_queued_or_sent_for_a_change_that_rolls_back(mail_server, queue) -> None:
    class Oops(Exception):
        pass

    with pytest.raises(Oops), transaction.atomic():
        queue(2)
        raise Oops

    assert Message.objects.count() == 0
    assert deliver_due_messages() == 0
    assert mail_server.messages == []


def test_a_temporary_refusal_is_retried_until_it_arrives_once(mail_server, queue) -> None:
    queued = queue(3)
    mail_server.fail_next(5)  # 451 for the first five DATA commands

    with time_machine.travel(timezone.now(), tick=False) as clock:
        rounds = 0
        while Message.objects.exclude(status=Message.Status.SENT).exists():
            deliver_due_messages()
            rounds += 1
            assert rounds < 10
            clock.shift(timedelta(hours=1))

    ids = [arrived["Message-ID"] for arrived in mail_server.messages]
    assert sorted(ids) == sorted(m.message_id for m in queued)
    assert mail_server.attempts == 3 + 5
    attempts = sorted(Message.objects.values_list("attempts", flat=True))
    assert sum(attempts) == 8 and max(attempts) <= 3


def test_a_temporary_refusal_waits_for_the_backoff(mail_server, queue) -> None:
    [message] = queue(1)
    mail_server.fail_next(1)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert deliver_due_messages() == 0
        message.refresh_from_db()
        assert message.status == Message.Status.QUEUED
        assert message.last_error.startswith("451 4.3.0")
        assert message.next_attempt_at == start + backoff(1)

        clock.shift(backoff(1) - timedelta(seconds=1))
        assert deliver_due_messages() == 0  # not due yet: nothing tried
        assert mail_server.attempts == 1

        clock.shift(timedelta(seconds=1))
        assert deliver_due_messages() == 1
    assert len(mail_server.messages) == 1


def test_backoff_doubles_and_is_capped() -> None:
    waits = [backoff(n) for n in range(1, 12)]
    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert all(b == 2 * a for a, b in itertools.pairwise(waits[:9]))
    assert max(waits) == waits[-1] == timedelta(hours=6)


def test_a_server_that_keeps_refusing_makes_it_fail_after_the_last_attempt(
    mail_server, queue, interview
) -> None:
    [message] = queue(1)
    mail_server.fail_next(100)
    waits = []
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(MAX_ATTEMPTS + 3):
            deliver_due_messages()
            message.refresh_from_db()
            if message.status == Message.Status.FAILED:
                break
            waits.append(message.next_attempt_at - timezone.now())
            clock.shift(message.next_attempt_at - timezone.now())

    assert message.status == Message.Status.FAILED
    assert message.attempts == MAX_ATTEMPTS
    assert mail_server.attempts == MAX_ATTEMPTS
    assert waits == [backoff(n) for n in range(1, MAX_ATTEMPTS)]
    assert waits[-1] == 2 ** (MAX_ATTEMPTS - 2) * waits[0]
    assert message.last_error.startswith("451")
    assert AuditEvent.objects.filter(verb="message.failed", interview=interview).count() == 1


def test_a_permanent_refusal_fails_at_once_with_the_servers_answer(mail_server, queue) -> None:
    mail_server.refuse("nobody@example.se", "550 5.1.1 No such user here")
    [good] = queue(1)
    [bad] = queue(1, email="nobody@example.se")

    assert deliver_due_messages() == 1

    bad.refresh_from_db()
    good.refresh_from_db()
    assert bad.status == Message.Status.FAILED
    assert bad.attempts == 1
    assert bad.last_error == "550 5.1.1 No such user here"
    assert good.status == Message.Status.SENT  # the refusal did not spoil the batch
    event = AuditEvent.objects.get(verb="message.failed")
    assert "550 5.1.1 No such user here" in event.data["note"]


def test_a_server_that_is_down_leaves_messages_queued(settings, queue) -> None:
    from tests.servers import free_port

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    queue(3)
    assert deliver_due_messages() == 0
    rows = Message.objects.all()
    assert {row.status for row in rows} == {Message.Status.QUEUED}
    assert all("ConnectionRefusedError" in row.last_error for row in rows)
    assert all(row.next_attempt_at > timezone.now() for row in rows)


def test_the_built_in_mailer_writes_eml_files(settings, tmp_path, queue) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "takt.outbox.backends.EmlFolderBackend",
            "OPTIONS": {"folder": str(tmp_path)},
        }
    }
    [message] = queue(1)
    assert deliver_due_messages() == 1
    [eml] = tmp_path.glob("*.eml")
    from email.parser import BytesParser

    parsed = BytesParser(policy=email.policy.default).parsebytes(eml.read_bytes())
    assert parsed["Message-ID"] == message.message_id
