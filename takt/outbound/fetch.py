"""One HTTP exchange to a checked address, under a total deadline and a byte cap.

A per-read timeout lets a server that drips one byte a second hold a worker
forever, so the deadline covers the name lookup, the connect and every read
together: a watchdog shuts the socket when it passes, which ends any read
that is waiting. The byte cap counts the body after decompression, so a small
gzip answer cannot unpack into gigabytes.
"""

import http.client
import os
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from takt.outbound import alarm
from takt.outbound.addresses import Policy, Resolver, check_address, system_resolver
from takt.outbound.errors import (
    BadAddress,
    BadReply,
    OutboundError,
    TooBig,
    TooManyRedirects,
    TooSlow,
    Unreachable,
)

_CHUNK = 65536
_REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5


@dataclass
class Deadline:
    """The moment by which a whole exchange, redirects and all, must be done."""

    seconds: float
    clock: Callable[[], float] = time.monotonic
    at: float = field(init=False)

    def __post_init__(self) -> None:
        self.at = self.clock() + self.seconds

    def left(self) -> float:
        """Seconds left; TooSlow once none are."""
        remaining = self.at - self.clock()
        if remaining <= 0:
            raise TooSlow(f"no answer within {self.seconds:g} s")
        return remaining


@dataclass(frozen=True)
class Reply:
    """A whole HTTP answer: its body already decompressed and within the cap."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first header of that name, case-insensitively."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


def get(
    url: str,
    *,
    policy: Policy,
    deadline: Deadline,
    max_bytes: int,
    headers: Mapping[str, str] | None = None,
    resolver: Resolver = system_resolver,
) -> Reply:
    """GET `url`, following up to MAX_REDIRECTS redirects, each one checked like the first."""
    for _ in range(MAX_REDIRECTS + 1):
        reply = exchange(
            "GET",
            url,
            policy=policy,
            deadline=deadline,
            max_bytes=max_bytes,
            headers=headers,
            resolver=resolver,
        )
        location = reply.header("Location")
        if reply.status not in _REDIRECTS or not location:
            return reply
        url = urljoin(url, location)
    raise TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")


def exchange(
    method: str,
    url: str,
    *,
    policy: Policy,
    deadline: Deadline,
    max_bytes: int,
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    resolver: Resolver = system_resolver,
    verify: bool = True,
) -> Reply:
    """One request and its whole answer, without following redirects."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:  # a port that is not a number
        raise BadAddress(f"{url[:120]}: {error}") from None
    if scheme not in ("http", "https") or not host:
        raise BadAddress(f"not an http(s) address: {url[:120]}")
    port = port or (443 if scheme == "https" else 80)
    addresses = check_address(host, port, policy, seconds=deadline.left(), resolver=resolver)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    sent = {"User-Agent": "Takt", "Accept-Encoding": "gzip, deflate", **(headers or {})}
    if body is not None:
        sent["Content-Length"] = str(len(body))

    watchdog = _Watchdog(deadline)
    try:
        connection = _connect(scheme, host, port, addresses, deadline, verify, watchdog)
        try:
            connection.request(method, target, body=body, headers=sent)
            response = connection.getresponse()
            content = _read_body(response, method, max_bytes, watchdog)
            reply = Reply(
                url=url,
                status=response.status,
                reason=response.reason,
                headers=list(response.getheaders()),
                body=content,
            )
        finally:
            watchdog.forget()
            connection.close()
    except OutboundError:
        watchdog.raise_if_fired()
        raise
    except (OSError, http.client.HTTPException, zlib.error) as error:
        watchdog.raise_if_fired()
        raise Unreachable(f"{host}: {type(error).__name__}: {error}"[:200]) from None
    finally:
        watchdog.stop()
    watchdog.raise_if_fired()
    return reply


def _connect(
    scheme: str,
    host: str,
    port: int,
    addresses: list[str],
    deadline: Deadline,
    verify: bool,
    watchdog: "_Watchdog",
) -> http.client.HTTPConnection:
    """A connection to the first checked address that answers; Host and SNI stay the name."""
    last: OSError | None = None
    for address in addresses:
        connection: http.client.HTTPConnection
        timeout = deadline.left()
        if scheme == "https":
            context = ssl.create_default_context()
            if not verify:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        # http.client would look the name up again here; it gets the checked address instead.
        connection._create_connection = _pinned(address, watchdog)  # type: ignore[attr-defined]
        try:
            connection.connect()
            return connection
        except ssl.SSLError as error:
            watchdog.forget()
            connection.close()
            watchdog.raise_if_fired()
            raise Unreachable(f"{host}: TLS: {error}"[:200]) from None
        except OSError as error:
            watchdog.forget()
            connection.close()
            watchdog.raise_if_fired()
            last = error
    deadline.left()
    raise Unreachable(f"{host}: cannot connect: {last}"[:200])


def _pinned(address: str, watchdog: "_Watchdog") -> Callable[..., socket.socket]:
    def create(target: tuple[str, int], timeout: float, source: object = None) -> socket.socket:
        sock = socket.create_connection((address, target[1]), timeout)
        watchdog.watch(sock)
        return sock

    return create


class _Watchdog:
    """Shuts the watched socket when the deadline passes, ending any connect or read in progress.

    It keeps the descriptor's number, not the socket object: TLS wraps the socket
    into a new object that takes the descriptor over. Callers forget() the socket
    before closing it, so a number reused by another socket is never touched.
    """

    def __init__(self, deadline: Deadline) -> None:
        self.fired = False
        self.seconds = deadline.seconds
        self._fd: int | None = None
        self._lock = threading.Lock()
        self._alarm = alarm.after(deadline.at - deadline.clock(), self._fire)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._fd = sock.fileno()
            if self.fired:
                self._shut()

    def forget(self) -> None:
        with self._lock:
            self._fd = None

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            self._shut()

    def _shut(self) -> None:
        if self._fd is None:
            return
        try:
            # shutdown() acts on the connection, so a duplicate of the descriptor does it.
            with socket.socket(fileno=os.dup(self._fd)) as duplicate:
                duplicate.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed by the other side: nothing left to stop

    def stop(self) -> None:
        self._alarm.cancel()
        self.forget()

    def raise_if_fired(self) -> None:
        with self._lock:
            if self.fired:
                raise TooSlow(f"no whole answer within {self.seconds:g} s")


def _read_body(
    response: http.client.HTTPResponse, method: str, max_bytes: int, watchdog: _Watchdog
) -> bytes:
    """The body, decompressed as it arrives, refused as soon as it passes max_bytes."""
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    length = response.getheader("Content-Length") or ""
    if encoding == "identity" and length.isdigit() and int(length) > max_bytes:
        raise TooBig(f"declared {length} bytes, over {max_bytes}", max_bytes)
    inflate = _decompressor(encoding)
    chunks: list[bytes] = []
    total = 0
    if method == "HEAD":
        return b""
    while True:
        raw = response.read1(_CHUNK)
        watchdog.raise_if_fired()
        if not raw:
            break
        for piece in _inflated(inflate, raw, max_bytes - total):
            total += len(piece)
            if total > max_bytes:
                raise TooBig(f"over {max_bytes} bytes", max_bytes)
            chunks.append(piece)
    if inflate is not None:
        rest = inflate.flush()
        total += len(rest)
        if total > max_bytes:
            raise TooBig(f"over {max_bytes} bytes", max_bytes)
        chunks.append(rest)
    return b"".join(chunks)


def _decompressor(encoding: str) -> "zlib._Decompress | None":
    if encoding in ("identity", ""):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise BadReply(f"unsupported Content-Encoding {encoding!r}")


def _inflated(inflate: "zlib._Decompress | None", raw: bytes, room: int) -> list[bytes]:
    """The raw chunk decompressed, never more than room + 1 bytes produced at a time."""
    if inflate is None:
        return [raw]
    pieces = []
    data = raw
    while data:
        # max_length bounds the memory of one step: a bomb is cut at the cap, not unpacked.
        piece = inflate.decompress(data, max(room, 0) + 1)
        pieces.append(piece)
        room -= len(piece)
        if room < 0:
            break
        data = inflate.unconsumed_tail
    return pieces
