"""What one sentence names: days, times of day, picks among the offered times, phrases.

Patterns run in order and each claims its characters, so "efter lunch" is read
before "lunch", "i morgon" before "morgon" and "nästa tisdag" before "tisdag".
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from takt.replies.clock import Clock, hour_pattern, minutes, on_clock, word_hour
from takt.replies.words import HOURS, MONTHS, ORDINALS, PHRASES, WEEKDAY_SHORT, WEEKDAYS


@dataclass(frozen=True)
class Context:
    """What the words are read against: the writer's today and working day."""

    lang: str
    today: date
    day_start: int
    day_end: int
    zone: str


@dataclass
class Item:
    """One thing a sentence names, at characters [start, end) of it."""

    kind: str  # day, time, vague, order, any, decline, except, past, zone_ok
    start: int
    end: int
    days: tuple[date, ...] = ()
    clock: Clock | None = None
    index: int = 0  # for order: 1-based, -1 for the last
    weekdays: frozenset[int] = field(default_factory=frozenset)
    week: bool = False  # "nästa vecka": says when one is free, picks no offered time


Match = re.Match[str]
Reader = Callable[[Match, Context], list[Item] | None]


def next_weekday(today: date, weekday: int) -> date:
    """The next such weekday after `today` (never today itself)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def next_week(today: date) -> date:
    """Monday of the next calendar week."""
    return today + timedelta(days=7 - today.weekday())


def on_or_after(today: date, day: int, month: int, year: int | None) -> date | None:
    """The next such date on or after `today`; None when there is no such date."""
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def items_in(text: str, ctx: Context) -> list[Item]:
    """Every item in lower-cased `text`, ordered by position, none overlapping."""
    claimed = [False] * len(text)
    found: list[Item] = []
    for pattern, read in _patterns(ctx.lang):
        for match in pattern.finditer(text):
            if any(claimed[match.start() : match.end()]):
                continue
            items = read(match, ctx)
            if items is None:
                continue
            for index in range(match.start(), match.end()):
                claimed[index] = True
            found.extend(items)
    return sorted(found, key=lambda item: (item.start, item.kind != "day"))


def _alt(words: object) -> str:
    return "|".join(sorted(map(str, words), key=len, reverse=True))  # type: ignore[call-overload]


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], Reader]]:
    sv = lang == "sv"
    wd = _alt(WEEKDAYS[lang])
    wds = _alt(WEEKDAY_SHORT[lang])
    month = _alt(MONTHS[lang])
    t = hour_pattern(lang)
    ords = _alt(ORDINALS[lang])
    lead = r"(?:kl\.?\s*|klockan\s+)?" if sv else r"(?:at\s+)?"
    wd_suffix = r"(?:en|ar)?" if sv else r"(?:'s|s)?"
    never_month = rf"(?!\s*(?:{month})\b|\s*[/.]\d)"
    rules: list[tuple[str, Reader]] = [
        # An approximate time ("runt 13", "about 3pm", "13-tiden") is for a person to settle.
        (rf"\b\d{{1,2}}-tiden\b|\b(?:runt|cirka|ca\.?|ungefär|framåt)\s+(?:kl\.?\s*|klockan\s+)?"
         rf"(?:\d|{_alt(HOURS['sv'])})" if sv else
         rf"\b(?:around|about|approximately|roughly|circa)\s+(?:at\s+)?(?:\d|noon|midday|"
         rf"{_alt(HOURS['en'])})|\d-?ish\b", _vague),
        (_zones(), _zone),
        (r"\bi\s+(?:" + wd + r")s\b|\bförra\s+(?:veckan|" + wd + r")\b|\bi\s?går\b" if sv else
         r"\blast\s+(?:week|" + wd + r")\b|\byesterday\b", _past),
        (r"\b(20\d\d)-(\d\d)-(\d\d)\b", _iso_date),
        *_phrase_rules(lang),
        *_except_rules(lang, wd, wd_suffix),
    ]  # fmt: skip
    if sv:
        rules += [
            (rf"\b(?:på\s+)?({wd}|{wds})(?:en|dagen)?\s+(?:den\s+)?(\d{{1,2}})(?::e|:a)?\s+"
             rf"({month})\b(?:\s+(20\d\d))?", _weekday_date_dm_words),
            (rf"\b(?:på\s+)?({wd}|{wds})(?:en)?\s+(?:den\s+)?(\d{{1,2}})/(\d{{1,2}})\b(?!/)",
             _weekday_date_slash),
            (rf"\b(?:den\s+)?(\d{{1,2}})(?::e|:a)?\s+({month})\b(?:\s+(20\d\d))?", _date_dm_words),
            (r"\b(?:den\s+)?(\d{1,2})/(\d{1,2})\b(?!/)", _date_slash),
        ]  # fmt: skip
    else:
        ord_suffix = r"(?:st|nd|rd|th)?"
        rules += [
            (rf"\b(?:on\s+)?({wd}|{wds}),?\s+(?:the\s+)?(\d{{1,2}}){ord_suffix}\s+(?:of\s+)?"
             rf"({month})\b(?:,?\s+(20\d\d))?", _weekday_date_dm_words),
            (rf"\b(?:on\s+)?({wd}|{wds}),?\s+({month})\.?\s+(\d{{1,2}}){ord_suffix}\b"
             rf"(?:,?\s+(20\d\d))?", _weekday_date_md_words),
            (rf"\b(?:the\s+)?(\d{{1,2}}){ord_suffix}\s+(?:of\s+)?({month})\b(?:,?\s+(20\d\d))?",
             _date_dm_words),
            (rf"\b({month})\.?\s+(\d{{1,2}}){ord_suffix}\b(?:,?\s+(20\d\d))?", _date_md_words),
        ]  # fmt: skip
    if sv:
        rules += [
            (rf"\b(?:på\s+)?({wd})(?:en)?\s+(?:i\s+)?nästa\s+vecka\b|\bnästa\s+vecka,?\s+"
             rf"(?:på\s+)?({wd})(?:en)?\b", _weekday_next_week),
            (rf"\bnästa\s+({wd})\b", _weekday_next_week),
            (r"\bi\s+förmiddag\b", _today_part("morning")),
            (r"\bi\s+eftermiddag\b", _today_part("afternoon")),
            (r"\bi\s?morgon\s+bitti\b", _tomorrow_part("morning")),
            (r"\b(?:i\s?)?övermorgon\b", _relative_day(2)),
            (r"\bi\s?morgon\b", _relative_day(1)),
            (r"\bi\s?dag\b", _relative_day(0)),
            (rf"\b(?:på\s+)?({wd})(?:(?:en|ar)\b|s?(förmiddag|eftermiddag|morgon|kväll|lunch)"
             rf"(?:en)?\b|\b)", _weekday),
            (r"\bnästa\s+vecka\b|\bveckan\s+därpå\b", _week_next),
            (r"\bresten\s+av\s+(?:den\s+här\s+)?veckan\b", _week_rest),
        ]  # fmt: skip
    else:
        rules += [
            (rf"\b(?:on\s+)?({wd})(?:'s)?\s+(?:of\s+)?next\s+week\b|\bnext\s+week,?\s+"
             rf"(?:on\s+)?({wd})\b", _weekday_next_week),
            (rf"\bnext\s+({wd})\b", _weekday_next_week),
            (r"\bthis\s+morning\b", _today_part("morning")),
            (r"\bthis\s+afternoon\b", _today_part("afternoon")),
            (r"\b(?:the\s+)?day\s+after\s+tomorrow\b", _relative_day(2)),
            (r"\btomorrow\b", _relative_day(1)),
            (r"\btoday\b", _relative_day(0)),
            (rf"\b(?:on\s+|this\s+)?({wd}){wd_suffix}\b", _weekday),
            (r"\bnext\s+week\b|\bthe\s+following\s+week\b", _week_next),
            (r"\b(?:the\s+)?rest\s+of\s+(?:the|this)\s+week\b", _week_rest),
        ]  # fmt: skip
    # Spans of time, then exact times, then parts of the day.
    if sv:
        rules += [
            (rf"\bmellan\s+{lead}({t})\s+och\s+{lead}({t})\b{never_month}", _span),
            (rf"\b(?:från\s+|kl\.?\s*|klockan\s+)({t})\s*(?:-|–|—|till)\s*{lead}({t})\b"
             rf"{never_month}", _span),
            (rf"\b(\d{{1,2}}(?:[.:]\d{{2}})?)\s*(?:-|–|—)\s*(\d{{1,2}}(?:[.:]\d{{2}})?)\b"
             rf"{never_month}", _span),
            (rf"\b(?:efter|från|fr\.o\.m\.?|tidigast)\s+{lead}({t})\b{never_month}", _after),
            (rf"\b(?:före|innan|fram\s+till|senast|till)\s+{lead}({t})\b{never_month}", _before),
            (rf"\bhalv\s+({_alt(HOURS['sv'])}"
             r"|\d{1,2})\b", _half),
            (r"\bkvart\s+över\s+(\w+)\b", _quarter(15, 0)),
            (r"\bkvart\s+i\s+(\w+)\b", _quarter(45, -1)),
            (rf"\b(?:kl\.?\s*|klockan\s+)({t})\b{never_month}", _exact),
            (r"\b(\d{1,2}[.:]\d{2})\b(?![.:/]\d)", _exact),
            # "kl. 13 eller 14": the second hour is as much a time as the first.
            (rf"(?<=\d)\s+(?:eller|och)\s+(\d{{1,2}}(?:[.:]\d{{2}})?)\b{never_month}", _exact),
            (r"\b(?:på\s+)?(?:förmiddag(?:en|ar|arna)?|morgon(?:en)?|morgnar(?:na)?)\b",
             _part("morning")),
            (r"\b(?:på\s+)?eftermiddag(?:en|ar|arna)?\b|\befter\s+lunch(?:en)?\b",
             _part("afternoon")),
            (r"\bhela\s+dag(?:en|arna)\b|\bheldag\b|\bnär\s+som\s+helst\b|\bhur\s+som\s+helst\b",
             _part("all")),
            (r"\b(?:i\s?)?kväll(?:en|ar)?\b|\blunch(?:en|tid|tiden)?\b|\btidig(?:t|are)\b|"
             r"\bsenare\b|\bsent\b|\bi\s+veckan\b|\bdenna\s+vecka\b|\bden\s+här\s+veckan\b|"
             r"\bveckan\s+efter\b|\bom\s+(?:en|två|tre)\s+veckor?\b|\bhelgen?\b|"
             r"\bmånadsskiftet\b|\bnästa\s+månad\b|\bi\s+(?:slutet|början|mitten)\s+av\b|"
             r"\bnatt(?:en)?\b|\bsamma\s+tid(?:punkt)?\b|\bden\s+tiden\b", _vague),
        ]  # fmt: skip
    else:
        words = _alt(HOURS["en"])
        rules += [
            (rf"\bbetween\s+{lead}({t})\s+and\s+{lead}({t})\b{never_month}", _span),
            (rf"\bfrom\s+({t})\s*(?:-|–|—|to|till|until)\s*{lead}({t})\b{never_month}", _span),
            (rf"\b(\d{{1,2}}(?:[.:]\d{{2}})?(?:\s*(?:am|pm))?)\s*(?:-|–|—|to)\s*"
             rf"(\d{{1,2}}(?:[.:]\d{{2}})?(?:\s*(?:am|pm))?)(?!\w){never_month}", _span),
            (rf"\b(?:after|from|not before|no earlier than)\s+{lead}({t})(?!\w){never_month}",
             _after),
            (rf"\b(?:before|until|till|not after|no later than)\s+{lead}({t})(?!\w)"
             rf"{never_month}", _before),
            (rf"\bhalf\s+past\s+({words}|\d{{1,2}})\b", _quarter(30, 0)),
            (rf"\bquarter\s+past\s+({words}|\d{{1,2}})\b", _quarter(15, 0)),
            (rf"\bquarter\s+to\s+({words}|\d{{1,2}})\b", _quarter(45, -1)),
            (r"\b(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))(?!\w)", _exact),
            (rf"\b(?:at|@)\s*({t})(?!\w){never_month}", _exact),
            (rf"\b((?:{words})\s*o'clock|noon|midday)\b", _exact),
            (r"\b(\d{1,2}[.:]\d{2})\b(?![.:/]\d)", _exact),
            (rf"(?<=\d)\s+(?:or|and)\s+(\d{{1,2}}(?:[.:]\d{{2}})?)(?!\w){never_month}", _exact),
            (r"\b(?:in\s+the\s+)?mornings?\b", _part("morning")),
            (r"\b(?:in\s+the\s+)?afternoons?\b|\bafter\s+lunch\b", _part("afternoon")),
            (r"\ball\s+day\b|\bany\s?time\b|\bthe\s+whole\s+day\b", _part("all")),
            (r"\bevenings?\b|\btonight\b|\blunch(?:time)?\b|\bearly\b|\blater?\b|"
             r"\bthis\s+week\b|\bthe\s+week\s+after\b|\bin\s+(?:a|one|two|three)\s+weeks?\b|"
             r"\bweekend\b|\b(?:end|beginning|start|middle)\s+of\b|\bmid-|\bnext\s+month\b|"
             r"\bnight\b|\bsame\s+(?:time|slot)\b|\bthat\s+time\b", _vague),
        ]  # fmt: skip
    excepted = "|".join(PHRASES[lang]["except"]) + ("|inte" if sv else "|not")
    rules.append(
        (
            rf"\b(?:{excepted})\s+(?:the\s+|den\s+|det\s+)?(?:{ords}|"
            rf"(?:alternativ|förslag|option|number|nummer)\s*\d)\b",
            _vague,
        )
    )
    rules += _order_rules(lang, ords, month)
    return [(re.compile(pattern), read) for pattern, read in rules]


def _phrase_rules(lang: str) -> list[tuple[str, Reader]]:
    rules: list[tuple[str, Reader]] = []
    for kind in ("decline", "any"):
        pattern = r"\b(?:" + "|".join(PHRASES[lang][kind]) + r")(?!\w)"
        rules.append((pattern, _marker(kind)))
    return rules


def _except_rules(lang: str, wd: str, suffix: str) -> list[tuple[str, Reader]]:
    words = "|".join(PHRASES[lang]["except"])
    lead = r"(?:på\s+)?" if lang == "sv" else r"(?:on\s+)?"
    one = rf"{lead}(?:{wd}){suffix}"
    pattern = rf"\b(?:{words})\s+({one}(?:\s*(?:,|och|eller|and|or)\s*{one})*)\b"
    return [(pattern, _except)]


def _order_rules(lang: str, ords: str, month: str) -> list[tuple[str, Reader]]:
    if lang == "sv":
        nouns = r"alternativet|förslaget|tiden|tidpunkten|tillfället|tidsförslaget"
        verbs = r"passar|går|funkar|fungerar|blir|är|låter|känns|tar|väljer|föredrar"
        return [
            (r"\b(?:alternativ|alternativet|förslag|förslaget|tidsförslag|nummer|nr\.?|option)"
             r"\s*(?:nr\.?\s*)?#?(\d|ett|två|tre|fyra|fem)\b(?![.:]\d)", _order_digit),
            (rf"\b(?:den|det)\s+({ords})(?:\s+(?:{nouns}))?(?=\s*(?:[.,!;)]|$|{verbs}\b))",
             _order_word),
            (rf"\b({ords})\s+(?:{nouns})\b", _order_word),
        ]  # fmt: skip
    nouns = r"one|option|alternative|slot|time|suggestion|choice|date"
    verbs = r"works?|is|suits?|please|would|fits?|sounds|will"
    return [
        (r"\b(?:option|alternative|slot|choice|number|no\.|#)\s*#?(\d|one|two|three|four|five)\b"
         r"(?![.:]\d)",
         _order_digit),
        (rf"(?<!for )\bthe\s+({ords})\s+(?:{nouns})\b", _order_word),
        (rf"(?<!for )\bthe\s+({ords})(?=\s*(?:[.,!;)]|$|(?:{verbs})\b))", _order_word),
    ]  # fmt: skip


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


def _zones() -> str:
    return r"\b(?:" + _alt(_ZONE_WORDS) + r")\b"


def _zone(match: Match, ctx: Context) -> list[Item]:
    # Times said in the writer's own zone are as usual; another zone is left to a person.
    same = _ZONE_WORDS.get(match[0], "") in (ctx.zone,) or (
        match[0] in ("cet", "cest") and ctx.zone in _CET
    )
    return [Item("zone_ok" if same else "vague", match.start(), match.end())]


_CET = frozenset({"Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Berlin",
                  "Europe/Paris", "Europe/Amsterdam", "Europe/Brussels", "Europe/Madrid",
                  "Europe/Rome", "Europe/Vienna", "Europe/Zurich", "Europe/Warsaw",
                  "Europe/Prague"})  # fmt: skip


def _marker(kind: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return [Item(kind, match.start(), match.end())]

    return read


def _vague(match: Match, ctx: Context) -> list[Item]:
    return [Item("vague", match.start(), match.end())]


def _past(match: Match, ctx: Context) -> list[Item]:
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


def _iso_date(match: Match, ctx: Context) -> list[Item]:
    return _day(match, on_or_after(ctx.today, int(match[3]), int(match[2]), int(match[1])))


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _weekday_date_dm_words(match: Match, ctx: Context) -> list[Item]:
    day = on_or_after(ctx.today, int(match[2]), _month(match[3], ctx), _year(match[4]))
    return _checked(match, ctx, match[1], day)


def _weekday_date_md_words(match: Match, ctx: Context) -> list[Item]:
    day = on_or_after(ctx.today, int(match[3]), _month(match[2], ctx), _year(match[4]))
    return _checked(match, ctx, match[1], day)


def _weekday_date_slash(match: Match, ctx: Context) -> list[Item]:
    day = on_or_after(ctx.today, int(match[2]), int(match[3]), None)
    return _checked(match, ctx, match[1], day)


def _date_dm_words(match: Match, ctx: Context) -> list[Item]:
    return _day(
        match, on_or_after(ctx.today, int(match[1]), _month(match[2], ctx), _year(match[3]))
    )


def _date_md_words(match: Match, ctx: Context) -> list[Item]:
    return _day(
        match, on_or_after(ctx.today, int(match[2]), _month(match[1], ctx), _year(match[3]))
    )


def _date_slash(match: Match, ctx: Context) -> list[Item]:
    return _day(match, on_or_after(ctx.today, int(match[1]), int(match[2]), None))


def _weekday_next_week(match: Match, ctx: Context) -> list[Item]:
    name = next(group for group in match.groups() if group)
    day = next_week(ctx.today) + timedelta(days=_weekday_index(name, ctx))
    return _day(match, day)


def _weekday(match: Match, ctx: Context) -> list[Item]:
    day = next_weekday(ctx.today, _weekday_index(match[1], ctx))
    items = _day(match, day)
    part = match.groups()[1] if len(match.groups()) > 1 else None
    if part:
        items += _part(_SV_PARTS.get(part, ""))(match, ctx) or []
    return items


_SV_PARTS = {"förmiddag": "morning", "morgon": "morning", "eftermiddag": "afternoon"}


def _relative_day(days: int) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return _day(match, ctx.today + timedelta(days=days))

    return read


def _today_part(part: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return _day(match, ctx.today) + (_part(part)(match, ctx) or [])

    return read


def _tomorrow_part(part: str) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item]:
        return _day(match, ctx.today + timedelta(days=1)) + (_part(part)(match, ctx) or [])

    return read


def _week_next(match: Match, ctx: Context) -> list[Item]:
    monday = next_week(ctx.today)
    days = tuple(monday + timedelta(days=offset) for offset in range(5))
    return [Item("day", match.start(), match.end(), days=days, week=True)]


def _week_rest(match: Match, ctx: Context) -> list[Item]:
    days = tuple(ctx.today + timedelta(days=offset) for offset in range(1, 5 - ctx.today.weekday()))
    if not days:
        return [Item("vague", match.start(), match.end())]
    return [Item("day", match.start(), match.end(), days=days, week=True)]


def _except(match: Match, ctx: Context) -> list[Item]:
    names = re.findall("|".join(WEEKDAYS[ctx.lang]), match[1])
    weekdays = frozenset(WEEKDAYS[ctx.lang].index(name) for name in names)
    return [Item("except", match.start(), match.end(), weekdays=weekdays)]


def _time(match: Match, clock: Clock | None) -> list[Item]:
    if clock is None or (clock.end is not None and clock.end <= clock.start):
        return [Item("vague", match.start(), match.end())]
    return [Item("time", match.start(), match.end(), clock=clock)]


def _span(match: Match, ctx: Context) -> list[Item]:
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


def _after(match: Match, ctx: Context) -> list[Item]:
    start = minutes(match[1], ctx.lang)
    return _time(match, None if start is None else Clock(start, ctx.day_end))


def _before(match: Match, ctx: Context) -> list[Item]:
    end = minutes(match[1], ctx.lang)
    return _time(match, None if end is None else Clock(ctx.day_start, end))


def _exact(match: Match, ctx: Context) -> list[Item]:
    return _time(match, _maybe_clock(minutes(match[1], ctx.lang)))


def _maybe_clock(start: int | None) -> Clock | None:
    return None if start is None else Clock(start)


def _half(match: Match, ctx: Context) -> list[Item] | None:
    return _quarter(30, -1)(match, ctx)


def _quarter(minute: int, shift: int) -> Reader:
    def read(match: Match, ctx: Context) -> list[Item] | None:
        hour = word_hour(match[1], ctx.lang)
        if hour is None:
            return None
        hour = (hour + shift - 1) % 12 + 1
        return _time(match, _maybe_clock(on_clock(hour, minute)))

    return read


def _part(part: str) -> Reader:
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


def _order_digit(match: Match, ctx: Context) -> list[Item]:
    said = match[1]
    index = int(said) if said.isdigit() else HOURS[ctx.lang][said]
    return [Item("order", match.start(), match.end(), index=index)]


def _order_word(match: Match, ctx: Context) -> list[Item]:
    return [Item("order", match.start(), match.end(), index=ORDINALS[ctx.lang][match[1]])]


def iter_kinds(items: list[Item], *kinds: str) -> Iterator[Item]:
    """The items of the given kinds, in order."""
    return (item for item in items if item.kind in kinds)
