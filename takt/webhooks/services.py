"""What a workspace's members do with webhook endpoints: each a verb in one transaction."""

from collections.abc import Collection
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import audit
from takt.core.events import KINDS
from takt.core.models import Workspace
from takt.webhooks.models import Delivery, Endpoint
from takt.webhooks.signing import new_secret
from takt.webhooks.targets import BadTarget, check_target
from takt.webhooks.tasks import kick

# How long the secret before a rotation keeps signing beside the new one.
ROTATION_OVERLAP = timedelta(hours=24)


def _checked_events(events: Collection[str]) -> list[str]:
    unknown = sorted(set(events) - set(KINDS))
    if unknown:
        raise BadTarget(_("Unknown events: %(names)s.") % {"names": ", ".join(unknown)})
    if not events:
        raise BadTarget(_("Choose at least one event."))
    return [kind for kind in KINDS if kind in events]


@transaction.atomic
def add_endpoint(
    workspace: Workspace,
    *,
    url: str,
    events: Collection[str],
    actor: User | None,
    description: str = "",
) -> Endpoint:
    """A new endpoint with a fresh secret; BadTarget when the address may not be posted to."""
    chosen = _checked_events(events)
    check_target(url)
    endpoint = Endpoint.objects.create(
        workspace=workspace,
        url=url.strip(),
        description=description.strip(),
        events=chosen,
        secret=new_secret(),
        created_by=actor,
    )
    audit.record("webhook.added", workspace=workspace, actor=actor, url=endpoint.url)
    return endpoint


@transaction.atomic
def change_events(endpoint: Endpoint, events: Collection[str], *, actor: User | None) -> Endpoint:
    endpoint.events = _checked_events(events)
    endpoint.save(update_fields=["events"])
    return endpoint


@transaction.atomic
def rotate_secret(endpoint: Endpoint, *, actor: User | None) -> Endpoint:
    """A new secret; the one it replaces goes on signing beside it for 24 hours."""
    endpoint = Endpoint.objects.select_for_update().get(pk=endpoint.pk)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_until = timezone.now() + ROTATION_OVERLAP
    endpoint.secret = new_secret()
    endpoint.save(update_fields=["secret", "previous_secret", "previous_until"])
    audit.record("webhook.rotated", workspace=endpoint.workspace, actor=actor, url=endpoint.url)
    return endpoint


@transaction.atomic
def set_enabled(endpoint: Endpoint, enabled: bool, *, actor: User | None) -> Endpoint:
    """Switch it on (what waits is posted, in order) or off (nothing new is queued for it)."""
    if enabled:
        check_target(endpoint.url)
    endpoint.enabled = enabled
    endpoint.failing_since = None
    endpoint.switched_off_at = None if enabled else endpoint.switched_off_at
    endpoint.save(update_fields=["enabled", "failing_since", "switched_off_at"])
    verb = "webhook.enabled" if enabled else "webhook.disabled"
    audit.record(verb, workspace=endpoint.workspace, actor=actor, url=endpoint.url)
    if enabled:
        transaction.on_commit(kick)
    return endpoint


@transaction.atomic
def delete_endpoint(endpoint: Endpoint, *, actor: User | None) -> None:
    audit.record("webhook.deleted", workspace=endpoint.workspace, actor=actor, url=endpoint.url)
    endpoint.delete()


@transaction.atomic
def send_again(delivery: Delivery, *, actor: User | None) -> Delivery:
    """Post the event to the endpoint once more, under the same webhook-id.

    A new delivery row, so the log keeps the earlier attempts as they were; it
    queues behind anything still waiting for the same interview.
    """
    again = Delivery.objects.create(
        event=delivery.event,
        endpoint=delivery.endpoint,
        stream=delivery.stream,
        next_attempt_at=timezone.now(),
        created_at=timezone.now(),
    )
    audit.record(
        "webhook.sent_again",
        workspace=delivery.endpoint.workspace,
        actor=actor,
        url=delivery.endpoint.url,
        event=delivery.event.public_id,
    )
    transaction.on_commit(kick)
    return again
