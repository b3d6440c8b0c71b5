"""Words that carry a judgement, and who a sentence speaks of: what lets the model generalise.

A model trained on a few hundred sentences learns their words; it cannot know
that "värdelösa" and "inkompetenta", or "kind" and "helpful", say the same
thing. The lexicon tags each word (`-` a negative judgement, `+` a positive
one, `you` the reader, `self` the writer, `not` a negation, `but` a turn), and
`features.py` turns the tags into features of meaning: the reader and a
negative word in one sentence, a negated positive word, a question at the
reader. Swedish is our own list (`words/lexicon.sv.txt`); English adds AFINN
(Finn Årup Nielsen's word list, from the afinn package).
"""

from dataclasses import dataclass
from functools import cache
from importlib import resources

from takt.etiquette.tone.normal import fold_words
from takt.etiquette.tone.patterns import read
from takt.etiquette.tone.words import WORDS

TAGS = ("-", "+", "you", "self", "other", "not", "but")
_AFINN = {"en": "AFINN-en-165.txt"}
_STRONG = 2  # AFINN valence from which a word counts (of 5)


@dataclass(frozen=True)
class Lexicon:
    """Tagged words and two-word phrases, whole or as a beginning (`word*`)."""

    whole: dict[str, frozenset[str]]
    heads: dict[str, tuple[tuple[str, str], ...]]  # by first three letters: (beginning, tag)

    def tags(self, words: list[str]) -> list[set[str]]:
        """The tags of each word; a two-word phrase tags both its words."""
        found: list[set[str]] = [set() for _ in words]
        for at, word in enumerate(words):
            found[at] |= self.whole.get(word, frozenset())
            if at + 1 < len(words):
                pair = self.whole.get(f"{word} {words[at + 1]}", frozenset())
                found[at] |= pair
                found[at + 1] |= pair
            for head, tag in self.heads.get(word[:3], ()):
                if word.startswith(head):
                    found[at].add(tag)
        return found


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang`: its file, the judging word classes, and AFINN where there is one."""
    whole: dict[str, set[str]] = {}
    heads: set[tuple[str, str]] = set()

    def add(phrase: str, tag: str) -> None:
        phrase = fold_words(phrase.strip())
        if phrase.endswith("*") and len(phrase) > 3:
            heads.add((phrase.rstrip("*"), tag))
        elif phrase:
            whole.setdefault(phrase, set()).add(tag)

    for line in read(WORDS / f"lexicon.{lang}.txt").patterns:
        tag, _, phrases = line.partition(" ")
        tag = tag.rstrip(":")
        for phrase in phrases.split("|"):
            add(phrase, tag)
    classes = read(WORDS / f"classes.{lang}.txt").patterns
    for line in classes:
        name, _, phrases = line.partition(":")
        if name.strip() in ("judge", "strong"):
            for phrase in phrases.split("|"):
                if len(phrase.split()) <= 2:
                    add(phrase, "-")
    for word, valence in _afinn(lang):
        if abs(valence) >= _STRONG and len(word.split()) <= 2:
            add(word, "-" if valence < 0 else "+")
    by_start: dict[str, list[tuple[str, str]]] = {}
    for head, tag in sorted(heads):
        by_start.setdefault(head[:3], []).append((head, tag))
    return Lexicon(
        {phrase: frozenset(tags) for phrase, tags in whole.items()},
        {start: tuple(found) for start, found in by_start.items()},
    )


def _afinn(lang: str) -> list[tuple[str, int]]:
    name = _AFINN.get(lang)
    if name is None:
        return []
    text = resources.files("afinn").joinpath("data", name).read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        word, _, valence = line.rpartition("\t")
        if word and valence.lstrip("-").isdigit():
            found.append((word, int(valence)))
    return found
