"""Times of day as people write them: "kl. 13", "13.00", "1pm", "halv tre", "at ten"."""

import re
from dataclasses import dataclass

from takt.replies.words import HOURS

NOON = 12 * 60
_DIGITS = re.compile(r"(0?)(\d{1,2})(?:[.:](\d{2}))?")
_MERIDIEM = re.compile(r"\s*(a\.?m\.?|p\.?m\.?)$")


@dataclass(frozen=True)
class Clock:
    """A time said: `end` None is an exact time (a meeting from `start`), else a span."""

    start: int  # minutes after local midnight
    end: int | None = None


def hour_pattern(lang: str) -> str:
    """A regular expression for one time of day in `lang`, without any lead word."""
    words = "|".join(HOURS[lang])
    digits = r"\d{1,2}(?:[.:]\d{2})?"
    if lang == "en":
        return (
            rf"(?:{digits}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|(?:{words})(?:\s*o'clock)?"
            r"(?:\s*(?:am|pm))?|noon|midday)"
        )
    return rf"(?:{digits}|{words})"


def minutes(text: str, lang: str, *, meridiem: str | None = None) -> int | None:
    """`text` ("13", "1.30", "nio", "2pm", "noon") as minutes after midnight, or None.

    A bare hour from 1 to 7 is in the afternoon, 8 to 12 as written, as REPLIES.md
    says; an hour written with a leading zero ("07.30") is read on the 24-hour clock.
    """
    text = text.strip().lower().replace("o'clock", "").strip()
    if text in ("noon", "midday"):
        return NOON
    found = _MERIDIEM.search(text)
    if found:
        meridiem = found[1].replace(".", "")
        text = text[: found.start()].strip()
    zero, minute = "", 0
    if text in HOURS[lang]:
        hour = HOURS[lang][text]
    else:
        match = _DIGITS.fullmatch(text)
        if not match:
            return None
        zero, hour, minute = match[1], int(match[2]), int(match[3] or 0)
    return on_clock(hour, minute, meridiem=meridiem, zero=bool(zero))


def on_clock(
    hour: int, minute: int, *, meridiem: str | None = None, zero: bool = False
) -> int | None:
    """Hour and minute as minutes after midnight, by the bare-hour rule; None when impossible."""
    if minute > 59:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif 1 <= hour <= 7 and not zero:
        hour += 12
    if not 0 < hour * 60 + minute < 24 * 60:
        return None  # midnight is no time for an interview; read it as unclear
    return hour * 60 + minute


def word_hour(text: str, lang: str) -> int | None:
    """The hour in "tre" or "3" before any rule, for "halv tre" and "quarter to three"."""
    text = text.strip().lower()
    if text in HOURS[lang]:
        return HOURS[lang][text]
    return int(text) if text.isdigit() and 1 <= int(text) <= 12 else None
