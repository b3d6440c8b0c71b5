"""Sending a failed message again, as the same message."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from takt.core import audit
from takt.outbox.models import Message
from takt.outbox.services import kick_delivery


def send_again(message: Message, *, actor: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Queue a failed message once more; False when it is not failed (any more).

    It keeps its idempotency key and Message-ID: to the recipient it is the same
    message, however many times it has been tried.
    """
    with transaction.atomic():
        requeued = Message.objects.filter(pk=message.pk, status=Message.Status.FAILED).update(
            status=Message.Status.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            claimed_at=None,
            claim_token="",
        )
        if requeued:
            audit.record(
                "message.queued",
                workspace=message.workspace,
                interview=message.interview,
                actor=actor,  # type: ignore[arg-type]
                recipient=message.recipient_email,
                kind=message.kind,
                message_id=message.message_id,
                again=True,
            )
            transaction.on_commit(kick_delivery)
    return bool(requeued)
