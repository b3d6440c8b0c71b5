"""What one sentence names: days, times of day, picks among the offered times, phrases.

Patterns run in order and each claims its characters, so "efter lunch" is read
before "lunch", "i morgon" before "morgon" and "nästa tisdag" before "tisdag".
"""

import re
from functools import cache

from takt.replies import readers as r
from takt.replies.clock import hour_pattern
from takt.replies.items import Context, Item, Reader, alternatives
from takt.replies.words import HOURS, MONTHS, ORDINALS, PHRASES, WEEKDAY_SHORT, WEEKDAYS


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


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], Reader]]:
    sv = lang == "sv"
    wd = alternatives(WEEKDAYS[lang])
    wds = alternatives(WEEKDAY_SHORT[lang])
    month = alternatives(MONTHS[lang])
    t = hour_pattern(lang)
    ords = alternatives(ORDINALS[lang])
    lead = r"(?:kl\.?\s*|klockan\s+)?" if sv else r"(?:at\s+)?"
    wd_suffix = r"(?:en|ar)?" if sv else r"(?:'s|s)?"
    never_month = rf"(?!\s*(?:{month})\b|\s*[/.]\d)"
    # What follows a number that makes it an hour or a span, not a day of the month.
    not_clock = (
        rf"(?!\s*(?:of\s+)?(?:{month})\b|\s*[/.:]\d|\s*(?:-|–|—)|\s*(?:till|och|to|and|or|"
        r"eller)\s+\d|\s*(?:am|pm|a\.m|p\.m|o'clock)\b)"
    )
    rules: list[tuple[str, Reader]] = [
        # An approximate time ("runt 13", "about 3pm", "13-tiden") is for a person to settle.
        (rf"\b\d{{1,2}}-tiden\b|\b(?:runt|cirka|ca\.?|ungefär|framåt)\s+(?:kl\.?\s*|klockan\s+)?"
         rf"(?:\d|{alternatives(HOURS['sv'])})" if sv else
         rf"\b(?:around|about|approximately|roughly|circa)\s+(?:at\s+)?(?:\d|noon|midday|"
         rf"{alternatives(HOURS['en'])})|\d-?ish\b", r.read_vague),
        (r.zone_pattern(), r.read_zone),
        (r"\bi\s+(?:" + wd + r")s\b|\bförra\s+(?:veckan|" + wd + r")\b|\bi\s?går\b" if sv else
         r"\blast\s+(?:week|" + wd + r")\b|\byesterday\b", r.read_past),
        (r"\b(20\d\d)-(\d\d)-(\d\d)\b", r.read_iso_date),
        *_phrase_rules(lang),
        *_except_rules(lang, wd, wd_suffix),
    ]  # fmt: skip
    if sv:
        rules += [
            (rf"\b(?:på\s+)?({wd}|{wds})(?:en|dagen)?\s+(?:den\s+)?(\d{{1,2}})(?::e|:a)?\s+"
             rf"({month})\b(?:\s+(20\d\d))?", r.read_weekday_date_dm_words),
            (rf"\b(?:på\s+)?({wd}|{wds})(?:en)?\s+(?:den\s+)?(\d{{1,2}})/(\d{{1,2}})\b(?!/)",
             r.read_weekday_date_slash),
            (rf"\b(?:den\s+)?(\d{{1,2}})(?::e|:a)?\s+({month})\b(?:\s+(20\d\d))?",
             r.read_date_dm_words),
            (r"\b(?:den\s+)?(\d{1,2})/(\d{1,2})\b(?!/)", r.read_date_slash),
            # "onsdag den 13" is Wednesday the 13th; "onsdag 13" could be the hour too.
            (rf"\b(?:på\s+)?({wd})(?:en)?\s+(den\s+)?(\d{{1,2}})(:e|:a)?\b{not_clock}",
             r.read_weekday_day_of_month),
            (r"\bden\s+\d{1,2}(?::e|:a)\b", r.read_vague),
        ]  # fmt: skip
    else:
        ord_suffix = r"(?:st|nd|rd|th)?"
        rules += [
            (rf"\b(?:on\s+)?({wd}|{wds}),?\s+(?:the\s+)?(\d{{1,2}}){ord_suffix}\s+(?:of\s+)?"
             rf"({month})\b(?:,?\s+(20\d\d))?", r.read_weekday_date_dm_words),
            (rf"\b(?:on\s+)?({wd}|{wds}),?\s+({month})\.?\s+(\d{{1,2}}){ord_suffix}\b"
             rf"(?:,?\s+(20\d\d))?", r.read_weekday_date_md_words),
            (rf"\b(?:the\s+)?(\d{{1,2}}){ord_suffix}\s+(?:of\s+)?({month})\b(?:,?\s+(20\d\d))?",
             r.read_date_dm_words),
            (rf"\b({month})\.?\s+(\d{{1,2}}){ord_suffix}\b(?:,?\s+(20\d\d))?",
             r.read_date_md_words),
            (rf"\b(?:on\s+)?({wd}),?\s+(the\s+)?(\d{{1,2}})(st|nd|rd|th)?\b{not_clock}",
             r.read_weekday_day_of_month),
        ]  # fmt: skip
    # A run of days: "tisdag–torsdag", "Tuesday to Thursday" is every day from one to the other.
    through = (
        r"(?:-|–|—|till|t\.o\.m\.?|till och med)" if sv else r"(?:-|–|—|to|till|through|thru|until)"
    )
    rules.append(
        (rf"\b(?:från\s+|from\s+)?({wd}){wd_suffix}\s*{through}\s*({wd}){wd_suffix}\b",
         r.read_weekday_run)
    )  # fmt: skip
    if sv:
        rules += [
            (rf"\b(?:på\s+)?({wd})(?:en)?\s+(?:i\s+)?nästa\s+vecka\b|\bnästa\s+vecka,?\s+"
             rf"(?:på\s+)?({wd})(?:en)?\b", r.read_weekday_next_week),
            (rf"\bnästa\s+({wd})\b", r.read_weekday_next_week),
            (r"\bi\s+förmiddag\b", r.read_today_part("morning")),
            (r"\bi\s+eftermiddag\b", r.read_today_part("afternoon")),
            (r"\bi\s?morgon\s+bitti\b", r.read_tomorrow_part("morning")),
            (r"\b(?:i\s?)?övermorgon\b", r.read_relative_day(2)),
            (r"\bi\s?morgon\b", r.read_relative_day(1)),
            (r"\bi\s?dag\b", r.read_relative_day(0)),
            (rf"\b(?:på\s+)?({wd})(?:(?:en|ar)\b|s?(förmiddag|eftermiddag|morgon|kväll|lunch)"
             rf"(?:en)?\b|\b)", r.read_weekday),
            (r"\bnästa\s+vecka\b|\bveckan\s+därpå\b", r.read_week_next),
            (r"\bresten\s+av\s+(?:den\s+här\s+)?veckan\b", r.read_week_rest),
        ]  # fmt: skip
    else:
        rules += [
            (rf"\b(?:on\s+)?({wd})(?:'s)?\s+(?:of\s+)?next\s+week\b|\bnext\s+week,?\s+"
             rf"(?:on\s+)?({wd})\b", r.read_weekday_next_week),
            (rf"\bnext\s+({wd})\b", r.read_weekday_next_week),
            (r"\bthis\s+morning\b", r.read_today_part("morning")),
            (r"\bthis\s+afternoon\b", r.read_today_part("afternoon")),
            (r"\b(?:the\s+)?day\s+after\s+tomorrow\b", r.read_relative_day(2)),
            (r"\btomorrow\b", r.read_relative_day(1)),
            (r"\btoday\b", r.read_relative_day(0)),
            (rf"\b(?:on\s+|this\s+)?({wd}){wd_suffix}\b", r.read_weekday),
            (r"\bnext\s+week\b|\bthe\s+following\s+week\b", r.read_week_next),
            (r"\b(?:the\s+)?rest\s+of\s+(?:the|this)\s+week\b", r.read_week_rest),
        ]  # fmt: skip
    # Spans of time, then exact times, then parts of the day.
    if sv:
        rules += [
            (rf"\bmellan\s+{lead}({t})\s+och\s+{lead}({t})\b{never_month}", r.read_span),
            (rf"\b(?:från\s+|kl\.?\s*|klockan\s+)({t})\s*(?:-|–|—|till)\s*{lead}({t})\b"
             rf"{never_month}", r.read_span),
            (rf"\b(\d{{1,2}}(?:[.:]\d{{2}})?)\s*(?:-|–|—)\s*(\d{{1,2}}(?:[.:]\d{{2}})?)\b"
             rf"{never_month}", r.read_span),
            (rf"\b(?:efter|från|fr\.o\.m\.?|tidigast)\s+{lead}({t})\b{never_month}", r.read_after),
            (rf"\b(?:före|innan|fram\s+till|senast|till)\s+{lead}({t})\b{never_month}",
             r.read_before),
            (rf"\bhalv\s+({alternatives(HOURS['sv'])}"
             r"|\d{1,2})\b", r.read_half),
            (r"\bkvart\s+över\s+(\w+)\b", r.read_quarter(15, 0)),
            (r"\bkvart\s+i\s+(\w+)\b", r.read_quarter(45, -1)),
            (rf"\b(?:kl\.?\s*|klockan\s+)({t})\b{never_month}", r.read_exact),
            (r"\b(\d{1,2}[.:]\d{2})\b(?![.:/]\d)", r.read_exact),
            # "kl. 13 eller 14": the second hour is as much a time as the first.
            (rf"(?<=\d)\s+(?:eller|och)\s+(\d{{1,2}}(?:[.:]\d{{2}})?)\b{never_month}",
             r.read_exact),
            (r"\b(?:på\s+)?(?:förmiddag(?:en|ar|arna)?|morgon(?:en)?|morgnar(?:na)?)\b",
             r.read_part("morning")),
            (r"\b(?:på\s+)?eftermiddag(?:en|ar|arna)?\b|\befter\s+lunch(?:en)?\b",
             r.read_part("afternoon")),
            (r"\bhela\s+dag(?:en|arna)\b|\bheldag\b|\bnär\s+som\s+helst\b|\bhur\s+som\s+helst\b",
             r.read_part("all")),
            (r"\b(?:i\s?)?kväll(?:en|ar)?\b|\blunch(?:en|tid|tiden)?\b|\btidig(?:t|are)\b|"
             r"\bsenare\b|\bsent\b|\bi\s+veckan\b|\bdenna\s+vecka\b|\bden\s+här\s+veckan\b|"
             r"\bveckan\s+efter\b|\bom\s+(?:en|två|tre)\s+veckor?\b|\bhelgen?\b|"
             r"\bmånadsskiftet\b|\bnästa\s+månad\b|\bi\s+(?:slutet|början|mitten)\s+av\b|"
             r"\bnatt(?:en)?\b|\bsamma\s+tid(?:punkt)?\b|\bden\s+tiden\b", r.read_vague),
        ]  # fmt: skip
    else:
        words = alternatives(HOURS["en"])
        rules += [
            (rf"\bbetween\s+{lead}({t})\s+and\s+{lead}({t})\b{never_month}", r.read_span),
            (rf"\bfrom\s+({t})\s*(?:-|–|—|to|till|until)\s*{lead}({t})\b{never_month}",
             r.read_span),
            (rf"\b(\d{{1,2}}(?:[.:]\d{{2}})?(?:\s*(?:am|pm))?)\s*(?:-|–|—|to)\s*"
             rf"(\d{{1,2}}(?:[.:]\d{{2}})?(?:\s*(?:am|pm))?)(?!\w){never_month}", r.read_span),
            (rf"\b(?:after|from|not before|no earlier than)\s+{lead}({t})(?!\w){never_month}",
             r.read_after),
            (rf"\b(?:before|until|till|not after|no later than)\s+{lead}({t})(?!\w)"
             rf"{never_month}", r.read_before),
            (rf"\bhalf\s+past\s+({words}|\d{{1,2}})\b", r.read_quarter(30, 0)),
            (rf"\bquarter\s+past\s+({words}|\d{{1,2}})\b", r.read_quarter(15, 0)),
            (rf"\bquarter\s+to\s+({words}|\d{{1,2}})\b", r.read_quarter(45, -1)),
            (r"\b(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))(?!\w)", r.read_exact),
            (rf"\b(?:at|@)\s*({t})(?!\w){never_month}", r.read_exact),
            (rf"\b((?:{words})\s*o'clock|noon|midday)\b", r.read_exact),
            (r"\b(\d{1,2}[.:]\d{2})\b(?![.:/]\d)", r.read_exact),
            (rf"(?<=\d)\s+(?:or|and)\s+(\d{{1,2}}(?:[.:]\d{{2}})?)(?!\w){never_month}",
             r.read_exact),
            (r"\b(?:in\s+the\s+)?mornings?\b", r.read_part("morning")),
            (r"\b(?:in\s+the\s+)?afternoons?\b|\bafter\s+lunch\b", r.read_part("afternoon")),
            (r"\ball\s+day\b|\bany\s?time\b|\bthe\s+whole\s+day\b", r.read_part("all")),
            (r"\bevenings?\b|\btonight\b|\blunch(?:time)?\b|\bearly\b|\blater?\b|"
             r"\bthis\s+week\b|\bthe\s+week\s+after\b|\bin\s+(?:a|one|two|three)\s+weeks?\b|"
             r"\bweekend\b|\b(?:end|beginning|start|middle)\s+of\b|\bmid-|\bnext\s+month\b|"
             r"\bnight\b|\bsame\s+(?:time|slot)\b|\bthat\s+time\b", r.read_vague),
        ]  # fmt: skip
    excepted = "|".join(PHRASES[lang]["except"]) + ("|inte" if sv else "|not")
    rules.append(
        (
            rf"\b(?:{excepted})\s+(?:the\s+|den\s+|det\s+)?(?:{ords}|"
            rf"(?:alternativ|förslag|option|number|nummer)\s*\d)\b",
            r.read_vague,
        )
    )
    rules += _order_rules(lang, ords, month)
    return [(re.compile(pattern), read) for pattern, read in rules]


def _phrase_rules(lang: str) -> list[tuple[str, Reader]]:
    rules: list[tuple[str, Reader]] = []
    for kind in ("decline", "any"):
        pattern = r"\b(?:" + "|".join(PHRASES[lang][kind]) + r")(?!\w)"
        rules.append((pattern, r.read_marker(kind)))
    return rules


def _except_rules(lang: str, wd: str, suffix: str) -> list[tuple[str, Reader]]:
    words = "|".join(PHRASES[lang]["except"])
    lead = r"(?:på\s+)?" if lang == "sv" else r"(?:on\s+)?"
    one = rf"{lead}(?:{wd}){suffix}"
    pattern = rf"\b(?:{words})\s+({one}(?:\s*(?:,|och|eller|and|or)\s*{one})*)\b"
    return [(pattern, r.read_except)]


def _order_rules(lang: str, ords: str, month: str) -> list[tuple[str, Reader]]:
    if lang == "sv":
        nouns = r"alternativet|förslaget|tiden|tidpunkten|tillfället|tidsförslaget"
        verbs = r"passar|går|funkar|fungerar|blir|är|låter|känns|tar|väljer|föredrar"
        return [
            (r"\b(?:alternativ|alternativet|förslag|förslaget|tidsförslag|nummer|nr\.?|option)"
             r"\s*(?:nr\.?\s*)?#?(\d|ett|två|tre|fyra|fem)\b(?![.:]\d)", r.read_order_digit),
            (rf"\b(?:den|det)\s+({ords})(?:\s+(?:{nouns}))?(?=\s*(?:[.,!;)]|$|{verbs}\b))",
             r.read_order_word),
            (rf"\b({ords})\s+(?:{nouns})\b", r.read_order_word),
        ]  # fmt: skip
    nouns = r"one|option|alternative|slot|time|suggestion|choice|date"
    verbs = r"works?|is|suits?|please|would|fits?|sounds|will"
    return [
        (r"\b(?:option|alternative|slot|choice|number|no\.|#)\s*#?(\d|one|two|three|four|five)\b"
         r"(?![.:]\d)",
         r.read_order_digit),
        (rf"(?<!for )\bthe\s+({ords})\s+(?:{nouns})\b", r.read_order_word),
        (rf"(?<!for )\bthe\s+({ords})(?=\s*(?:[.,!;)]|$|(?:{verbs})\b))", r.read_order_word),
    ]  # fmt: skip
