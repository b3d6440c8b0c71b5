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

        # The worker fills the candidate's link into an e-mail as it sends it.
        from takt.hiring.links import link_for_message
        from takt.outbox import links

        links.register(link_for_message)
