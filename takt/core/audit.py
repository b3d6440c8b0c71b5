"""The audit trail: one row per state change, written inside the change's own transaction."""

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone

from takt.core.models import AuditEvent, Interview, Workspace


def record(
    verb: str,
    *,
    workspace: Workspace,
    interview: Interview | None = None,
    actor: User | AnonymousUser | None = None,
    actor_label: str = "",
    **data: Any,
) -> AuditEvent:
    user = actor if isinstance(actor, User) else None
    return AuditEvent.objects.create(
        workspace=workspace,
        interview=interview,
        actor=user,
        actor_label=actor_label,
        verb=verb,
        data=data,
        at=timezone.now(),
    )
