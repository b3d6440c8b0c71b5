"""Finding a person's CalDAV calendars from their server's address or their e-mail address.

People know their server (https://cloud.example.org) or their e-mail address,
not the address of a calendar collection. An e-mail address (or a bare domain)
is looked up as RFC 6764 says: `_caldavs._tcp` SRV and TXT records, then
`https://<domain>/.well-known/caldav` (caldav's own discovery, TLS only, and only
hosts within that domain). A server address is asked as given, then at its
`/.well-known/caldav`. From there the principal (current-user-principal) and its
calendar home (calendar-home-set) give the calendars to choose from.
"""

import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError
from urllib.parse import unquote, urljoin, urlsplit

from caldav.davclient import DAVClient
from caldav.discovery import discover_caldav
from caldav.lib import error as dav_error

from takt.calendars.errors import CalendarError

__all__ = ["FoundCalendar", "discover_calendars"]


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
    timeout: int = 10,
    lookup: Callable[[str, int], str | None] | None = None,
) -> list[FoundCalendar]:
    """The calendars of the account at `address` (a server's address, an e-mail or a domain).

    `lookup` finds a domain's CalDAV service address (RFC 6764); by default DNS
    and the well-known address, through caldav.
    """
    failure = CalendarError("caldav_failed", detail="no CalDAV service found")
    answered = False
    for start in _starting_points(address.strip(), timeout, lookup or _rfc6764):
        try:
            found = _calendars_at(_context_path(start, timeout), username, password, timeout)
        except dav_error.AuthorizationError as error:
            raise CalendarError("auth_failed") from error
        except Exception as error:  # the next starting point may answer
            failure = CalendarError("caldav_failed", detail=_short(error))
            continue
        if found:
            return found
        # Some servers take any path for the principal: the next point may know better.
        answered = True
    if answered:
        return []
    raise failure


def _calendars_at(url: str, username: str, password: str, timeout: int) -> list[FoundCalendar]:
    with DAVClient(url=url, username=username, password=password, timeout=timeout) as client:
        found = client.principal().calendars()
        return [FoundCalendar(str(c.url), _name(c.get_display_name(), str(c.url))) for c in found]


def _starting_points(
    address: str, timeout: int, lookup: Callable[[str, int], str | None]
) -> list[str]:
    if "://" not in address:
        # An e-mail address or a bare domain: RFC 6764 finds the service.
        found = lookup(address, timeout)
        return [found] if found else []
    well_known = urljoin(address, "/.well-known/caldav")
    return [address] if address.rstrip("/") == well_known else [address, well_known]


def _context_path(url: str, timeout: int) -> str:
    """Where a /.well-known/caldav address redirects to (RFC 6764 section 5); others as given."""
    if not urlsplit(url).path.rstrip("/").endswith("/.well-known/caldav"):
        return url
    request = urllib.request.Request(url, method="PROPFIND", headers={"Depth": "0"})
    opener = urllib.request.build_opener(_NoRedirects())
    try:
        with opener.open(request, timeout=timeout):
            return url
    except HTTPError as error:
        location = (
            error.headers.get("Location") if error.code in (301, 302, 303, 307, 308) else None
        )
        if location and urlsplit(urljoin(url, location)).scheme in ("http", "https"):
            return urljoin(url, location)
        return url


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are read, not followed: the context path is the answer itself."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _short(error: Exception) -> str:
    return (str(error) or type(error).__name__)[:120]


def _rfc6764(identifier: str, timeout: int) -> str | None:
    service = discover_caldav(identifier, timeout=timeout, require_tls=True)
    return service.url if service is not None else None


def _name(display_name: str | None, url: str) -> str:
    """The calendar's display name, or the last part of its address when it has none."""
    if display_name:
        return display_name
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or url
