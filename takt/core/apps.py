from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Workspaces, people, interviews and their changes: what every other app builds on."""

    name = "takt.core"
    # The models were born in an app labelled "interviews": keeping the label keeps every
    # installation's tables (interviews_*) and migration history as they are.
    label = "interviews"
    verbose_name = _("Interviews")

    def ready(self) -> None:
        # Registers the hourly housekeeping that `takt worker` enqueues.
        from takt.core import housekeeping  # noqa: F401
