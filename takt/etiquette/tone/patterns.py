"""The pattern language of `words/*.txt`, compiled to regular expressions over normal text.

One pattern a line, `#` starts a comment. Words match whole words; `*` at
either end of a word allows any letters there; `...` allows up to three other
words in between; `{name}` is any phrase of the word class `name` (see
`classes.<lang>.txt`); `~` allows any number of words, within the sentence;
`^` at the start and `$` at the end tie the pattern to the beginning and end of
a sentence, and `?` matches the end of a question. A line starting with `= ` is a literal sign sequence looked for in
the original text (`/s`, an emoji). In a `.not` file, a line starting with
`! ` blanks the whole sentence it occurs in.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from takt.etiquette.tone.normal import MARK, fold_words

_WORD = r"[\w']"
_GAP = r"(?:\s+[\w']+){0,3}"
_ANY = r"(?:\s+[\w']+)*?"
_START = rf"(?<=\{MARK} )"
_END = rf"(?= (?:\? )?\{MARK})"


@dataclass(frozen=True)
class Lines:
    """The lines of one pattern file, sorted by what they do."""

    patterns: list[str] = field(default_factory=list)
    literals: list[str] = field(default_factory=list)
    vetoes: list[str] = field(default_factory=list)


def read(path: Path) -> Lines:
    """The lines of a pattern file; a missing file has none."""
    lines = Lines()
    if not path.exists():
        return lines
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("= "):
            lines.literals.append(line[2:].strip())
        elif line.startswith("! "):
            lines.vetoes.append(line[2:].strip())
        elif line:
            lines.patterns.append(line)
    return lines


def read_classes(path: Path) -> dict[str, str]:
    """Word classes as regular expressions: each line `name: phrase | phrase`, names may repeat."""
    phrases: dict[str, list[str]] = {}
    for line in read(path).patterns:
        name, _, alternatives = line.partition(":")
        phrases.setdefault(name.strip(), []).extend(
            alt.strip() for alt in alternatives.split("|") if alt.strip()
        )
    return {
        name: "(?:" + "|".join(sorted((_words(p, {}) for p in alts), key=len, reverse=True)) + ")"
        for name, alts in phrases.items()
    }


def compile_patterns(patterns: list[str], classes: dict[str, str]) -> re.Pattern[str] | None:
    """One expression matching any of `patterns`, longest first, on whole words only."""
    if not patterns:
        return None
    # The most specific first (most words, then longest), so that "sluta slösa med min tid"
    # is quoted whole rather than as "sluta".
    ranked = sorted(patterns, key=lambda line: (len(line.split()), len(line)), reverse=True)
    parts = [_words(line, classes) for line in ranked]
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(parts)})(?!{_WORD})")


def compile_literal(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)


def _words(line: str, classes: dict[str, str]) -> str:
    pieces: list[str] = []
    for word in line.split():
        if word == "^" and not pieces:
            pieces.append(_START)
            continue
        if word == "...":
            pieces.append(_GAP)
            continue
        if word == "~":
            pieces.append(_ANY)
            continue
        if word == "$":
            pieces.append(_END)
            continue
        if word == "?":
            pieces.append(r"\s+\?")
            continue
        if word.startswith("{") and word.endswith("}"):
            pieces.append(r"\s+" + classes[word[1:-1]])
            continue
        word = fold_words(word)
        head = f"{_WORD}*" if word.startswith("*") else ""
        tail = f"{_WORD}*" if word.endswith("*") else ""
        pieces.append(r"\s+" + head + re.escape(word.strip("*")) + tail)
    regex = "".join(pieces)
    if regex.startswith(_START + r"\s+"):
        return _START + regex[len(_START) + 3 :]
    return regex[3:] if regex.startswith(r"\s+") else regex
