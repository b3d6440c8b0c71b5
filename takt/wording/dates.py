"""Dates and times as a Swede or a British professional writes them, through Babel (CLDR).

Swedish: "tisdag 31 mars kl. 10.00"; English (UK): "Tuesday 31 March at 10:00 (CEST)".
The reader's zone comes first; when the other side's clock shows a different time,
it follows after a slash, each labelled with its city and abbreviation, so nobody
has to do time-zone arithmetic before an interview.
"""

from datetime import datetime, timedelta

from babel.dates import format_datetime, get_timezone_location

from takt.scheduling.zones import zone

_LOCALE = {"sv": "sv_SE", "en": "en_GB"}
# CLDR now gives Swedish "10:00"; the Swedish language authorities recommend "10.00".
_DAY = {"sv": "EEEE d MMMM", "en": "EEEE d MMMM"}
_CLOCK = {"sv": "HH.mm", "en": "HH:mm"}
_AT = {"sv": " 'kl.' ", "en": " 'at' "}
_SPAN_AT = {"sv": " 'kl.' ", "en": "', '"}
DASH = "\N{EN DASH}"  # the range sign in both Swedish and British typography


def _locale(language: str) -> str:
    try:
        return _LOCALE[language]
    except KeyError:
        raise ValueError(f"unsupported language: {language!r}") from None


def zone_abbreviation(moment: datetime, zone_name: str) -> str:
    """The abbreviation people know ("CEST", "EDT"), or "UTC+4" where the zone has none."""
    local = moment.astimezone(zone(zone_name))
    name = local.tzname() or ""
    if name.isalpha():
        return name
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _city(zone_name: str, language: str) -> str:
    return str(get_timezone_location(zone(zone_name), locale=_locale(language), return_city=True))


def _label(moment: datetime, zone_name: str, language: str) -> str:
    city = _city(zone_name, language)
    abbreviation = zone_abbreviation(moment, zone_name)
    return abbreviation if city == abbreviation else f"{city}, {abbreviation}"


def _same_clock(moment: datetime, a: str, b: str | None) -> bool:
    if b is None or a == b:
        return True
    return moment.astimezone(zone(a)).utcoffset() == moment.astimezone(zone(b)).utcoffset()


def _pattern(moment: datetime, zone_name: str, language: str, pattern: str) -> str:
    tz = zone(zone_name)
    return str(format_datetime(moment.astimezone(tz), pattern, tzinfo=tz, locale=_locale(language)))


def format_day(moment: datetime, language: str, reader_zone: str) -> str:
    """The day alone, for subject lines: "tisdag 31 mars", "Tuesday 31 March"."""
    return _pattern(moment, language=language, zone_name=reader_zone, pattern=_DAY[language])


def format_moment(
    moment: datetime, language: str, reader_zone: str, other_zone: str | None = None
) -> str:
    """A point in time for the reader, with the other side's clock when it differs."""
    _locale(language)
    full = _DAY[language] + _AT[language] + _CLOCK[language]
    first = _pattern(moment, reader_zone, language, full)
    if _same_clock(moment, reader_zone, other_zone):
        if language == "en":
            return f"{first} ({zone_abbreviation(moment, reader_zone)})"
        return first
    assert other_zone is not None
    second = _other_clock(moment, reader_zone, other_zone, language, _CLOCK[language], full)
    return (
        f"{first} ({_label(moment, reader_zone, language)})"
        f" / {second} ({_label(moment, other_zone, language)})"
    )


def format_span(
    start: datetime, end: datetime, language: str, reader_zone: str, other_zone: str | None = None
) -> str:
    """A span for a list of times: "onsdag 1 april kl. 10.00" + en dash + "11.00"."""
    _locale(language)
    clock = _CLOCK[language]
    full = _DAY[language] + _SPAN_AT[language] + clock
    first = _pattern(start, reader_zone, language, full)
    first += DASH + _pattern(end, reader_zone, language, clock)
    if _same_clock(start, reader_zone, other_zone):
        if language == "en":
            return f"{first} ({zone_abbreviation(start, reader_zone)})"
        return first
    assert other_zone is not None
    second = _other_clock(start, reader_zone, other_zone, language, clock, full)
    second += DASH + _pattern(end, other_zone, language, clock)
    return (
        f"{first} ({_label(start, reader_zone, language)})"
        f" / {second} ({_label(start, other_zone, language)})"
    )


def _other_clock(
    moment: datetime, reader_zone: str, other_zone: str, language: str, clock: str, full: str
) -> str:
    # The other clock repeats the day only when it falls on another date there.
    here = moment.astimezone(zone(reader_zone)).date()
    there = moment.astimezone(zone(other_zone)).date()
    return _pattern(moment, other_zone, language, clock if here == there else full)
