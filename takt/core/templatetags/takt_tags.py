"""Template filters for times in a person's zone and language, and etiquette findings."""

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_timezone_name
from django import template
from django.utils import timezone
from django.utils.translation import get_language, gettext

register = template.Library()


def _locale() -> str:
    return "sv_SE" if (get_language() or "sv").startswith("sv") else "en_GB"


@register.filter
def when(value: datetime | None, zone_name: str = "Europe/Stockholm") -> str:
    """'tisdag 31 mars 2026 kl. 10.00' or 'Tuesday 31 March 2026 at 10:00', in that zone."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(zone_name))
    if _locale().startswith("sv"):
        return format_datetime(local, "EEEE d MMMM y 'kl.' HH.mm", locale="sv_SE")
    return format_datetime(local, "EEEE d MMMM y 'at' HH:mm", locale="en_GB")


@register.filter
def clock(value: datetime | None, zone_name: str = "Europe/Stockholm") -> str:
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(zone_name))
    pattern = "HH.mm" if _locale().startswith("sv") else "HH:mm"
    return format_datetime(local, pattern, locale=_locale())


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
        return gettext("in %(days)d days") % {"days": days}
    hours += days * 24
    return gettext("in %(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
