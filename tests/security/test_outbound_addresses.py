"""Which addresses the outbound guard lets Takt reach, in every notation an attacker may use."""

import ipaddress

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from takt import envconf
from takt.outbound import Policy, Refused, Unreachable, check_address, parse_networks
from takt.outbound.addresses import is_public

# Every kind of address the guard must refuse, with a network of each.
INNER = [
    "127.0.0.0/8",  # loopback
    "10.0.0.0/8",  # private
    "172.16.0.0/12",
    "192.168.0.0/16",
    "169.254.0.0/16",  # link-local (cloud metadata at 169.254.169.254)
    "100.64.0.0/10",  # shared address space (CGNAT)
    "0.0.0.0/8",  # "this network", 0.0.0.0 included
    "224.0.0.0/4",  # multicast
    "240.0.0.0/4",  # reserved
    "192.0.2.0/24",  # documentation
]
PUBLIC = ["8.8.8.0/24", "1.1.1.0/24", "93.184.216.0/24", "151.101.0.0/16"]


def addresses_in(networks: list[str]) -> st.SearchStrategy[ipaddress.IPv4Address]:
    def pick(network: str) -> st.SearchStrategy[ipaddress.IPv4Address]:
        net = ipaddress.IPv4Network(network)
        return st.integers(int(net.network_address), int(net.broadcast_address)).map(
            ipaddress.IPv4Address
        )

    return st.sampled_from(networks).flatmap(pick)


def notations(address: ipaddress.IPv4Address) -> st.SearchStrategy[str]:
    """The same IPv4 address written the ways resolvers accept (as a URL's host)."""
    a, b, c, d = address.packed
    whole = int(address)
    return st.sampled_from(
        [
            str(address),
            str(whole),  # 2130706433
            hex(whole),  # 0x7f000001
            f"0{whole:o}",  # 017700000001
            f"{a:#x}.{b:#x}.{c:#x}.{d:#x}",  # 0x7f.0x0.0x0.0x1
            f"0{a:o}.0{b:o}.0{c:o}.0{d:o}",  # 0177.00.00.01
            f"{a}.{whole & 0xFFFFFF}",  # 127.1
            f"{a}.{b}.{whole & 0xFFFF}",  # 127.0.1
            f"{a:#x}.{whole & 0xFFFFFF}",  # 0x7f.1
            f"[::ffff:{address}]",  # IPv4-mapped IPv6
            f"[::ffff:{(whole >> 16):x}:{(whole & 0xFFFF):x}]",  # the same in hex
            f"[::{address}]",  # IPv4-compatible IPv6
            f"[64:ff9b::{address}]",  # NAT64
        ]
    )


def host_of(notation: str) -> str:
    return notation.strip("[]")


@given(addresses_in(INNER).flatmap(notations))
def test_every_notation_of_an_inner_address_is_refused(notation: str) -> None:
    with pytest.raises(Refused):
        check_address(host_of(notation), 80, Policy(), seconds=5)


@given(addresses_in(PUBLIC).flatmap(lambda a: st.tuples(st.just(a), notations(a))))
def test_every_plain_notation_of_a_public_address_resolves_to_it(pair) -> None:
    address, notation = pair
    if notation.startswith("["):  # IPv4 inside IPv6 is refused however public the IPv4 is
        with pytest.raises(Refused):
            check_address(host_of(notation), 80, Policy(), seconds=5)
    else:
        assert check_address(host_of(notation), 80, Policy(), seconds=5) == [str(address)]


@pytest.mark.parametrize(
    "address",
    ["::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "::ffff:8.8.8.8"],
)
def test_inner_ipv6_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


def test_a_public_ipv6_address_is_allowed() -> None:
    assert is_public(ipaddress.ip_address("2a00:1450:4001:80b::200e"))


def test_localhost_by_name_is_refused() -> None:
    with pytest.raises(Refused):
        check_address("localhost", 80, Policy(), seconds=5)


def test_one_inner_address_among_public_ones_refuses_the_name() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"]

    with pytest.raises(Refused):
        check_address("calendar.example", 443, Policy(), seconds=5, resolver=resolver)


def test_an_allowed_network_is_reached_and_nothing_more() -> None:
    policy = Policy(allow=parse_networks("10.0.0.0/8,192.168.1.5/32", "TAKT_OUTBOUND_ALLOW"))
    assert check_address("10.1.2.3", 80, policy, seconds=5) == ["10.1.2.3"]
    assert check_address("192.168.1.5", 80, policy, seconds=5) == ["192.168.1.5"]
    with pytest.raises(Refused):
        check_address("192.168.1.6", 80, policy, seconds=5)
    with pytest.raises(Refused):
        check_address("127.0.0.1", 80, policy, seconds=5)


def test_an_allowed_ipv4_network_covers_its_mapped_ipv6_form() -> None:
    policy = Policy(allow=parse_networks("127.0.0.0/8", "X"))
    assert check_address("::ffff:127.0.0.1", 80, policy, seconds=5) == ["::ffff:127.0.0.1"]


def test_a_name_that_does_not_resolve_is_unreachable() -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(Unreachable):
        check_address("nowhere.invalid", 80, Policy(), seconds=5, resolver=resolver)


@pytest.mark.parametrize(
    "raw", ["10.0.0.0/33", "10.0.0.1/8", "intranet", "10.0.0.0/8;192.168.0.0/16"]
)
def test_a_bad_allow_setting_names_the_variable(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAKT_OUTBOUND_ALLOW", raw)
    with pytest.raises(ImproperlyConfigured, match="TAKT_OUTBOUND_ALLOW"):
        envconf.env_networks("TAKT_OUTBOUND_ALLOW")


def test_the_allow_setting_reads_a_list_of_networks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAKT_OUTBOUND_ALLOW", " 10.0.0.0/8, 192.168.1.5/32 ,fd00::/8")
    assert [str(n) for n in envconf.env_networks("TAKT_OUTBOUND_ALLOW")] == [
        "10.0.0.0/8",
        "192.168.1.5/32",
        "fd00::/8",
    ]
    monkeypatch.delenv("TAKT_OUTBOUND_ALLOW")
    assert envconf.env_networks("TAKT_OUTBOUND_ALLOW") == ()
