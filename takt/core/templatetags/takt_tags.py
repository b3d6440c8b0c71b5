"""Template filters for times in a person's zone and language, and etiquette findings.

`when` and `clock` take a zone name, or a person (anything with `timezone` and
`reading_locale`): a person's own pages show times in their zone and date style,
"Tuesday, March 31, 2026 at 9:30 AM" for an en-US reader.
"""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_name
from django import template
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext

from takt.core.reason_language import language_name
from takt.scheduling.dates import clock_text, day_and_clock, style_for

register = template.Library()


def _page_locale() -> str:
    return "sv-SE" if (get_language() or "sv").startswith("sv") else "en-GB"


def _reader(where: Any) -> tuple[str, str]:
    """The zone and the locale to show a time in: a zone name, or a person's own."""
    page = _page_locale()
    if isinstance(where, str):
        return where or "Europe/Stockholm", page
    own = getattr(where, "reading_locale", "")
    # Their date style only while the page speaks their language (the switch may change it).
    return where.timezone, own if own[:2] == page[:2] else page


def _locale() -> str:
    return str(style_for(_page_locale()).babel)


@register.filter
def when(value: datetime | None, where: Any = "Europe/Stockholm") -> str:
    """'tisdag 31 mars 2026 kl. 9.30' or 'Tuesday 31 March 2026 at 09:30', in that zone."""
    if value is None:
        return ""
    zone_name, locale = _reader(where)
    return day_and_clock(value.astimezone(ZoneInfo(zone_name)), style_for(locale), year=True)


@register.filter
def clock(value: datetime | None, where: Any = "Europe/Stockholm") -> str:
    if value is None:
        return ""
    zone_name, locale = _reader(where)
    return clock_text(value.astimezone(ZoneInfo(zone_name)), style_for(locale))


@register.filter(name="language_name")
def language_name_filter(language: str) -> str:
    """ "svenska" rather than "sv": a language as it reads inside a sentence."""
    return language_name(language)


@register.filter
def zone_label(zone_name: str) -> str:
    return get_timezone_name(ZoneInfo(zone_name), locale=_locale())


@register.filter
def until(value: datetime | None) -> str:
    """'in 23 hours and 30 minutes', elapsed time from now."""
    if value is None:
        return ""
    seconds = int((value - timezone.now()).total_seconds())
    if seconds <= 0:
        return gettext("has started")
    hours, minutes = divmod(seconds // 60, 60)
    days, hours = divmod(hours, 24)
    if days >= 2:
        return ngettext("in %(days)d day", "in %(days)d days", days) % {"days": days}
    hours += days * 24
    return gettext("in %(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
