"""Sending due outbox messages: claim a batch, send it over one connection, record each answer.

Guarantee: every queued message is delivered at least once, and every copy
carries the same Message-ID (derived from the idempotency key when it was
queued). The one window for a second copy is between the SMTP server's "250"
for a message and the commit of the UPDATE that marks its row sent: a worker
killed there leaves the row SENDING, and once the lease runs out another worker
sends it again with the same Message-ID and the same Date, so mail clients
and servers that deduplicate by Message-ID show it once. Rows are marked one by
one right after their "250", never at the end of the batch, to keep that
window to a single small UPDATE.
"""

import email.errors
import logging
import smtplib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.mail import mailers
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from takt.core import audit
from takt.outbox.models import Message
from takt.outbox.outgoing import OutboxEmail

log = logging.getLogger(__name__)

BATCH = 50
# Longer than any one send can take (the SMTP timeout is 30 s): a row SENDING for
# longer belongs to a worker that died, and another worker may take it over.
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    """The wait after the n-th failed attempt: 1, 2, 4, 8 ... minutes, at most six hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


@dataclass(frozen=True)
class Failure:
    permanent: bool
    answer: str
    # The connection cannot be trusted after this error; open a new one.
    reconnect: bool


def classify(error: BaseException) -> Failure:
    """Read an error from sending: the server's answer, and whether trying again can help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return Failure(500 <= code < 600, _answer(code, text), reconnect=code == 421)
    if isinstance(error, smtplib.SMTPResponseException):
        code = error.smtp_code
        return Failure(500 <= code < 600, _answer(code, error.smtp_error), reconnect=code == 421)
    if isinstance(error, (ValueError, email.errors.MessageError)):
        # A header or address that cannot be written (CR/LF in it, prep_address): the same
        # message fails the same way every time, so it is not tried again.
        return Failure(True, str(error), reconnect=False)
    # Refused or dropped connections, timeouts, DNS: the server may be back later.
    return Failure(False, f"{type(error).__name__}: {error}".strip(), reconnect=True)


def _answer(code: int, text: bytes | str) -> str:
    words = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()


def claim(*, batch: int = BATCH, lease: timedelta = LEASE) -> tuple[str, list[Message]]:
    """Take up to `batch` due rows for this worker; another worker can never take the same ones.

    The UPDATE repeats the due condition, so of two workers that picked the same
    ids only one changes each row: SQLite runs the statement under its write
    lock, PostgreSQL re-checks the WHERE on a row another transaction changed.
    """
    now = timezone.now()
    due = Q(status=Message.Status.QUEUED, next_attempt_at__lte=now) | Q(
        status=Message.Status.SENDING, claimed_at__lt=now - lease
    )
    ids = list(
        Message.objects.filter(due)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:batch]
    )
    if not ids:
        return "", []
    token = uuid.uuid4().hex
    Message.objects.filter(due, pk__in=ids).update(
        status=Message.Status.SENDING,
        claimed_at=now,
        claim_token=token,
        attempts=F("attempts") + 1,
    )
    rows = Message.objects.filter(claim_token=token, status=Message.Status.SENDING)
    return token, list(rows.select_related("workspace", "interview").order_by("pk"))


def deliver_due_messages(*, batch: int = BATCH, lease: timedelta = LEASE) -> int:
    """Send every due message, batch after batch over one connection; returns how many were sent."""
    courier = _Courier()
    sent = 0
    try:
        while True:
            token, rows = claim(batch=batch, lease=lease)
            if not rows:
                return sent
            sent += courier.deliver(token, rows, lease)
    finally:
        courier.close()


class _Courier:
    """One mailer connection, opened when first needed and again after it broke."""

    def __init__(self) -> None:
        self.mailer = mailers.default
        self.is_open = False

    def deliver(self, token: str, rows: list[Message], lease: timedelta) -> int:
        sent = 0
        held_since = timezone.now()
        for index in range(len(rows)):
            if timezone.now() - held_since > lease / 3:
                held_since = _extend(token)
            outcome = self._attempt(token, rows, index)
            if outcome is None:
                return sent
            sent += outcome
        return sent

    def _attempt(self, token: str, rows: list[Message], index: int) -> int | None:
        """Send rows[index]: 1 when sent, 0 when not, None when the server is gone."""
        row = rows[index]
        try:
            self._send(OutboxEmail(row))
        except Exception as error:
            failure = classify(error)
            log.warning("sending %s failed: %s", row.message_id, failure.answer)
            if failure.reconnect:
                self.close()
                try:
                    self._open()
                except Exception as again:
                    # The server is gone: the rest of the batch waits for the next try.
                    for rest in rows[index:]:
                        _record_failure(rest, token, classify(again))
                    return None
            _record_failure(row, token, failure)
            return 0
        return _record_sent(row, token)

    def _open(self) -> None:
        if not self.is_open:
            self.mailer.open()
            self.is_open = True

    def _send(self, email: OutboxEmail) -> None:
        self._open()
        if self.mailer.send_messages([email]) != 1:
            raise smtplib.SMTPException("the mailer reported the message as not sent")

    def close(self) -> None:
        if self.is_open:
            self.is_open = False
            try:
                self.mailer.close()
            except Exception:  # already broken; nothing left to close cleanly
                log.debug("closing the mail connection failed", exc_info=True)


def _extend(token: str) -> datetime:
    """Renew the lease on the rows of a batch still being sent, so nobody takes them over."""
    now = timezone.now()
    Message.objects.filter(claim_token=token, status=Message.Status.SENDING).update(claimed_at=now)
    return now


def _record_sent(row: Message, token: str) -> int:
    now = timezone.now()
    with transaction.atomic():
        done = _held(row, token).update(
            status=Message.Status.SENT, sent_at=now, last_error="", claim_token=""
        )
        if done:
            _audit("message.sent", row, recipient=row.recipient_email)
    return done


def _record_failure(row: Message, token: str, failure: Failure) -> None:
    attempts = Message.objects.values_list("attempts", flat=True).get(pk=row.pk)
    gives_up = failure.permanent or attempts >= MAX_ATTEMPTS
    fields: dict[str, Any] = {"last_error": failure.answer[:2000], "claim_token": ""}
    if gives_up:
        fields["status"] = Message.Status.FAILED
    else:
        fields["status"] = Message.Status.QUEUED
        fields["next_attempt_at"] = timezone.now() + backoff(attempts)
    with transaction.atomic():
        done = _held(row, token).update(**fields)
        if done and gives_up:
            _audit(
                "message.failed",
                row,
                note=f"{row.recipient_email}: {failure.answer}",
                attempts=attempts,
            )


def _held(row: Message, token: str) -> Any:
    # Only while this worker still holds the row: after a lost lease the new holder decides.
    return Message.objects.filter(pk=row.pk, claim_token=token, status=Message.Status.SENDING)


def _audit(verb: str, row: Message, **data: Any) -> None:
    audit.record(
        verb,
        workspace=row.workspace,
        interview=row.interview,
        actor_label="Takt",
        kind=row.kind,
        message_id=row.message_id,
        **data,
    )
