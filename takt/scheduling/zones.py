"""Turning what people type into instants, refusing the local times DST makes ambiguous.

A naive local time in a zone can name no instant (the spring gap) or two (the
autumn fold). Python silently picks one through `fold`; a person who typed
"02:30" on the night the clocks move must be told instead.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True)
class TimeProblem(ValueError):
    """A time that cannot be read; `code` is one of the keys below, for messages in any language."""

    code: str  # "bad_format", "naive_without_zone", "nonexistent", "ambiguous", "unknown_zone"
    value: str

    def __str__(self) -> str:
        return f"{self.code}: {self.value}"


def zone(name: str) -> ZoneInfo:
    """The IANA zone of that name, or TimeProblem("unknown_zone")."""
    if not isinstance(name, str) or not name or name.startswith(("/", ".")):
        raise TimeProblem("unknown_zone", str(name))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise TimeProblem("unknown_zone", name) from error


def localize(local: datetime, tz: ZoneInfo) -> datetime:
    """Attach `tz` to a naive local time, refusing times in a DST gap or fold."""
    if local.tzinfo is not None:
        raise ValueError("localize takes a naive datetime")
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        # In a fold both readings round-trip to the same wall time; in a gap neither does.
        if _round_trips(first) and _round_trips(second):
            raise TimeProblem("ambiguous", local.isoformat())
        raise TimeProblem("nonexistent", local.isoformat())
    return first


def _round_trips(aware: datetime) -> bool:
    tz = aware.tzinfo
    assert tz is not None
    back = aware.astimezone(UTC).astimezone(tz)
    return back.replace(tzinfo=None) == aware.replace(tzinfo=None)


# Years an instant may have: 0001 or 9999 overflow the arithmetic on them (an end, the
# notice), and no interview or reply is that far off.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_instant(value: str, tz: ZoneInfo | None) -> datetime:
    """An ISO 8601 text as an aware instant; a time without offset is local in `tz`.

    A year outside FIRST_YEAR..LAST_YEAR is a TimeProblem("out_of_range").
    """
    if not isinstance(value, str):
        raise TimeProblem("bad_format", repr(value))
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as error:
        raise TimeProblem("bad_format", value) from error
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise TimeProblem("out_of_range", value)
    if parsed.tzinfo is not None:
        return parsed
    if tz is None:
        raise TimeProblem("naive_without_zone", value)
    return localize(parsed, tz)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time between two aware instants (a DST change in between counts)."""
    return end.astimezone(UTC) - start.astimezone(UTC)
