from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "takt.outbox"
    label = "outbox"
    verbose_name = _("Outbox")

    def ready(self) -> None:
        # Registers the periodic delivery sweep that `takt worker` enqueues.
        from takt.outbox import tasks  # noqa: F401
