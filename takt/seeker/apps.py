from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeekerConfig(AppConfig):
    """The job seeker's flows: add an interview, reschedule it (method 1), cancel it (method 2)."""

    name = "takt.seeker"
    label = "seeker"
    verbose_name = _("Job seeker")

    def ready(self) -> None:
        # The job seeker's dashboard reminders join the dashboard's registry.
        from takt.seeker import reminders  # noqa: F401
