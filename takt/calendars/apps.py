from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    name = "takt.calendars"
    label = "calendars"
    verbose_name = _("Calendars")

    def ready(self) -> None:
        # Registers the periodic refresh with takt.periodic for `takt worker`.
        from takt.calendars import tasks  # noqa: F401
