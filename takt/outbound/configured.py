"""The operator's policy from Django's settings (TAKT_OUTBOUND_ALLOW); the only Django here."""

import ipaddress

from takt.outbound.addresses import Policy


def configured_policy() -> Policy:
    """The networks settings.TAKT_OUTBOUND_ALLOW lets Takt reach besides public addresses."""
    from django.conf import settings  # here, so the rest of the package stays free of Django

    allowed = getattr(settings, "TAKT_OUTBOUND_ALLOW", ())
    return Policy(allow=tuple(ipaddress.ip_network(str(network)) for network in allowed))
