"""The e-mail to a workspace's owners when one of its webhook endpoints is switched off."""

from datetime import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from takt.core.models import Membership
from takt.outbox.services import queue_message
from takt.webhooks.models import Endpoint


def owners_language() -> str:
    # Users keep no language of their own: the installation's language is theirs.
    return "en" if settings.LANGUAGE_CODE.startswith("en") else "sv"


def switched_off(endpoint: Endpoint, now: datetime) -> None:
    """Queue one e-mail per owner, in the transaction that switched the endpoint off."""
    language = owners_language()
    owners = Membership.objects.filter(
        workspace=endpoint.workspace, role=Membership.Role.OWNER
    ).select_related("user")
    for membership in owners:
        user = membership.user
        if not user.email:
            continue
        name = user.first_name or user.get_username()
        with translation.override(language):
            subject = _("Takt has stopped posting to a webhook")
            text = _(
                "Hi %(name)s,\n\n"
                "%(url)s has not answered Takt's webhooks for a day, so Takt has stopped "
                "posting to it.\n\n"
                "When the receiver works again, switch the endpoint on under Webhooks in "
                "%(workspace)s. What is waiting is then posted, in order.\n\n"
                "Takt"
            ) % {"name": name, "url": endpoint.url, "workspace": endpoint.workspace.name}
        queue_message(
            workspace=endpoint.workspace,
            kind="webhook_switched_off",
            recipient_name=user.get_full_name() or user.get_username(),
            recipient_email=user.email,
            language=language,
            subject=subject,
            text=text,
            key=f"webhook-off|{endpoint.pk}|{now.isoformat()}|{user.email.lower()}",
        )
