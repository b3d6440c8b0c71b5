from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    """The pages a candidate without an account reaches through a signed link."""

    name = "takt.candidates"
    label = "candidates"
    verbose_name = _("Candidate links")
