"""The claim: due rows in order per stream, never one row to two workers (SQLite and PostgreSQL).

Run with DATABASE_URL=postgresql://... too: there the claim takes rows with
SELECT ... FOR UPDATE SKIP LOCKED while other workers hold theirs.
"""

import threading
from collections import Counter
from typing import Any

import pytest
from django.db import connections

from takt.core import events
from takt.core.events import KINDS
from takt.core.models import Workspace
from takt.webhooks.delivery import claim
from takt.webhooks.models import Delivery, Endpoint


def _endpoint(workspace: Workspace) -> Endpoint:
    return Endpoint.objects.create(
        workspace=workspace, url="https://hooks.example.com/", events=list(KINDS), secret="whsec_x"
    )


def _record(workspace: Workspace, stream: str, count: int) -> None:
    for number in range(count):
        events.record("change.opened", {"n": number}, workspace=workspace, stream=stream)


def _done(rows: list[Delivery]) -> None:
    Delivery.objects.filter(pk__in=[r.pk for r in rows]).update(
        state=Delivery.State.DELIVERED, claim_token=""
    )


@pytest.mark.django_db
def test_a_later_event_waits_while_an_earlier_one_of_its_stream_is_out(team) -> None:
    endpoint = _endpoint(team["workspace"])
    _record(team["workspace"], "interview:1", 2)
    _record(team["workspace"], "interview:2", 1)
    _, first = claim(batch=1)
    assert [r.event.data["n"] for r in first] == [0]
    _, second = claim(batch=10)
    # interview:1's second event waits behind the first, still being posted.
    assert [(r.stream, r.event.data["n"]) for r in second] == [("interview:2", 0)]
    _done(first + second)
    _, third = claim(batch=10)
    assert [(r.stream, r.event.data["n"]) for r in third] == [("interview:1", 1)]
    assert {r.endpoint_id for r in third} == {endpoint.pk}


@pytest.mark.django_db
def test_a_switched_off_endpoint_is_not_claimed(team) -> None:
    endpoint = _endpoint(team["workspace"])
    _record(team["workspace"], "interview:1", 1)
    Endpoint.objects.filter(pk=endpoint.pk).update(enabled=False)
    assert claim() == ("", [])


@pytest.mark.db_concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_never_claim_a_row_twice_and_keep_each_streams_order(
    make_user: Any,
) -> None:
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    _endpoint(workspace)
    for stream in range(8):
        _record(workspace, f"interview:{stream}", 25)
    workers = 4
    barrier = threading.Barrier(workers)
    taken: list[tuple[int, str, int]] = []
    lock = threading.Lock()
    errors: list[str] = []

    def work() -> None:
        try:
            barrier.wait()
            while True:
                _, rows = claim(batch=7)
                if not rows:
                    if not Delivery.objects.filter(state__in=Delivery.UNFINISHED).exists():
                        return
                    continue
                with lock:
                    for row in rows:
                        taken.append((row.pk, row.stream, row.event.data["n"]))
                _done(rows)
        except Exception as error:  # a failure of the claim itself
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    counts = Counter(pk for pk, _, _ in taken)
    assert len(counts) == 200 and set(counts.values()) == {1}
    # Each stream's events were taken in the order they happened.
    for stream in {s for _, s, _ in taken}:
        order = [n for _, s, n in taken if s == stream]
        assert order == sorted(order), stream
    assert not Delivery.objects.exclude(state=Delivery.State.DELIVERED).exists()
