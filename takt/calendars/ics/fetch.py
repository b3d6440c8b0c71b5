"""A calendar feed fetched from its address, through the outbound guard."""

from urllib.parse import urlsplit

from takt import outbound
from takt.calendars.errors import CalendarError
from takt.calendars.ics.budget import DEFAULT_LIMITS
from takt.core.outbound_policy import configured_policy


def _short(error: BaseException | str) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def fetch_ics(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
    policy: outbound.Policy | None = None,
) -> bytes:
    """The body at an http(s) (or webcal) address, within `timeout` seconds in all and max_bytes.

    Only public addresses are fetched, unless the policy (by default the
    operator's TAKT_OUTBOUND_ALLOW) allows a network; every redirect is checked
    the same way. Errors carry no part of the remote answer.
    """
    address = url.strip()
    scheme = urlsplit(address).scheme.lower()
    if scheme in ("webcal", "webcals"):
        # webcal:// is what calendar apps publish; it is plain HTTPS underneath.
        address = "https" + address[len(scheme) :]
    _check_address(address)
    try:
        reply = outbound.get(
            address,
            policy=policy if policy is not None else configured_policy(),
            deadline=outbound.Deadline(timeout),
            max_bytes=max_bytes,
            headers={"Accept": "text/calendar, */*;q=0.5"},
        )
    except outbound.BadAddress as error:
        raise CalendarError("bad_url", detail=address[:120]) from error
    except outbound.Refused as error:
        raise CalendarError("refused", detail=error.detail) from error
    except outbound.TooBig as error:
        raise CalendarError("too_big", limit=max_bytes) from error
    except outbound.TooSlow as error:
        raise CalendarError("no_answer", detail=error.detail) from error
    except outbound.OutboundError as error:
        raise CalendarError("unreachable", detail=_short(error.detail)) from error
    if reply.status >= 400 or reply.status < 200:
        raise CalendarError("http_error", detail=str(reply.status))
    if reply.status >= 300:  # a redirect without a Location, or a 304 never asked for
        raise CalendarError("http_error", detail=str(reply.status))
    return reply.body


def _check_address(address: str) -> None:
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CalendarError("bad_url", detail=address[:120])
