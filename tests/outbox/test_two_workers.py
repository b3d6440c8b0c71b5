"""Two workers on one queue: each message is claimed, and sent, by exactly one of them."""

import threading
from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from takt.outbox.delivery import LEASE, claim, deliver_due_messages
from takt.outbox.models import Message


@pytest.mark.django_db
def test_a_claimed_message_cannot_be_claimed_again(queue) -> None:
    queue(5)
    first_token, first = claim(batch=3)
    second_token, second = claim(batch=10)
    assert len(first) == 3 and len(second) == 2
    assert not {m.pk for m in first} & {m.pk for m in second}
    assert claim(batch=10) == ("", [])
    assert first_token != second_token


@pytest.mark.django_db
def test_a_message_stuck_in_sending_is_taken_over_after_the_lease(queue) -> None:
    [queued] = queue(1)
    _, [held] = claim()
    with time_machine.travel(timezone.now() + LEASE - timedelta(seconds=1)):
        assert claim() == ("", [])  # the first worker may still be sending it
    with time_machine.travel(timezone.now() + LEASE + timedelta(seconds=1)):
        token, [again] = claim()
    assert again.pk == held.pk
    assert again.message_id == queued.message_id  # the same identity on the second try
    assert again.claim_token == token != held.claim_token


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_a_message_twice(mail_server, queue) -> None:
    queued = queue(200)
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    sent_by: list[int] = []

    def worker() -> None:
        try:
            start.wait()
            sent_by.append(deliver_due_messages(batch=5))
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    arrived = Counter(message["Message-ID"] for message in mail_server.messages)
    assert set(arrived) == {m.message_id for m in queued}
    assert max(arrived.values()) == 1
    assert sum(sent_by) == 200
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    assert set(Message.objects.values_list("attempts", flat=True)) == {1}
