from django.conf import settings
from django.db import models

from takt.core.models.interview import Interview
from takt.core.models.workspace import Workspace


class AuditEvent(models.Model):
    """Every state change: who, when, what. Written by the services, never edited."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="audit")
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="audit"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # For actors without an account, e.g. "candidate (link)" or "worker".
    actor_label = models.CharField(max_length=100, blank=True)
    verb = models.CharField(max_length=60)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["interview", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.verb}"
