"""A mail received: read and tied to its change, or kept for a person to look at."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from takt.core.models import Change, Interview, Workspace


class InboundMail(models.Model):
    class Status(models.TextChoices):
        READ = "read", _("Read")
        KEPT = "kept", _("Kept for a person")

    class Why(models.TextChoices):
        READ = "", _("Read")
        NO_CHANGE = "no_change", _("Matches no change")
        OTHER_SENDER = "other_sender", _("Sent by someone else than the counterpart")
        NO_WORDS = "no_words", _("No words to read")
        # Calendar answers (iTIP REPLY and COUNTER): takt/inbox/itip.py.
        UNKNOWN_INVITATION = "unknown_invitation", _("Answers an invitation Takt did not send")
        OLD_SEQUENCE = "old_sequence", _("Answers another version of the invitation")
        CLOSED = "closed", _("The interview is no longer open")
        UNREADABLE = "unreadable", _("A calendar answer Takt cannot read")
        BROKEN = "broken", _("Takt could not read this mail")

    # The Message-ID (or a digest of the raw mail when it has none): one row per mail,
    # so a mail handed over twice, or again after a crash mid-read, is read once.
    message_id = models.CharField(max_length=500, unique=True)
    received_at = models.DateTimeField()
    sender = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    raw = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    why = models.CharField(max_length=20, choices=Why.choices, blank=True)
    # The workspace whose page lists the mail: the interview's, once the mail is tied to one.
    # A mail that matches no interview has none and is for the operator (the admin).
    workspace = models.ForeignKey(
        Workspace, null=True, blank=True, on_delete=models.CASCADE, related_name="inbound_mail"
    )
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.SET_NULL, related_name="inbound_mail"
    )
    change = models.ForeignKey(
        Change, null=True, blank=True, on_delete=models.SET_NULL, related_name="inbound_mail"
    )
    reading = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reply received")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["workspace", "-received_at", "-id"], name="inbox_ws_received"),
            models.Index(
                fields=["workspace", "status", "-received_at", "-id"], name="inbox_ws_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender}: {self.subject} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.interview is not None and self.workspace_id is None:
            self.workspace_id = self.interview.workspace_id
        super().save(*args, **kwargs)
