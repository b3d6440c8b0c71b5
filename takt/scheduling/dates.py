"""Dates and times as a Swede, a Briton or an American writes them, through Babel (CLDR).

The one formatter of the project: e-mails (takt.wording), the rules' findings
(takt.etiquette.phrasing) and the pages (core's template filters) all write a
moment through the styles here.

Swedish: "tisdag 31 mars kl. 9.30" (no leading zero in running text); British:
"Tuesday 31 March at 09:30 (CEST)"; American: "Tuesday, March 31 at 9:30 AM EDT".
The reader's zone comes first; when the other side's clock shows a different time,
it follows after a slash, each labelled with its city and abbreviation, so nobody
has to do time-zone arithmetic before an interview. Given `now`, an interview
today or tomorrow says so ("i dag kl. 10.00", "tomorrow at 10:00").
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from babel import Locale
from babel.dates import format_datetime, get_timezone_location

from takt.scheduling.zones import zone

LOCALES = ("sv-SE", "en-GB", "en-US")
DASH = "\N{EN DASH}"  # the range sign in Swedish, British and American typography
QUOTE = "'"  # Babel's quote around the literal words of a pattern


@dataclass(frozen=True)
class Style:
    """How one locale writes a day, a clock and the words between them."""

    babel: Locale  # parsed once: Babel would parse a locale's name on every call
    day: str  # "tisdag 31 mars"
    date: str  # "31 mars", for "den 31 mars"
    clock: str
    at: str  # between day and clock in a sentence
    span_at: str  # between day and clock in a list of times
    today: str
    tomorrow: str
    zone_always: bool  # English readers see the zone even when both sides share it
    zone_inline: bool  # American "5:00 AM EDT" rather than British "05:00 (BST)"
    meridiem: bool

    @property
    def at_words(self) -> str:
        """`at` as it reads in running text, without Babel's quotes: " kl. ", " at "."""
        return self.at.replace(QUOTE, "")

    @property
    def span_at_words(self) -> str:
        """`span_at` as it reads in a list of times: " kl. ", ", "."""
        return self.span_at.replace(QUOTE, "")


_STYLES = {
    "sv-SE": Style(
        babel=Locale.parse("sv_SE"),
        day="EEEE d MMMM",
        date="d MMMM",
        # CLDR gives Swedish "10:00"; the Swedish language authorities recommend "10.00",
        # and running text drops the leading zero: "kl. 9.30".
        clock="H.mm",
        at=" 'kl.' ",
        span_at=" 'kl.' ",
        today="i dag",
        tomorrow="i morgon",
        zone_always=False,
        zone_inline=False,
        meridiem=False,
    ),
    "en-GB": Style(
        babel=Locale.parse("en_GB"),
        day="EEEE d MMMM",
        date="d MMMM",
        clock="HH:mm",
        at=" 'at' ",
        span_at="', '",
        today="today",
        tomorrow="tomorrow",
        zone_always=True,
        zone_inline=False,
        meridiem=False,
    ),
    "en-US": Style(
        babel=Locale.parse("en_US"),
        day="EEEE, MMMM d",
        date="MMMM d",
        clock="h:mm a",
        at=" 'at' ",
        span_at="', '",
        today="today",
        tomorrow="tomorrow",
        zone_always=True,
        zone_inline=True,
        meridiem=True,
    ),
}
_LANGUAGE_DEFAULT = {"sv": "sv-SE", "en": "en-GB"}


def default_locale(language: str, zone_name: str | None = None) -> str:
    """The locale of a reader who names none: en-US for English readers in the Americas."""
    if language == "en" and zone_name and zone_name.startswith("America/"):
        return "en-US"
    return _locale_name(language)


def locale_language(locale: str) -> str:
    """ "sv" for "sv-SE"; the language a locale writes in."""
    if locale not in _STYLES:
        raise ValueError(f"unsupported locale: {locale!r}")
    return locale.split("-")[0]


def _locale_name(language: str) -> str:
    if language in _STYLES:
        return language
    try:
        return _LANGUAGE_DEFAULT[language]
    except KeyError:
        raise ValueError(f"unsupported language: {language!r}") from None


def _style(language: str) -> Style:
    return _STYLES[_locale_name(language)]


def style_for(language: str) -> Style:
    """The style of a language ("sv", "en") or a locale ("sv-SE", "en-GB", "en-US")."""
    return _style(language)


def day_text(local: datetime, style: Style, *, year: bool = False) -> str:
    """ "tisdag 31 mars" / "Tuesday 31 March" / "Tuesday, March 31", with the year if asked."""
    pattern = style.day + (" y" if year and not style.meridiem else ", y" if year else "")
    return str(format_datetime(local, pattern, locale=style.babel))


def clock_text(local: datetime, style: Style) -> str:
    """ "9.30" / "09:30" / "9:30 AM": the clock as the locale writes it in running text."""
    return str(format_datetime(local, style.clock, locale=style.babel))


def day_and_clock(local: datetime, style: Style, *, year: bool = False) -> str:
    """ "tisdag 31 mars kl. 9.30" / "Tuesday 31 March at 09:30", in the zone `local` is in."""
    return f"{day_text(local, style, year=year)}{style.at_words}{clock_text(local, style)}"


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


def _city(zone_name: str, style: Style) -> str:
    return str(get_timezone_location(zone(zone_name), locale=style.babel, return_city=True))


def _label(moment: datetime, zone_name: str, style: Style) -> str:
    city = _city(zone_name, style)
    abbreviation = zone_abbreviation(moment, zone_name)
    return abbreviation if city == abbreviation else f"{city}, {abbreviation}"


def _same_clock(moment: datetime, a: str, b: str | None) -> bool:
    if b is None or a == b:
        return True
    return moment.astimezone(zone(a)).utcoffset() == moment.astimezone(zone(b)).utcoffset()


def _pattern(moment: datetime, zone_name: str, style: Style, pattern: str) -> str:
    tz = zone(zone_name)
    return str(format_datetime(moment.astimezone(tz), pattern, tzinfo=tz, locale=style.babel))


def _relative_day(moment: datetime, zone_name: str, style: Style, now: datetime | None) -> str:
    """ "i dag" or "tomorrow" when `now` makes it so, else "" (the date is written out)."""
    if now is None:
        return ""
    tz = zone(zone_name)
    days = (moment.astimezone(tz).date() - now.astimezone(tz).date()).days
    return {0: style.today, 1: style.tomorrow}.get(days, "")


def _day_pattern(moment: datetime, zone_name: str, style: Style, now: datetime | None) -> str:
    """The day part of a Babel pattern: the relative day quoted, or the locale's day."""
    relative = _relative_day(moment, zone_name, style, now)
    return "'" + relative + "'" if relative else style.day


def _with_zone(text: str, moment: datetime, zone_name: str, style: Style) -> str:
    abbreviation = zone_abbreviation(moment, zone_name)
    return f"{text} {abbreviation}" if style.zone_inline else f"{text} ({abbreviation})"


def format_day(
    moment: datetime, language: str, reader_zone: str, now: datetime | None = None
) -> str:
    """The day alone, for subject lines: "tisdag 31 mars", "Tuesday, March 31"."""
    style = _style(language)
    return _relative_day(moment, reader_zone, style, now) or _pattern(
        moment, reader_zone, style, style.day
    )


def format_date(moment: datetime, language: str, reader_zone: str) -> str:
    """The date without its weekday: "31 mars", "31 March", "March 31"."""
    style = _style(language)
    return _pattern(moment, reader_zone, style, style.date)


def format_moment(
    moment: datetime,
    language: str,
    reader_zone: str,
    other_zone: str | None = None,
    now: datetime | None = None,
) -> str:
    """A point in time for the reader, with the other side's clock when it differs.

    `language` is "sv" or "en" (Swedish and British) or a locale such as "en-US".
    """
    style = _style(language)
    first = _day_pattern(moment, reader_zone, style, now) + style.at + style.clock
    text = _pattern(moment, reader_zone, style, first)
    if _same_clock(moment, reader_zone, other_zone):
        return _with_zone(text, moment, reader_zone, style) if style.zone_always else text
    assert other_zone is not None
    full = style.day + style.at + style.clock
    second = _other_clock(moment, reader_zone, other_zone, style, style.clock, full)
    return _both(text, second, moment, reader_zone, other_zone, style)


def format_span(
    start: datetime, end: datetime, language: str, reader_zone: str, other_zone: str | None = None
) -> str:
    """A span for a list of times: "onsdag 1 april kl. 10.00" + en dash + "11.00"."""
    style = _style(language)
    full = style.day + style.span_at + style.clock
    first = _pattern(start, reader_zone, style, full)
    first = _joined(first, start, end, reader_zone, style)
    if _same_clock(start, reader_zone, other_zone):
        return _with_zone(first, start, reader_zone, style) if style.zone_always else first
    assert other_zone is not None
    second = _other_clock(start, reader_zone, other_zone, style, style.clock, full)
    second = _joined(second, start, end, other_zone, style)
    return _both(first, second, start, reader_zone, other_zone, style)


def _both(
    first: str, second: str, moment: datetime, reader_zone: str, other_zone: str, style: Style
) -> str:
    """The reader's clock, then the other side's, each labelled with its city and zone."""
    here, there = _label(moment, reader_zone, style), _label(moment, other_zone, style)
    return f"{first} ({here}) / {second} ({there})"


def _joined(text: str, start: datetime, end: datetime, zone_name: str, style: Style) -> str:
    """The start as written, a dash and the end's clock; "10:00–11:00 AM" says AM once."""
    finish = _pattern(end, zone_name, style, style.clock)
    if style.meridiem:
        start_half = _pattern(start, zone_name, style, "a")
        if start_half == _pattern(end, zone_name, style, "a") and text.endswith(" " + start_half):
            text = text[: -len(start_half) - 1]
    return text + DASH + finish


def _other_clock(
    moment: datetime, reader_zone: str, other_zone: str, style: Style, clock: str, full: str
) -> str:
    # The other clock repeats the day only when it falls on another date there.
    here = moment.astimezone(zone(reader_zone)).date()
    there = moment.astimezone(zone(other_zone)).date()
    return _pattern(moment, other_zone, style, clock if here == there else full)
