"""Why an outbound request was not made or not finished; never the remote body."""

from dataclasses import dataclass


@dataclass
class OutboundError(Exception):
    """Base: `detail` is for logs and operators, not for the page."""

    detail: str = ""

    def __post_init__(self) -> None:
        super().__init__(self.detail)


class BadAddress(OutboundError):
    """Not an http(s) address with a host name."""


class Refused(OutboundError):
    """The name resolves to an address Takt will not connect to (loopback, private, ...)."""


class Unreachable(OutboundError):
    """The name does not resolve, or no checked address accepted the connection."""


class TooSlow(OutboundError):
    """The whole exchange (name lookup, connect, every read) passed its deadline."""


@dataclass
class TooBig(OutboundError):
    """The body, counted after decompression, passed its byte cap."""

    limit: int | None = None


class TooManyRedirects(OutboundError):
    """More redirects than any calendar server needs."""


class BadReply(OutboundError):
    """The server's answer is not HTTP we can read (broken framing, unknown encoding)."""
