"""Where an endpoint may point: checked when it is saved, and again on every delivery.

The same guard as calendars (takt.outbound): a name that resolves to a
loopback, private or link-local address is refused unless the operator
allows that network (TAKT_OUTBOUND_ALLOW). Delivery goes through
takt.outbound.exchange, which resolves, checks and pins again, so a name
whose DNS answer changes after saving gains nothing.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from takt import outbound
from takt.core.outbound_policy import configured_policy

LOOKUP_SECONDS = 5.0


class BadTarget(Exception):
    """The address cannot be a webhook endpoint; the message is for the person saving it."""


def check_target(url: str) -> None:
    """Raise BadTarget, in the active language, unless Takt may post to `url`."""
    parts = urlsplit(url.strip())
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise BadTarget(_("The port in the address is not a number.")) from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise BadTarget(_("Give an address that starts with https:// (or http://)."))
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        outbound.check_address(host, port, configured_policy(), seconds=LOOKUP_SECONDS)
    except outbound.Refused:
        raise BadTarget(
            _(
                "%(host)s leads to an address in a private or local network, which Takt does "
                "not post to. The operator can allow that network."
            )
            % {"host": host}
        ) from None
    except outbound.OutboundError:
        raise BadTarget(
            _("%(host)s cannot be found. Check the address.") % {"host": host}
        ) from None
