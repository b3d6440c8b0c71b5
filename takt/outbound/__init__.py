"""Outbound HTTP that cannot be pointed inward: every address resolved, checked and pinned.

Anything Takt fetches on a user's say-so (calendar feeds, CalDAV servers, later
webhooks) goes through here, so an address such as http://127.1/ or a redirect
to 10.0.0.5 never reaches Takt's own network. No Django in here.
"""

from takt.outbound.addresses import Policy, check_address, parse_networks
from takt.outbound.errors import (
    BadAddress,
    BadReply,
    OutboundError,
    Refused,
    TooBig,
    TooManyRedirects,
    TooSlow,
    Unreachable,
)
from takt.outbound.fetch import Deadline, Reply, exchange, get

__all__ = [
    "BadAddress",
    "BadReply",
    "Deadline",
    "OutboundError",
    "Policy",
    "Refused",
    "Reply",
    "TooBig",
    "TooManyRedirects",
    "TooSlow",
    "Unreachable",
    "check_address",
    "exchange",
    "get",
    "parse_networks",
]
