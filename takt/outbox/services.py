"""Queueing messages: a Message row in the caller's transaction, delivery after commit."""

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.tasks import task_backends
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from takt.core.models import Change, Interview, Workspace
from takt.outbox.models import Message
from takt.outbox.tasks import deliver_due

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Relayed:
    """Who a relayed message speaks for: the From's display name, the Reply-To, the user."""

    display_name: str
    email: str
    user: User | None


def idempotency_key(subject: str, kind: str, sequence: int, recipient: str) -> str:
    """What makes a message the same message: its subject (interview uid), kind, sequence, to."""
    return f"{subject}|{kind}|{sequence}|{recipient.strip().lower()}"


def message_id_for(key: str, domain: str = "takt") -> str:
    # Derived from the key, so a message resent after a crash keeps its identity
    # and a recipient's mail client drops the duplicate instead of showing two.
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:40]}@{domain}>"


def queue_message(
    *,
    workspace: Workspace,
    kind: str,
    recipient_name: str,
    recipient_email: str,
    language: str,
    subject: str,
    text: str,
    html: str = "",
    interview: Interview | None = None,
    change: Change | None = None,
    ical: bytes | None = None,
    ical_method: str = "",
    key: str | None = None,
    send_after: datetime | None = None,
    link_sequence: int | None = None,
    relayed_for: Relayed | None = None,
) -> Message:
    """Queue one e-mail; the same key twice gives the first message back, never a second one.

    `link_sequence`: the text holds links.PLACEHOLDER, filled with a candidate's link for
    the interview at that sequence when it is sent. `relayed_for`: a person's own words
    sent through Takt, so the e-mail says so and answers go back to them.
    """
    if key is None:
        if interview is None:
            raise ValueError("a message without an interview needs an explicit key")
        key = idempotency_key(interview.uid, kind, interview.sequence, recipient_email)
    message, created = Message.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "workspace": workspace,
            "interview": interview,
            "change": change,
            "kind": kind,
            "recipient_name": recipient_name,
            "recipient_email": recipient_email,
            "language": language,
            "subject": subject,
            "text": text,
            "html": html,
            "ical": ical.decode() if ical else "",
            "ical_method": ical_method,
            "message_id": message_id_for(key),
            "next_attempt_at": send_after or timezone.now(),
            "link_sequence": link_sequence,
            "from_name": relayed_for.display_name if relayed_for else "",
            "reply_to": relayed_for.email if relayed_for else "",
            "sender": relayed_for.user if relayed_for else None,
        },
    )
    if created:
        transaction.on_commit(kick_delivery)
    return message


def kick_delivery() -> None:
    """Ask the worker to deliver now; a worker that is down finds the rows on its next sweep.

    One waiting delivery task is enough: it sends batch after batch until nothing is
    due, so a burst of messages (a position filled, forty candidates told) queues one
    task, not one per message. A task already running may have passed its last look
    at the queue, so only a task not yet started makes a kick unnecessary.
    """
    try:
        if not _delivery_waiting(deliver_due.module_path):
            deliver_due.enqueue()
    except Exception:  # the outbox row is safe; the periodic sweep will send it
        log.exception("could not enqueue delivery")


def _delivery_waiting(task_path: str) -> bool:
    if not isinstance(task_backends["default"], DatabaseBackend):
        return False
    return DBTaskResult.objects.ready().filter(task_path=task_path).exists()
