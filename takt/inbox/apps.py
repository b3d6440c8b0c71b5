from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """Replies by e-mail: read once, tied to their change, or kept for a person."""

    name = "takt.inbox"
    label = "inbox"
    verbose_name = _("Replies received")

    def ready(self) -> None:
        # Registers the periodic mailbox poll that `takt worker` enqueues.
        from takt.inbox import tasks  # noqa: F401
