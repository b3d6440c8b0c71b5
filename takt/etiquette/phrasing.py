"""Figures said the way a person would: durations, times in the interview's zone, lists of names."""

from datetime import UTC, datetime, timedelta, tzinfo

from takt.etiquette.model import Interval
from takt.scheduling.dates import clock_text, day_and_clock, day_text, style_for

_UNITS = {
    "sv": {"day": ("dygn", "dygn"), "hour": ("timme", "timmar"), "minute": ("minut", "minuter")},
    "en": {"day": ("day", "days"), "hour": ("hour", "hours"), "minute": ("minute", "minutes")},
}
_AND = {"sv": "och", "en": "and"}
DASH = "\u2013"  # the en dash between two times: 10.00\u201311.00


def plural(n: int, one: str, many: str) -> str:
    """`n` with the right form of the noun: "1 tid", "3 tider"."""
    return f"{n} {one if n == 1 else many}"


def duration(span: timedelta, lang: str) -> str:
    """ "23 timmar och 30 minuter"; whole days from two days on; under a minute said so."""
    minutes = int(abs(span).total_seconds() // 60)
    if minutes == 0:
        return "mindre än en minut" if lang == "sv" else "less than a minute"
    units = _UNITS[lang]
    days, rest = divmod(minutes, 24 * 60) if minutes >= 48 * 60 else (0, minutes)
    hours, mins = divmod(rest, 60)
    parts = [
        plural(value, *units[name])
        for value, name in ((days, "day"), (hours, "hour"), (mins, "minute"))
        if value
    ]
    return join(parts, lang)


def join(items: list[str], lang: str, limit: int | None = None) -> str:
    """ "a, b och c"; beyond `limit` items the rest are counted: "a, b och 3 till"."""
    if limit is not None and len(items) > limit:
        rest = len(items) - limit
        items = [*items[:limit], f"{rest} till" if lang == "sv" else f"{rest} more"]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def moment(instant: datetime, tz: tzinfo | None, lang: str) -> str:
    """ "tisdag 31 mars kl. 9.00" / "Tuesday 31 March at 09:00", in the interview's zone."""
    return day_and_clock(_local(instant, tz), style_for(lang)) + _zone_note(tz)


def span(interval: Interval, tz: tzinfo | None, lang: str) -> str:
    """ "tisdag 31 mars kl. 10.00-11.00", or both dates when it runs past midnight."""
    start, end = _local(interval.start, tz), _local(interval.end, tz)
    style = style_for(lang)
    if start.date() != end.date():
        first, last = day_and_clock(start, style), day_and_clock(end, style)
        return f"{first} {DASH} {last}{_zone_note(tz)}"
    clocks = f"{clock_text(start, style)}{DASH}{clock_text(end, style)}"
    return f"{day_text(start, style)}{style.at_words}{clocks}{_zone_note(tz)}"


def day(instant: datetime, tz: tzinfo | None, lang: str) -> str:
    """ "tisdag 31 mars" / "Tuesday 31 March"."""
    return day_text(_local(instant, tz), style_for(lang))


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _local(instant: datetime, tz: tzinfo | None) -> datetime:
    return instant.astimezone(tz or UTC)


def _zone_note(tz: tzinfo | None) -> str:
    # Without the interview's zone the times are shown in UTC, and must say so.
    return "" if tz is not None else " UTC"


def number(value: float, lang: str) -> str:
    """A policy figure: "24", or "1,5" in Swedish and "1.5" in English."""
    if value == int(value):
        return str(int(value))
    return str(value).replace(".", ",") if lang == "sv" else str(value)


def times(n: int, lang: str) -> str:
    """How often: "en gång", "3 gånger"; "once", "twice", "3 times"."""
    if lang == "sv":
        return "en gång" if n == 1 else f"{n} gånger"
    return {1: "once", 2: "twice"}.get(n, f"{n} times")
