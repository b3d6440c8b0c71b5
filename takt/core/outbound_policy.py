"""The operator's outbound policy from Django's settings (TAKT_OUTBOUND_ALLOW).

takt.outbound itself stays free of Django, so this small bridge lives in core.
"""

import ipaddress

from django.conf import settings

from takt.outbound.addresses import Policy


def configured_policy() -> Policy:
    """The networks settings.TAKT_OUTBOUND_ALLOW lets Takt reach besides public addresses."""
    allowed = getattr(settings, "TAKT_OUTBOUND_ALLOW", ())
    return Policy(allow=tuple(ipaddress.ip_network(str(network)) for network in allowed))
