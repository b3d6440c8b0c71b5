"""Tone detectors for Swedish and English: apology, interest, new times, leisure, rudeness.

The phrases live in `words/*.txt` so a reviewer can extend them without
touching code; see `words/README.md` for the pattern syntax. Each detector
takes the text's language when it is known and otherwise guesses it from
common words, applying both lists when the guess is unsure.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS = Path(__file__).with_name("words")
DETECTORS = ("apology", "interest", "new_times", "leisure", "rude")
_LANGUAGES = ("sv", "en")
_WORD = r"[\w']"
_GAP = r"(?:\s+[\w']+){0,3}"


@dataclass(frozen=True)
class _Lists:
    found: re.Pattern[str] | None
    ignored: re.Pattern[str] | None
    literals: tuple[re.Pattern[str], ...]


def normalize(text: str) -> str:
    """Lower case, curly apostrophes made straight, every other sign turned into a space."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.sub(r"[^\w']+", " ", text).split())


def detect_language(text: str) -> str | None:
    """ "sv" or "en" when the common words clearly say so, else None."""
    words = normalize(text).split()
    sv = sum(word in _common("sv") for word in words)
    en = sum(word in _common("en") for word in words)
    if sv > en:
        return "sv"
    if en > sv:
        return "en"
    return None


def find(detector: str, text: str | None, lang: str | None = None) -> list[str]:
    """The phrases of `detector` found in `text`, as they appear after normalising."""
    if not text:
        return []
    langs = _languages(text, lang)
    normal = normalize(text)
    found: list[str] = []
    for language in langs:
        lists = _load(detector, language)
        cleaned = lists.ignored.sub(" | ", normal) if lists.ignored else normal
        if lists.found:
            found.extend(match.group(0) for match in lists.found.finditer(cleaned))
        found.extend(
            match.group(0).strip() for pattern in lists.literals for match in pattern.finditer(text)
        )
    return list(dict.fromkeys(found))


def has_apology(text: str | None, lang: str | None = None) -> bool:
    """True when the text apologises (ber om ursäkt, beklagar, förlåt, sorry, apologise…)."""
    return bool(find("apology", text, lang))


def shows_interest(text: str | None, lang: str | None = None) -> bool:
    """True when the text says the writer is (still) interested in the company or the role."""
    return bool(find("interest", text, lang))


def promises_new_times(text: str | None, lang: str | None = None) -> bool:
    """True when the text promises to get back with new times (or offers to reschedule)."""
    return bool(find("new_times", text, lang))


def is_leisure(text: str | None, lang: str | None = None) -> bool:
    """True when the text speaks of a weekend trip, going out of town, a party or social plans."""
    return bool(find("leisure", text, lang))


def is_rude(text: str | None, lang: str | None = None) -> bool:
    """True when the text holds insults, profanity, blame or sarcasm markers."""
    return bool(find("rude", text, lang))


def _languages(text: str, lang: str | None) -> tuple[str, ...]:
    if lang in _LANGUAGES:
        return (lang,)
    guessed = detect_language(text)
    return (guessed,) if guessed else _LANGUAGES


@cache
def _common(lang: str) -> frozenset[str]:
    # Short, frequent words that nearly always tell the two languages apart.
    lines = (WORDS / f"common.{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines for word in line.split("#", 1)[0].split())


@cache
def _load(detector: str, lang: str) -> _Lists:
    if detector not in DETECTORS:
        raise ValueError(f"unknown detector {detector!r}")
    found, literals = _read(WORDS / f"{detector}.{lang}.txt")
    ignored, _ = _read(WORDS / f"{detector}.not.{lang}.txt")
    return _Lists(_compile(found), _compile(ignored), tuple(_literal(text) for text in literals))


def _read(path: Path) -> tuple[list[str], list[str]]:
    patterns: list[str] = []
    literals: list[str] = []
    if not path.exists():
        return patterns, literals
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("= "):
            literals.append(line[2:].strip())
        elif line:
            patterns.append(line)
    return patterns, literals


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # Longest first, so "återkommer inte med nya tider" wins over "återkommer inte".
    parts = sorted((_pattern(line) for line in patterns), key=len, reverse=True)
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(parts)})(?!{_WORD})")


def _pattern(line: str) -> str:
    pieces: list[str] = []
    for word in line.casefold().split():
        if word == "...":
            pieces.append(_GAP)
            continue
        head = f"{_WORD}*" if word.startswith("*") else ""
        tail = f"{_WORD}*" if word.endswith("*") else ""
        pieces.append(r"\s+" + head + re.escape(word.strip("*")) + tail)
    regex = "".join(pieces)
    return regex[3:] if regex.startswith(r"\s+") else regex


def _literal(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)
