"""Posting due deliveries: claim a batch, post each in order, record every answer.

Guarantee: every delivery is posted until its endpoint answers 2xx or the
retries run out (about a day), each time under the event's webhook-id, so a
receiver that deduplicates by it acts once. A worker killed mid-batch leaves
its rows SENDING; once the lease runs out another worker posts them again,
same id, same body. Answers are written a few at a time (every FLUSH rows or
FLUSH_SECONDS), which bounds what a crash sends twice to what was not yet
written down.

Order: within one stream (an interview, a position) and one endpoint, an
event is posted only when every earlier one is delivered or given up. A
claim takes only rows whose earlier stream-mates are in the same batch, and
the batch posts each stream's rows in order (several streams at once); when
one fails, its later stream-mates go back unposted and wait behind it.
"""

import logging
import threading
import time
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from takt import outbound
from takt.core.outbound_policy import configured_policy
from takt.outbound.addresses import Policy
from takt.webhooks import notice
from takt.webhooks.models import Attempt, Delivery, Endpoint
from takt.webhooks.signing import body_of, headers_for

log = logging.getLogger(__name__)

BATCH = 200
# Streams posted at once; within a stream one after the other, in order.
PARALLEL = 8
FLUSH = 50
FLUSH_SECONDS = 1.0
# Longer than a batch can take to post at TIMEOUT each is unlikely; the lease is renewed
# at every flush anyway, so only a dead worker's rows are taken over.
LEASE = timedelta(minutes=5)
TIMEOUT_SECONDS = 10.0
ANSWER_BYTES = 64 * 1024
KEPT_ANSWER = 2000
# The Standard Webhooks schedule: after each failure wait this long; after the last, give up.
# 5 s + 5 min + 30 min + 2 h + 5 h + 10 h + 10 h: about a day of trying.
RETRIES = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
# An endpoint that has failed for this long with no success is switched off.
SWITCH_OFF_AFTER = timedelta(hours=24)
S = Delivery.State


def retry_after(attempts: int) -> timedelta | None:
    """The wait after the n-th failed attempt, or None: give up."""
    return RETRIES[attempts - 1] if attempts <= len(RETRIES) else None


def claim(*, batch: int = BATCH, lease: timedelta = LEASE) -> tuple[str, list[Delivery]]:
    """Take up to `batch` due deliveries whose earlier stream-mates are done or taken along."""
    now = timezone.now()
    due = Q(state=S.PENDING, next_attempt_at__lte=now) | Q(
        state=S.SENDING, claimed_at__lt=now - lease
    )
    token = uuid.uuid4().hex
    with transaction.atomic():
        found = list(
            Delivery.objects.filter(due, endpoint__enabled=True)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .values_list("pk", "endpoint_id", "stream")[:batch]
        )
        if not found:
            return "", []
        chosen = _in_order(found)
        # The UPDATE repeats `due`: of two workers that picked the same rows, one gets them.
        Delivery.objects.filter(due, pk__in=chosen).update(
            state=S.SENDING, claimed_at=now, claim_token=token, attempts=F("attempts") + 1
        )
    rows = Delivery.objects.filter(claim_token=token, state=S.SENDING)
    return token, list(rows.select_related("event", "endpoint").order_by("pk"))


def _in_order(found: list[tuple[int, int, str]]) -> list[int]:
    """The found rows not waiting behind an unfinished stream-mate outside the batch."""
    ids = [pk for pk, _, _ in found]
    streams = {(endpoint, stream) for _, endpoint, stream in found if stream}
    first_outside: dict[tuple[int, str], int] = {}
    if streams:
        earlier = (
            Delivery.objects.filter(
                state__in=Delivery.UNFINISHED,
                endpoint_id__in={e for e, _ in streams},
                stream__in={s for _, s in streams},
                pk__lt=max(ids),
            )
            .exclude(pk__in=ids)
            .values("endpoint_id", "stream")
            .annotate(first=Min("pk"))
        )
        first_outside = {(r["endpoint_id"], r["stream"]): r["first"] for r in earlier}
    return [
        pk
        for pk, endpoint, stream in found
        if not stream or pk < first_outside.get((endpoint, stream), pk + 1)
    ]


def deliver_due(*, batch: int = BATCH, lease: timedelta = LEASE) -> int:
    """Post every due delivery, batch after batch; returns how many were delivered."""
    delivered = 0
    while True:
        token, rows = claim(batch=batch, lease=lease)
        if not rows:
            return delivered
        delivered += _Batch(token, configured_policy()).post_all(rows)


@dataclass
class _Outcome:
    row: Delivery
    attempt: Attempt | None  # None: sent back unposted, behind a failed stream-mate
    ok: bool = False
    wait: timedelta | None = None


@dataclass
class _Batch:
    token: str
    policy: Policy
    written: list[_Outcome] = field(default_factory=list)
    last_flush: float = field(default_factory=time.monotonic)

    def post_all(self, rows: list[Delivery]) -> int:
        """Post each stream's rows in order, a few streams at a time; write as they finish."""
        streams: dict[tuple[int, str, int], list[Delivery]] = {}
        for row in rows:
            # Rows with no stream need no order: each goes on its own.
            key = (row.endpoint_id, row.stream, 0 if row.stream else row.pk)
            streams.setdefault(key, []).append(row)
        down: dict[int, timedelta | None] = {}
        lock = threading.Lock()

        def post_stream(stream: list[Delivery]) -> list[_Outcome]:
            outcomes: list[_Outcome] = []
            stalled: _Outcome | None = None
            for row in stream:
                with lock:
                    gone = row.endpoint_id in down
                    wait = down.get(row.endpoint_id)
                if stalled is not None or gone:
                    # Behind a failed stream-mate, or the endpoint did not answer a moment
                    # ago: it waits, unposted.
                    outcomes.append(_Outcome(row, None, wait=stalled.wait if stalled else wait))
                    continue
                outcome = self._post(row)
                outcomes.append(outcome)
                if not outcome.ok:
                    stalled = outcome
                    if outcome.attempt is not None and outcome.attempt.status_code is None:
                        with lock:
                            down.setdefault(row.endpoint_id, outcome.wait)
            return outcomes

        delivered = 0
        # Waiting on receivers, not computing: threads overlap the waits. Only posting
        # happens on them; every database write stays on this thread.
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            for outcomes in pool.map(post_stream, streams.values()):
                for outcome in outcomes:
                    delivered += outcome.ok
                    self._add(outcome)
        self._flush()
        return delivered

    def _post(self, row: Delivery) -> _Outcome:
        now = timezone.now()
        attempt = Attempt(delivery_id=row.pk, at=now)
        secrets = row.endpoint.secrets_at(now)
        if not secrets:
            attempt.error = (
                "The signing secret cannot be read (SECRET_KEY changed): make a new one."
            )
            return _Outcome(row, attempt, wait=retry_after(row.attempts))
        body = body_of(row.event)
        headers = headers_for(row.event.public_id, body, secrets, now)
        headers["user-agent"] = "Takt-Webhooks/1"
        began = time.perf_counter()
        try:
            reply = outbound.exchange(
                "POST",
                row.endpoint.url,
                policy=self.policy,
                deadline=outbound.Deadline(TIMEOUT_SECONDS),
                max_bytes=ANSWER_BYTES,
                headers=headers,
                body=body,
            )
        except outbound.OutboundError as error:
            attempt.error = f"{type(error).__name__}: {error.detail}"[:300]
        else:
            attempt.status_code = reply.status
            attempt.answer = reply.body[:KEPT_ANSWER].decode("utf-8", "replace")
        attempt.duration_ms = int((time.perf_counter() - began) * 1000)
        if attempt.succeeded:
            return _Outcome(row, attempt, ok=True)
        log.info(
            "webhook %s to %s failed: %s",
            row.pk,
            row.endpoint.url,
            attempt.status_code or attempt.error,
        )
        return _Outcome(row, attempt, wait=retry_after(row.attempts))

    def _add(self, outcome: _Outcome) -> None:
        self.written.append(outcome)
        if len(self.written) >= FLUSH or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self._flush()

    def _flush(self) -> None:
        """Write the answers so far in one transaction, and renew the lease on the rest."""
        outcomes, self.written = self.written, []
        self.last_flush = time.monotonic()
        if not outcomes:
            return
        now = timezone.now()
        with transaction.atomic():
            Attempt.objects.bulk_create(o.attempt for o in outcomes if o.attempt is not None)
            _write(outcomes, self.token, now)
            _judge_endpoints(outcomes, now)
            Delivery.objects.filter(claim_token=self.token, state=S.SENDING).update(claimed_at=now)


def _held(pks: Iterable[int], token: str) -> Any:
    # Only while this worker still holds the rows: after a lost lease the new holder decides.
    return Delivery.objects.filter(pk__in=list(pks), claim_token=token, state=S.SENDING)


def _write(outcomes: list[_Outcome], token: str, now: datetime) -> None:
    done = [o.row.pk for o in outcomes if o.ok]
    if done:
        _held(done, token).update(state=S.DELIVERED, finished_at=now, claim_token="")
    given_up = [o.row.pk for o in outcomes if not o.ok and o.attempt and o.wait is None]
    if given_up:
        _held(given_up, token).update(state=S.FAILED, finished_at=now, claim_token="")
    for outcome in outcomes:
        if outcome.ok or (outcome.attempt is not None and outcome.wait is None):
            continue
        fields: dict[str, Any] = {
            "state": S.PENDING,
            "claim_token": "",
            "next_attempt_at": now + (outcome.wait or timedelta(0)),
        }
        if outcome.attempt is None:
            fields["attempts"] = F("attempts") - 1  # it was never posted
        _held([outcome.row.pk], token).update(**fields)


def _judge_endpoints(outcomes: list[_Outcome], now: datetime) -> None:
    """A success clears an endpoint's failing spell; a day of failures switches it off."""
    tried = [o for o in outcomes if o.attempt is not None]
    succeeded = {o.row.endpoint_id for o in tried if o.ok}
    failed = {o.row.endpoint_id for o in tried if not o.ok} - succeeded
    if succeeded:
        Endpoint.objects.filter(pk__in=succeeded, failing_since__isnull=False).update(
            failing_since=None
        )
    if not failed:
        return
    Endpoint.objects.filter(pk__in=failed, failing_since__isnull=True).update(failing_since=now)
    spent = Endpoint.objects.filter(
        pk__in=failed, enabled=True, failing_since__lte=now - SWITCH_OFF_AFTER
    )
    for endpoint in spent.select_related("workspace"):
        if Endpoint.objects.filter(pk=endpoint.pk, enabled=True).update(
            enabled=False, switched_off_at=now
        ):
            notice.switched_off(endpoint, now)
