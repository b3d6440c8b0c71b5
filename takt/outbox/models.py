from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from takt.core.models import Change, Interview, Workspace


class Message(models.Model):
    """The outbox: written in the same transaction as the change that causes it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="messages")
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    change = models.ForeignKey(
        Change, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    kind = models.CharField(max_length=60)
    recipient_name = models.CharField(max_length=200, blank=True)
    recipient_email = models.EmailField()
    language = models.CharField(max_length=5, default="sv")
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField(blank=True)
    ical = models.TextField(blank=True)
    # A candidate's link goes where the text says links.PLACEHOLDER, made when it is sent
    # (links.py): bound to the interview, the change and this sequence of the interview.
    link_sequence = models.PositiveIntegerField(null=True, blank=True)
    # A job seeker's message relayed by Takt: "<name> via Takt", answers go to the person.
    from_name = models.CharField(max_length=200, blank=True)
    reply_to = models.EmailField(blank=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ical_method = models.CharField(max_length=20, blank=True)
    # interview, kind, sequence and recipient: the same message is never queued twice,
    # and Message-ID is derived from it so a resend after a crash keeps its identity.
    idempotency_key = models.CharField(max_length=300, unique=True)
    message_id = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Which worker's batch holds the row while it is SENDING: a worker records the
    # outcome only for rows it still holds, so a reclaimed row is never marked twice.
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            # The outbox page: a workspace's newest first, all or one status at a time.
            models.Index(fields=["workspace", "-created_at", "-id"], name="outbox_newest"),
            models.Index(
                fields=["workspace", "status", "-created_at", "-id"], name="outbox_newest_by_status"
            ),
            # The relay's daily limit counts a sender's messages of the last day.
            models.Index(fields=["sender", "created_at"], name="outbox_by_sender"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_email} ({self.status})"
