"""A niquests transport that sends every request (and every redirect hop) through the guard.

caldav speaks HTTP through a niquests Session. Mounted on that session, this
adapter replaces niquests' own connection pool: each request is resolved,
checked, pinned, bounded by the shared deadline and capped after
decompression by takt.outbound.fetch. niquests still does what sits above the
wire (authentication, cookies, following redirects), and each redirect it
follows comes back here.
"""

from collections.abc import Iterable
from typing import Any

from niquests import PreparedRequest, Response, Session
from niquests.adapters import BaseAdapter
from niquests.structures import CaseInsensitiveDict
from niquests.utils import get_encoding_from_headers

from takt.outbound.addresses import Policy, Resolver, system_resolver
from takt.outbound.errors import TooBig
from takt.outbound.fetch import Deadline, Reply, exchange

# niquests' defaults that the guard sets itself: it only accepts the encodings it can cap.
_OWN_HEADERS = {"accept-encoding", "content-length", "transfer-encoding", "connection"}


class GuardedAdapter(BaseAdapter):
    """Sends a PreparedRequest with takt.outbound.fetch.exchange."""

    def __init__(
        self,
        policy: Policy,
        deadline: Deadline,
        max_bytes: int,
        resolver: Resolver = system_resolver,
    ) -> None:
        super().__init__()
        self.policy = policy
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.resolver = resolver
        # The cap holds for all answers of the session together, not for each one.
        self.received = 0

    def send(  # type: ignore[override]
        self,
        request: PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
        **_: Any,
    ) -> Response:
        headers = {
            key if isinstance(key, str) else key.decode("latin-1"): str(value)
            for key, value in (request.headers or {}).items()
            if key.lower() not in _OWN_HEADERS
        }
        try:
            reply = exchange(
                request.method or "GET",
                request.url or "",
                policy=self.policy,
                deadline=self.deadline,
                max_bytes=self.max_bytes - self.received,
                headers=headers,
                body=_body(request.body),
                resolver=self.resolver,
                verify=verify is not False,
            )
        except TooBig as error:
            raise TooBig(error.detail, self.max_bytes) from None
        self.received += len(reply.body)
        return _response(request, reply, self)

    def close(self) -> None:
        """Nothing to release: every exchange closes its own connection."""


def guard_session(session: Session, adapter: GuardedAdapter) -> None:
    """Route every http(s) request of the session through the adapter, and ignore proxy variables.

    A proxy from HTTP_PROXY would be the one address connected to, unchecked.
    """
    session.trust_env = False
    session.mount("http://", adapter)
    session.mount("https://", adapter)


def _body(body: Any) -> bytes | None:
    if body is None:
        return None
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, Iterable):
        return b"".join(part if isinstance(part, bytes) else str(part).encode() for part in body)
    raise TypeError(f"cannot send a body of type {type(body).__name__}")


class _Spent:
    """What niquests expects as `raw` once the body is already read: nothing left to read."""

    _original_response = None

    def __init__(self, reply: Reply) -> None:
        self.status = reply.status
        self.reason = reply.reason

    def read(self, *args: Any, **kwargs: Any) -> bytes:
        return b""

    def stream(self, *args: Any, **kwargs: Any) -> Iterable[bytes]:
        return iter(())

    def close(self) -> None:
        pass

    def release_conn(self) -> None:
        pass


def _response(request: PreparedRequest, reply: Reply, adapter: GuardedAdapter) -> Response:
    response = Response()
    response.status_code = reply.status
    response.reason = reply.reason
    response.headers = CaseInsensitiveDict(reply.headers)
    response.encoding = get_encoding_from_headers(response.headers)
    response._content = reply.body
    response._content_consumed = True
    response.url = request.url
    response.request = request
    response.connection = adapter  # type: ignore[attr-defined]
    response.raw = _Spent(reply)  # type: ignore[assignment]
    return response
