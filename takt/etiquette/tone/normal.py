"""Text made comparable, remembering where each letter came from so a finding can quote it.

Lower case, straight apostrophes, accents and å/ä/ö folded to plain letters
(people often type "ursakt" for "ursäkt"), every other sign a space, and each
sentence end marked with "|" (a question also with "?" before it), so that a
pattern never reaches across two sentences. The text starts with "| " and ends with " |".
"""

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

MARK = "|"
QUESTION = "?"
_ENDS = frozenset(".!?;:\n")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})


@dataclass(frozen=True)
class Normal:
    """The normal text of `source`; `origin[i]` is where character `i` came from."""

    source: str
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where normal span [start, end) lies in the source."""
        return self.origin[start], self.origin[end - 1] + 1


@cache
def fold(char: str) -> str:
    """One character made comparable: "Ä" becomes "a", "’" becomes "'", a comma a space."""
    folded = unicodedata.normalize("NFD", char.casefold().translate(_APOSTROPHES))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "".join(c if c.isalnum() or c in "'_" else " " for c in plain)


def fold_words(words: str) -> str:
    """Pattern words folded the same way as the text (signs other than `*` kept)."""
    return "".join(fold(c) if c.isalpha() else c for c in words)


@lru_cache(maxsize=512)
def normal(source: str) -> Normal:
    """The normal text of `source`; cached because every message rule reads the same text."""
    out = [MARK, " "]
    origin = [0, 0]
    for index, char in enumerate(source):
        if char in _ENDS:
            if out[-1] == " " and out[-2] == MARK:
                continue
            if out[-1] != " ":
                out.append(" ")
                origin.append(index)
            if char == "?":
                # Kept before the mark, so "Sorry?" (what did you say?) can be told from "Sorry."
                out.extend((QUESTION, " "))
                origin.extend((index, index))
            out.extend((MARK, " "))
            origin.extend((index, index))
            continue
        for piece in fold(char):
            if piece == " " and out[-1] == " ":
                continue
            out.append(piece)
            origin.append(index)
    if not (out[-1] == " " and out[-2] == MARK):
        if out[-1] != " ":
            out.append(" ")
            origin.append(len(source))
        out.append(MARK)
        origin.append(len(source))
    else:
        out.pop()
        origin.pop()
    return Normal(source, "".join(out), tuple(origin))
