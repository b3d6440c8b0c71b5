"""Instants as whole microseconds since 1970 UTC, for arithmetic that never drifts.

Floats would round at microsecond precision; Python ints are exact, and
`datetime` itself resolves no finer than a microsecond.
"""

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
DAY_US = 86_400_000_000


def to_us(instant: datetime) -> int:
    """Microseconds since the epoch of an aware instant."""
    return (instant - EPOCH) // MICROSECOND


def from_us(value: int) -> datetime:
    """The aware UTC instant `value` microseconds after the epoch."""
    return EPOCH + timedelta(microseconds=value)


def span_us(length: timedelta) -> int:
    """A duration in whole microseconds."""
    return length // MICROSECOND
