"""From a matched pattern to the items it names: a date, a time of day, a pick, a phrase."""

import re
from datetime import date, timedelta

from takt.replies.clock import Clock, minutes, on_clock, word_hour
from takt.replies.items import (
    Context,
    Item,
    Match,
    Reader,
    alternatives,
    next_week,
    next_weekday,
    on_or_after,
)
from takt.replies.words import HOURS, MONTHS, ORDINALS, WEEKDAY_SHORT, WEEKDAYS

_ZONE_WORDS = {
    "svensk tid": "Europe/Stockholm", "swedish time": "Europe/Stockholm",
    "cet": "Europe/Stockholm", "cest": "Europe/Stockholm", "uk time": "Europe/London",
    "london time": "Europe/London", "bst": "Europe/London", "brittisk tid": "Europe/London",
    "gmt": "", "utc": "UTC", "est": "", "edt": "", "pst": "", "pdt": "", "cst": "",
    "eastern time": "", "pacific time": "", "central time": "", "your time": "",
    "my time": "", "er tid": "", "din tid": "", "min tid": "", "lokal tid": "",
    "local time": "", "new york time": "America/New_York", "ist": "", "helsinki time": "",
    "finsk tid": "Europe/Helsinki",
}  # fmt: skip


def zone_pattern() -> str:
    return r"\b(?:" + alternatives(_ZONE_WORDS) + r")\b"


def read_zone(match: Match, ctx: Context) -> list[Item]:
    # Times said in the writer's own zone are as usual; another zone is left to a person.
    same = _ZONE_WORDS.get(match[0], "") in (ctx.zone,) or (
        match[0] in ("cet", "cest") and ctx.zone in _CET
    )
    return [Item("zone_ok" if same else "vague", match.start(), match.end())]


_CET = frozenset({"Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Berlin",
                  "Europe/Paris", "Europe/Amsterdam", "Europe/Brussels", "Europe/Madrid",
                  "Europe/Rome", "Europe/Vienna", "Europe/Zurich", "Europe/Warsaw",
                  "Europe/Prague"})  # fmt: skip


def read_marker(kind: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return [Item(kind, match.start(), match.end())]

    return read


def read_vague(match: Match, ctx: Context) -> list[Item]:
    return [Item("vague", match.start(), match.end())]


def read_past(match: Match, ctx: Context) -> list[Item]:
    return [Item("past", match.start(), match.end())]


def _day(match: Match, day: date | None) -> list[Item]:
    if day is None:
        return [Item("vague", match.start(), match.end())]
    return [Item("day", match.start(), match.end(), days=(day,))]


def _month(name: str, ctx: Context) -> int:
    return MONTHS[ctx.lang][name.rstrip(".")]


def _weekday_index(name: str, ctx: Context) -> int:
    if name in WEEKDAYS[ctx.lang]:
        return WEEKDAYS[ctx.lang].index(name)
    return WEEKDAY_SHORT[ctx.lang][name]


def _checked(match: Match, ctx: Context, name: str, day: date | None) -> list[Item]:
    # A weekday that does not fit the date is a slip a person must resolve.
    if day is not None and day.weekday() != _weekday_index(name, ctx):
        day = None
    return _day(match, day)


def read_iso_date(match: Match, ctx: Context) -> list[Item]:
    return _day(match, on_or_after(ctx.today, int(match[3]), int(match[2]), int(match[1])))


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def read_weekday_date_dm_words(match: Match, ctx: Context) -> list[Item]:
    day = on_or_after(ctx.today, int(match[2]), _month(match[3], ctx), _year(match[4]))
    return _checked(match, ctx, match[1], day)


def read_weekday_date_md_words(match: Match, ctx: Context) -> list[Item]:
    day = on_or_after(ctx.today, int(match[3]), _month(match[2], ctx), _year(match[4]))
    return _checked(match, ctx, match[1], day)


def read_weekday_day_of_month(match: Match, ctx: Context) -> list[Item]:
    """ "Onsdag den 13", "Wednesday the 13th": the next 13th that is a Wednesday, or vague."""
    if not (match[2] or match[4]):
        return read_vague(match, ctx)  # "onsdag 13": the 13th or 13.00, a person decides
    number = int(match[3])
    month_start = ctx.today.replace(day=1)
    for months_ahead in range(2):
        first = (month_start + timedelta(days=32 * months_ahead)).replace(day=1)
        found = on_or_after(ctx.today, number, first.month, first.year)
        if found is not None and found >= ctx.today:
            return _checked(match, ctx, match[1], found)
    return read_vague(match, ctx)


def read_weekday_date_slash(match: Match, ctx: Context) -> list[Item]:
    day = on_or_after(ctx.today, int(match[2]), int(match[3]), None)
    return _checked(match, ctx, match[1], day)


def read_date_dm_words(match: Match, ctx: Context) -> list[Item]:
    return _day(
        match, on_or_after(ctx.today, int(match[1]), _month(match[2], ctx), _year(match[3]))
    )


def read_date_md_words(match: Match, ctx: Context) -> list[Item]:
    return _day(
        match, on_or_after(ctx.today, int(match[2]), _month(match[1], ctx), _year(match[3]))
    )


def read_date_slash(match: Match, ctx: Context) -> list[Item]:
    return _day(match, on_or_after(ctx.today, int(match[1]), int(match[2]), None))


def read_weekday_next_week(match: Match, ctx: Context) -> list[Item]:
    name = next(group for group in match.groups() if group)
    monday = next_week(ctx.today)
    day = monday + timedelta(days=_weekday_index(name, ctx))
    return [Item("day", match.start(), match.end(), days=(day,), monday=monday)]


def read_weekday_run(match: Match, ctx: Context) -> list[Item]:
    """ "Tisdag–torsdag": from the next first day to the second day that follows it."""
    first = next_weekday(ctx.today, _weekday_index(match[1], ctx))
    length = (_weekday_index(match[2], ctx) - first.weekday()) % 7
    days = tuple(first + timedelta(days=offset) for offset in range(length + 1))
    return [Item("day", match.start(), match.end(), days=days)]


def read_weekday(match: Match, ctx: Context) -> list[Item]:
    weekday = _weekday_index(match[1], ctx)
    day = next_weekday(ctx.today, weekday)
    items = [Item("day", match.start(), match.end(), days=(day,), plain_weekday=weekday)]
    part = match.groups()[1] if len(match.groups()) > 1 else None
    if part:
        items += read_part(_SV_PARTS.get(part, ""))(match, ctx) or []
    return items


_SV_PARTS = {"förmiddag": "morning", "morgon": "morning", "eftermiddag": "afternoon"}


def read_relative_day(days: int) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return _day(match, ctx.today + timedelta(days=days))

    return read


def read_today_part(part: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return _day(match, ctx.today) + (read_part(part)(match, ctx) or [])

    return read


def read_tomorrow_part(part: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return _day(match, ctx.today + timedelta(days=1)) + (read_part(part)(match, ctx) or [])

    return read


def read_week_next(match: Match, ctx: Context) -> list[Item]:
    monday = next_week(ctx.today)
    days = tuple(monday + timedelta(days=offset) for offset in range(5))
    return [Item("day", match.start(), match.end(), days=days, week=True, monday=monday)]


def read_week_rest(match: Match, ctx: Context) -> list[Item]:
    days = tuple(ctx.today + timedelta(days=offset) for offset in range(1, 5 - ctx.today.weekday()))
    if not days:
        return [Item("vague", match.start(), match.end())]
    return [Item("day", match.start(), match.end(), days=days, week=True)]


def read_except(match: Match, ctx: Context) -> list[Item]:
    names = re.findall("|".join(WEEKDAYS[ctx.lang]), match[1])
    weekdays = frozenset(WEEKDAYS[ctx.lang].index(name) for name in names)
    return [Item("except", match.start(), match.end(), weekdays=weekdays)]


def _time(match: Match, clock: Clock | None) -> list[Item]:
    if clock is None or (clock.end is not None and clock.end <= clock.start):
        return [Item("vague", match.start(), match.end())]
    return [Item("time", match.start(), match.end(), clock=clock)]


def read_span(match: Match, ctx: Context) -> list[Item]:
    first, last = match[1], match[2]
    meridiem = re.search(r"(am|pm)\s*$", last)
    start = minutes(first, ctx.lang)
    if meridiem and not re.search(r"(am|pm)", first):
        plain = minutes(first, ctx.lang, meridiem="am")
        later = minutes(first, ctx.lang, meridiem=meridiem[1])
        end_guess = minutes(last, ctx.lang)
        # "1-4pm" is 13-16, "10-2pm" is 10-14: the start takes the end's half when it fits.
        start = later if later is not None and end_guess and later < end_guess else plain
    end = minutes(last, ctx.lang)
    if start is None or end is None:
        return [Item("vague", match.start(), match.end())]
    return _time(match, Clock(start, end))


def read_after(match: Match, ctx: Context) -> list[Item]:
    start = minutes(match[1], ctx.lang)
    return _time(match, None if start is None else Clock(start, ctx.day_end))


def read_before(match: Match, ctx: Context) -> list[Item]:
    end = minutes(match[1], ctx.lang)
    return _time(match, None if end is None else Clock(ctx.day_start, end))


def read_exact(match: Match, ctx: Context) -> list[Item]:
    return _time(match, _maybe_clock(minutes(match[1], ctx.lang)))


def _maybe_clock(start: int | None) -> Clock | None:
    return None if start is None else Clock(start)


def read_half(match: Match, ctx: Context) -> list[Item] | None:
    return read_quarter(30, -1)(match, ctx)


def read_quarter(minute: int, shift: int) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item] | None:
        hour = word_hour(match[1], ctx.lang)
        if hour is None:
            return None
        hour = (hour + shift - 1) % 12 + 1
        return _time(match, _maybe_clock(on_clock(hour, minute)))

    return read


def read_part(part: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item] | None:
        spans = {
            "morning": (ctx.day_start, 12 * 60),
            "afternoon": (13 * 60, ctx.day_end),
            "all": (ctx.day_start, ctx.day_end),
        }
        if part not in spans:
            return [Item("vague", match.start(), match.end())]
        return _time(match, Clock(*spans[part]))

    return read


def read_order_digit(match: Match, ctx: Context) -> list[Item]:
    said = match[1]
    index = int(said) if said.isdigit() else HOURS[ctx.lang][said]
    return [Item("order", match.start(), match.end(), index=index)]


def read_order_word(match: Match, ctx: Context) -> list[Item]:
    return [Item("order", match.start(), match.end(), index=ORDINALS[ctx.lang][match[1]])]
