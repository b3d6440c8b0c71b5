from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "takt.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        # Fan-out listens to core's events; the tasks register the delivery sweep.
        from takt.webhooks import fanout, tasks  # noqa: F401
