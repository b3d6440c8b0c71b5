"""Which IP addresses Takt may connect to, and the one lookup that decides it.

A host name is resolved once; every address it gives is checked, and the
connection is then made to a checked address (see fetch.py), so a name that
answers 1.2.3.4 to the check and 127.0.0.1 to the connect (DNS rebinding)
gains nothing. Resolving also settles every notation of an address: 127.1,
0x7f.1, 2130706433 and 0177.0.0.1 all come back as 127.0.0.1.
"""

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from takt.outbound.errors import Refused, TooSlow, Unreachable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# IPv6 ranges that carry an IPv4 address inside: the IPv4 one decides.
_V4_INSIDE_V6 = (
    ipaddress.IPv6Network("::ffff:0:0/96"),  # IPv4-mapped
    ipaddress.IPv6Network("::/96"),  # IPv4-compatible (deprecated)
    ipaddress.IPv6Network("::ffff:0:0:0/96"),  # IPv4-translated (SIIT)
    ipaddress.IPv6Network("64:ff9b::/96"),  # NAT64, well-known prefix
    ipaddress.IPv6Network("64:ff9b:1::/48"),  # NAT64, local use
)

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class Policy:
    """Networks an operator lets Takt reach although they are not public (TAKT_OUTBOUND_ALLOW)."""

    allow: tuple[Network, ...] = ()

    def permits(self, address: IPAddress) -> bool:
        """True when Takt may connect to this address."""
        if any(_contains(network, address) for network in self.allow):
            return True
        return is_public(address)


def is_public(address: IPAddress) -> bool:
    """A globally routed unicast address: not loopback, private, shared, link-local, ..."""
    if isinstance(address, ipaddress.IPv6Address):
        if any(address in network for network in _V4_INSIDE_V6):
            return False  # refused in every form; the operator may allow its IPv4 network
        if address.sixtofour is not None and not is_public(address.sixtofour):
            return False
        if address.teredo is not None:
            return False
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global  # shared (100.64/10), documentation, benchmarking, ...
    )


def _embedded_v4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(address, ipaddress.IPv6Address):
        for network in _V4_INSIDE_V6:
            if address in network:
                return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _contains(network: Network, address: IPAddress) -> bool:
    if address.version == network.version and address in network:
        return True
    inner = _embedded_v4(address)
    return inner is not None and inner.version == network.version and inner in network


def parse_networks(raw: str, name: str) -> tuple[Network, ...]:
    """Comma-separated CIDR networks ("10.0.0.0/8, 192.168.1.5/32"); ValueError names `name`."""
    networks = []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=True))
        except ValueError:
            raise ValueError(
                f"{name} must be networks in CIDR notation separated by commas "
                f"(such as 10.0.0.0/8,192.168.1.5/32); {part!r} is not one."
            ) from None
    return tuple(networks)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system's resolver gives for a TCP connection to host:port."""
    records = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(record[4][0]) for record in records]


def check_address(
    host: str,
    port: int,
    policy: Policy,
    *,
    seconds: float,
    resolver: Resolver = system_resolver,
) -> list[str]:
    """The addresses to connect to for host:port; Refused if any of them is not permitted.

    One forbidden address refuses the whole name, so a name that mixes a public
    and an inner address cannot win by the order in which they are tried.
    """
    found = _resolve(host, port, seconds, resolver)
    addresses = []
    for text in found:
        address = ipaddress.ip_address(text.split("%", 1)[0])  # a zone index is no part of it
        if not policy.permits(address):
            raise Refused(f"{host} resolves to {address}, which is not a public address")
        addresses.append(str(address))
    if not addresses:
        raise Unreachable(f"{host} has no address")
    return list(dict.fromkeys(addresses))


def _resolve(host: str, port: int, seconds: float, resolver: Resolver) -> Iterable[str]:
    """The resolver's answer within `seconds`: getaddrinfo itself cannot be given a timeout."""
    try:
        # An address written out in full needs no lookup (and no thread to wait on one);
        # short forms such as 127.1 still go to the resolver, which spells them out.
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    answer: list[str] = []
    failure: list[BaseException] = []

    def ask() -> None:
        try:
            answer.extend(resolver(host, port))
        except (OSError, UnicodeError, ValueError) as error:
            failure.append(error)

    # A daemon thread: a resolver that hangs is left behind, not waited for.
    worker = threading.Thread(target=ask, name="takt-outbound-resolve", daemon=True)
    worker.start()
    worker.join(max(seconds, 0.0))
    if worker.is_alive():
        raise TooSlow(f"looking up {host} took too long")
    if failure:
        raise Unreachable(f"{host} does not resolve: {failure[0]}")
    return answer
