from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HiringConfig(AppConfig):
    """The employer's side (method 3): positions, cancelling, offering times, candidate links."""

    name = "takt.hiring"
    label = "hiring"
    verbose_name = _("Hiring")

    def ready(self) -> None:
        # The recruiter's dashboard items join the dashboard's registry.
        from takt.hiring import reminders  # noqa: F401
