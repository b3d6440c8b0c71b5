"""A reply cut into sentences and clauses, and the mood of each part: yes, no or neither."""

import re
from dataclasses import dataclass
from functools import cache

from takt.replies.items import Item
from takt.replies.words import PHRASES

# A full stop ends a sentence unless a digit follows ("13.00") or it ends a short form
# ("kl. ett", "ca. tre", "t.ex.", "1 p.m. works").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bkl\.)(?<!\bca\.)(?<!\.ex\.)(?<!\.m\.)[ \t]+(?=[^\d\s])|\n+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    """One sentence as written, and lower-cased for reading."""

    text: str
    lower: str

    @property
    def question(self) -> bool:
        return self.text.rstrip().endswith("?")


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, blank ones left out."""
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [Sentence(part, _lower(part)) for part in parts if part]


def _lower(text: str) -> str:
    # Curly apostrophes as straight ones ("doesn’t"), one character for one.
    lowered = text.lower().replace("\u2019", "'")
    # Every position must mean the same character in both, for quoting by position.
    return lowered if len(lowered) == len(text) else "".join(c.lower()[0] for c in text)


@cache
def phrase(lang: str, kind: str) -> re.Pattern[str]:
    """One pattern for all phrases of `kind` in `lang`, as whole words."""
    words = "|".join(PHRASES[lang][kind])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def clause_starts(lower: str, items: list[Item], lang: str) -> list[int]:
    """Where the clauses of a sentence begin: at "men", "but", ";" outside any item."""
    starts = [0]
    taken = [False] * len(lower)
    for item in items:
        for index in range(item.start, item.end):
            taken[index] = True
    splitter = re.compile(rf"(?:;|(?<!\w)(?:{'|'.join(PHRASES[lang]['split'])})(?!\w))")
    for match in splitter.finditer(lower):
        if not taken[match.start()]:
            starts.append(match.end())  # the clause begins after "men", "but"
    return starts


def blank(lower: str, items: list[Item], start: int, end: int) -> str:
    """lower[start:end] with every item's characters blanked, so markers are not read twice."""
    chars = list(lower[start:end])
    for item in items:
        for index in range(max(item.start, start), min(item.end, end)):
            chars[index - start] = " "
    return "".join(chars)


def mood(text: str, lang: str) -> str:
    """ "no" when the words refuse, "yes" when they agree or say nothing else, else "neutral"."""
    text = phrase(lang, "idiom").sub(" ok ", text)
    if phrase(lang, "negative").search(text):
        return "no"
    if phrase(lang, "positive").search(text):
        return "yes"
    words = re.findall(r"\w+", text)
    fillers = set(PHRASES[lang]["filler"])
    return "yes" if all(word in fillers for word in words) else "neutral"


def only_connectors(text: str, lang: str) -> bool:
    """True when `text` between two days only joins them ("och", ", ", "eller på")."""
    rest = re.sub(r"[\s,/&]+", " ", text).strip()
    if not rest:
        return True
    connectors = set(PHRASES[lang]["connector"])
    return all(word in connectors for word in rest.split())


def boundary(text: str, lang: str) -> int:
    """Where, in the gap between two groups, the first ends: at a comma or "och"/"and"."""
    found = re.search(r",|(?<!\w)(?:och|eller|and|or|samt)(?!\w)", text)
    return found.start() if found else len(text)
