import uuid

from django.db import models

from takt.core.models.interview import Interview
from takt.core.models.workspace import Workspace


def new_public_id() -> str:
    # The id a receiver deduplicates by (webhook-id): fixed when the event happens,
    # the same on every delivery attempt.
    return f"msg_{uuid.uuid4().hex}"


class Event(models.Model):
    """Something that happened, written in the same transaction as the change that caused it.

    The outbox of domain events: the webhooks app fans each one out to the
    workspace's endpoints. `stream` names what the order of delivery is kept
    for ("interview:12", "position:3"); events in one stream reach a receiver
    in the order they happened.
    """

    public_id = models.CharField(max_length=40, unique=True, default=new_public_id)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    interview = models.ForeignKey(
        Interview, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    stream = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=40)
    data = models.JSONField(default=dict)
    occurred_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["workspace", "occurred_at"], name="event_by_workspace")]

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"
