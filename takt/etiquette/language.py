"""Which language a passage is written in, Swedish or English, from its small words.

Function words ("och", "att", "the", "have") are what any sentence needs and what
the two languages never share, so counting them tells a sentence's language even
when names, places and job titles from the other language stand in it ("Hello
Märta, about the backendutvecklare role"). A word both languages use ("in", "till",
"be", "under") counts for neither; "I" counts as English only with its capital.
"""

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SWEDISH = _words(
    """
    och att det är jag du vi ni en ett på för med inte om har hade kan som av den så men
    mig dig er oss hej tack vill ska skulle kommer måste tyvärr gärna min mitt mina din ditt
    dina vår vårt våra var blev blir från eller när efter också bara sig mycket nu här där
    vad hur varför fått får hos dem sedan ingen inget någon några detta denna dessa än
    """
)
_ENGLISH = _words(
    """
    the and to of is for you with not have has had can on we my will that it but are am
    this your hi thanks would must unfortunately please been was were from our us me an at
    a do does sorry could should about there their they them which what when who i'm i'll
    i've don't can't won't it's that's so if been also just very now here any some these
    those than
    """
)
# A sentence ends at . ! ? … followed by a space, or at a line break.
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[\w']+")
# Two small words of one language and fewer than half as many of the other make a
# sentence of that language; fewer is a name, a title or a fragment, not a passage.
_LEAST = 2


@dataclass(frozen=True)
class Passage:
    """A sentence of a text and the language its small words say it is in."""

    text: str
    language: str


def _counts(text: str) -> tuple[int, int]:
    words = _WORD.findall(text.replace("\u2019", "'"))
    sv = sum(word.casefold() in _SWEDISH for word in words)
    # A capital "I" alone is the English pronoun; the Swedish "i" ("in") is small
    # except first in a sentence, where its own sentence outweighs it.
    en = sum(word.casefold() in _ENGLISH or word == "I" for word in words)
    return sv, en


def _verdict(sv: int, en: int) -> str | None:
    if sv >= _LEAST and sv > 2 * en:
        return "sv"
    if en >= _LEAST and en > 2 * sv:
        return "en"
    return None


def language_of(text: str | None) -> str | None:
    """ "sv" or "en" when the text's small words clearly say so, else None."""
    if not text:
        return None
    return _verdict(*_counts(text))


def passages(text: str) -> list[Passage]:
    """The sentences of `text` whose language is clear, in order."""
    found = []
    for sentence in _SENTENCE.split(text):
        language = language_of(sentence)
        if language is not None:
            found.append(Passage(sentence.strip(), language))
    return found


def foreign_passages(text: str, language: str) -> list[str]:
    """The sentences of `text` written in another language than `language`."""
    return [passage.text for passage in passages(text) if passage.language != language]
