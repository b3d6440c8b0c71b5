"""Finding a person's CalDAV calendars from their server's address or their e-mail address.

People know their server (https://cloud.example.org) or their e-mail address,
not the address of a calendar collection. An e-mail address (or a bare domain)
is looked up as RFC 6764 says: the `_caldavs._tcp` SRV record (and its TXT
path), else `https://<domain>/.well-known/caldav`. A server address is asked as
given, then at its `/.well-known/caldav`. From there the principal
(current-user-principal) and its calendar home (calendar-home-set) give the
calendars to choose from.

Every request goes through the outbound guard (takt.outbound) under one
deadline, with the same address rules as any calendar fetch: the server's
address, the well-known request and its redirect, the host an SRV record names
and each request of the caldav client. DNS itself is only asked for names.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

import dns.exception
import dns.rdtypes.IN.SRV
import dns.resolver
from caldav.lib import error as dav_error

from takt import outbound
from takt.calendars.caldav_reader import calendar_error, guarded_client, refusal
from takt.calendars.errors import CalendarError
from takt.core.outbound_policy import configured_policy

__all__ = ["FoundCalendar", "discover_calendars"]

_REDIRECTS = (301, 302, 303, 307, 308)
# The well-known answer is a redirect or a short multistatus: nothing more is read.
_WELL_KNOWN_BYTES = 65_536
# Errors after which no other starting point can do better.
_FINAL = {"refused", "bad_url", "auth_failed", "no_answer", "too_big"}


@dataclass(frozen=True)
class FoundCalendar:
    """A calendar collection the person may tick to have it read."""

    url: str
    name: str


def discover_calendars(
    address: str,
    username: str,
    password: str,
    *,
    timeout: float = 10,
    lookup: Callable[[str, float], str | None] | None = None,
) -> list[FoundCalendar]:
    """The calendars of the account at `address` (a server's address, an e-mail or a domain).

    `lookup` finds a domain's CalDAV service address (RFC 6764); by default DNS,
    then the domain's well-known address. CalendarError when nothing answers.
    """
    deadline = outbound.Deadline(timeout)
    failure = CalendarError("caldav_failed", detail="no CalDAV service found")
    answered = False
    for start in _starting_points(address.strip(), deadline, lookup or _rfc6764):
        try:
            found = _calendars_at(_context_path(start, deadline), username, password, deadline)
        except CalendarError as error:
            failure = error
        except Exception as error:  # the next starting point may answer
            failure = calendar_error(error)
        else:
            if found:
                return found
            # Some servers take any path for the principal: the next point may know better.
            answered = True
            continue
        if failure.code in _FINAL:
            raise failure
    if answered:
        return []
    raise failure


def _calendars_at(
    url: str, username: str, password: str, deadline: outbound.Deadline
) -> list[FoundCalendar]:
    client = guarded_client(url, username, password, deadline.left(), deadline=deadline)
    with client:
        try:
            found = client.principal().calendars()
        except dav_error.AuthorizationError as error:
            raise CalendarError("auth_failed") from error
        return [FoundCalendar(str(c.url), _name(c.get_display_name(), str(c.url))) for c in found]


def _starting_points(
    address: str, deadline: outbound.Deadline, lookup: Callable[[str, float], str | None]
) -> list[str]:
    if not address:
        raise CalendarError("bad_url", detail="")
    if "://" not in address:
        if "@" in address or "/" not in address:
            # An e-mail address or a bare domain: RFC 6764 finds the service.
            found = lookup(address, deadline.left())
            return [found] if found else []
        address = "https://" + address  # a server's address written without its scheme
    try:
        parts = urlsplit(address)
        host = parts.hostname
        well_known = urljoin(address, "/.well-known/caldav")
    except ValueError as error:  # such as "https://[::1" with its bracket left open
        raise CalendarError("bad_url", detail=address[:120]) from error
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise CalendarError("bad_url", detail=address[:120])
    return [address] if address.rstrip("/") == well_known else [address, well_known]


def _context_path(url: str, deadline: outbound.Deadline) -> str:
    """Where a /.well-known/caldav address redirects to (RFC 6764 section 5); others as given."""
    if not urlsplit(url).path.rstrip("/").endswith("/.well-known/caldav"):
        return url
    try:
        reply = outbound.exchange(
            "PROPFIND",
            url,
            policy=configured_policy(),
            deadline=deadline,
            max_bytes=_WELL_KNOWN_BYTES,
            headers={"Depth": "0"},
        )
    except outbound.TooBig:
        return url  # not a redirect: the address itself is asked next
    except outbound.OutboundError as error:
        raise refusal(error) from error
    location = reply.header("Location") if reply.status in _REDIRECTS else None
    if location and urlsplit(urljoin(url, location)).scheme in ("http", "https"):
        # The redirect's host is checked like the first when the client connects to it.
        return urljoin(url, location)
    return url


def _rfc6764(identifier: str, seconds: float) -> str | None:
    """An e-mail address's CalDAV service: its domain's SRV record, or its well-known address."""
    domain = identifier.rsplit("@", 1)[-1].strip().rstrip(".").lower()
    if not domain or any(c in domain for c in "/:?# "):
        return None
    service = f"_caldavs._tcp.{domain}"
    for record in _srv_records(service, seconds):
        host = str(record.target).rstrip(".").lower()
        if not host:
            return None  # "." as target: the domain says it has no such service (RFC 2782)
        # RFC 6764 section 8: a record naming a host outside the domain is not trusted.
        if host != domain and not host.endswith("." + domain):
            continue
        port = "" if record.port == 443 else f":{record.port}"
        return f"https://{host}{port}{_txt_path(service, seconds)}"
    return f"https://{domain}/.well-known/caldav"


def _srv_records(service: str, seconds: float) -> list[dns.rdtypes.IN.SRV.SRV]:
    try:
        answers = dns.resolver.resolve(service, "SRV", lifetime=max(seconds, 0.1))
    except (dns.exception.DNSException, ValueError):
        return []
    return sorted(answers, key=lambda r: (r.priority, -r.weight))  # type: ignore[arg-type]


def _txt_path(service: str, seconds: float) -> str:
    """The context path a TXT record gives (path=/dav/), else the well-known address."""
    try:
        answers = dns.resolver.resolve(service, "TXT", lifetime=max(seconds, 0.1))
    except (dns.exception.DNSException, ValueError):
        answers = None
    for record in answers or ():
        text = b"".join(record.strings).decode("utf-8", errors="replace")  # type: ignore[attr-defined]
        if text.startswith("path=") and text[5:].startswith("/"):
            return text[5:]
    return "/.well-known/caldav"


def _name(display_name: str | None, url: str) -> str:
    """The calendar's display name, or the last part of its address when it has none."""
    if display_name:
        return display_name
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or url
