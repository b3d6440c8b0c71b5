"""The pattern language of `words/*.txt`, compiled to regular expressions over normal text.

One pattern a line, `#` starts a comment. Words match whole words; `*` at
either end of a word allows any letters there; `...` allows up to three other
words in between; `{name}` is any phrase of the word class `name` (see
`classes.<lang>.txt`); `~` allows any number of words, within the sentence;
`^` at the start and `$` at the end tie the pattern to the beginning and end of
a sentence, and `?` matches the end of a question. A line starting with `= `
is a literal sign sequence looked for in the original text (`/s`, an emoji). In a
`.not` file, a line starting with `! ` blanks the whole sentence it occurs in.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from takt.etiquette.tone.normal import MARK, fold_words

_WORD = r"[\w']"
_GAP = r"(?:\s+[\w']+){0,3}"
_ANY = r"(?:\s+[\w']+)*?"
_START = rf"(?<=\{MARK} )"
_PREFIX = 3  # letters of a word that pick the patterns starting with it
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


@dataclass(frozen=True)
class _FirstWords:
    """The words a phrase of one class can begin with: whole, as a beginning, or inside."""

    exact: frozenset[str]
    heads: tuple[str, ...]
    inside: tuple[str, ...]

    def admits(self, word: str) -> bool:
        return (
            word in self.exact
            or word.startswith(self.heads)
            or any(core in word for core in self.inside)
        )


@dataclass(frozen=True)
class Classes:
    """Word classes: each as a piece of regular expression, and the words it can begin with."""

    pieces: dict[str, str]
    present: dict[str, re.Pattern[str]]
    firsts: dict[str, _FirstWords]


class Scan:
    """One normal text being searched, with where its words and word classes stand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.classes: dict[str, list[int]] = {}
        self.words: list[tuple[int, str]] = []
        at = 0
        for word in text.split(" "):
            self.words.append((at, word))
            at += len(word) + 1


_Entry = tuple[re.Pattern[str], str]  # a compiled line and its label (a kind of rudeness)


@dataclass(frozen=True)
class Patterns:
    """Compiled pattern lines, indexed by how each can begin.

    A message is short and the lines are many, so each line is tried only where its
    first word (or a word of its first class) stands, not at every letter.
    """

    exact: dict[str, tuple[_Entry, ...]]
    prefix: dict[str, tuple[tuple[str, _Entry], ...]]
    # By first class, then by some plain word the line needs ("" for none): a word that is
    # not in the text rules out all the lines that need it at once.
    by_class: dict[str, tuple[tuple[str, tuple[_Entry, ...]], ...]]
    anywhere: tuple[_Entry, ...]
    classes: Classes

    def spans(self, scan: Scan) -> list[tuple[int, int, str]]:
        """Where any of the lines matches in the scanned text, with the line's label."""
        text = scan.text
        found = [
            (*match.span(), label)
            for regex, label in self.anywhere
            for match in regex.finditer(text)
        ]
        tries: list[tuple[int, _Entry]] = []
        for name, groups in self.by_class.items():
            starts = self._starts(name, scan)
            if not starts:
                continue
            for need, entries in groups:
                if need in text:
                    tries.extend((start, entry) for start in starts for entry in entries)
        exact, prefix = self.exact, self.prefix
        for start, word in scan.words:
            if word in exact:
                tries.extend((start, entry) for entry in exact[word])
            for head, entry in prefix.get(word[:_PREFIX], ()):
                if word.startswith(head):
                    tries.append((start, entry))
        for start, (regex, label) in tries:
            match = regex.match(text, start)
            if match:
                found.append((*match.span(), label))
        return found

    def _starts(self, name: str, scan: Scan) -> list[int]:
        if name not in scan.classes:
            # Checked word by word: far cheaper than one long alternation tried at every letter.
            present, firsts = self.classes.present[name], self.classes.firsts[name]
            scan.classes[name] = [
                start
                for start, word in scan.words
                if firsts.admits(word) and present.match(scan.text, start)
            ]
        return scan.classes[name]


def read_classes(path: Path) -> Classes:
    """Word classes: each line `name: phrase | phrase`, names may repeat."""
    phrases: dict[str, list[str]] = {}
    for line in read(path).patterns:
        name, _, alternatives = line.partition(":")
        phrases.setdefault(name.strip(), []).extend(
            alt.strip() for alt in alternatives.split("|") if alt.strip()
        )
    empty = Classes({}, {}, {})
    pieces = {
        name: "(?:"
        + "|".join(sorted({_words(p, empty) for p in alts}, key=lambda piece: (-len(piece), piece)))
        + ")"
        for name, alts in phrases.items()
    }
    present = {
        name: re.compile(rf"(?<!{_WORD}){piece}(?!{_WORD})") for name, piece in pieces.items()
    }
    return Classes(pieces, present, {name: _firsts(alts) for name, alts in phrases.items()})


def _firsts(alternatives: list[str]) -> _FirstWords:
    exact, heads, inside = set(), set(), set()
    for alternative in alternatives:
        first = fold_words(alternative.split()[0])
        if first.startswith("*"):
            inside.add(first.strip("*"))
        elif first.endswith("*"):
            heads.add(first.rstrip("*"))
        else:
            exact.add(first)
    return _FirstWords(frozenset(exact), tuple(sorted(heads)), tuple(sorted(inside)))


def compile_patterns(lines: list[tuple[str, str]], classes: Classes) -> Patterns | None:
    """Each (pattern, label), matching on whole words only; None when there are none."""
    if not lines:
        return None
    exact: dict[str, list[_Entry]] = {}
    prefix: dict[str, list[tuple[str, _Entry]]] = {}
    by_class: dict[str, dict[str, list[_Entry]]] = {}
    anywhere: list[_Entry] = []
    for line, label in lines:
        entry = (re.compile(rf"(?<!{_WORD})(?:{_words(line, classes)})(?!{_WORD})"), label)
        words = line.split()
        first = words[1] if words[0] == "^" and len(words) > 1 else words[0]
        letters = fold_words(first).rstrip("*")
        if _is_class(first):
            need = next((w.strip("*") for w in words if _is_plain(w)), "")
            by_class.setdefault(first[1:-1], {}).setdefault(fold_words(need), []).append(entry)
        elif first in ("...", "~", "$", "?") or first.startswith("*"):
            anywhere.append(entry)
        elif not first.endswith("*"):
            exact.setdefault(letters, []).append(entry)
        elif len(letters) >= _PREFIX:
            prefix.setdefault(letters[:_PREFIX], []).append((letters, entry))
        else:
            anywhere.append(entry)
    return Patterns(
        {word: tuple(found) for word, found in exact.items()},
        {head: tuple(found) for head, found in prefix.items()},
        {
            name: tuple((need, tuple(found)) for need, found in groups.items())
            for name, groups in by_class.items()
        },
        tuple(anywhere),
        classes,
    )


def compile_literal(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)


def _is_class(word: str) -> bool:
    return word.startswith("{") and word.endswith("}")


def _is_plain(word: str) -> bool:
    """A word of letters (perhaps with `*`), not a class or a sign of the pattern language."""
    return not _is_class(word) and word not in ("^", "$", "?", "...", "~") and word.strip("*") != ""


def _words(line: str, classes: Classes) -> str:
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
        if _is_class(word):
            pieces.append(r"\s+" + classes.pieces[word[1:-1]])
            continue
        word = fold_words(word)
        head = f"{_WORD}*" if word.startswith("*") else ""
        tail = f"{_WORD}*" if word.endswith("*") else ""
        pieces.append(r"\s+" + head + re.escape(word.strip("*")) + tail)
    regex = "".join(pieces)
    if regex.startswith(_START + r"\s+"):
        return _START + regex[len(_START) + 3 :]
    return regex[3:] if regex.startswith(r"\s+") else regex
