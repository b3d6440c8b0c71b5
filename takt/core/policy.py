"""Workspace settings."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import transaction

from takt import etiquette
from takt.core import audit
from takt.core.models import Workspace


@transaction.atomic
def set_policy(
    workspace: Workspace,
    overrides: dict[str, Any],
    *,
    actor: User | AbstractBaseUser | AnonymousUser | None,
) -> None:
    """Store the rules' thresholds; BadInput (nothing saved) on an unknown key or bad value."""
    etiquette.Policy.from_mapping(overrides)
    keys = etiquette.Policy.keys()
    others = {k: v for k, v in workspace.policy.items() if k not in keys}
    workspace.policy = {**others, **overrides}
    workspace.save(update_fields=["policy"])
    audit.record(
        "workspace.policy",
        workspace=workspace,
        actor=actor if isinstance(actor, User) else None,
        **overrides,
    )
