"""The tone model: weights learned from the corpus's dev part, scored here in plain Python.

`make tone-model` trains a logistic regression on word pieces, words and word
pairs (`features.py`) for each detector and language, and writes its weights
to `model.json` beside this file; reading a message needs nothing but this
module. The model reads one sentence at a time, so a long e-mail with one
rude sentence is not washed out by the polite ones around it.
"""

import json
import math
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from takt.etiquette.tone.features import word_features
from takt.etiquette.tone.lexicon import lexicon
from takt.etiquette.tone.normal import MARK, QUESTION

MODEL = Path(__file__).with_name("model.json")
_WIDEST = 4  # words in the phrase a finding quotes
LEXICAL = "L "  # how the features of meaning (the lexicon's) begin


@dataclass(frozen=True)
class Sentence:
    """One sentence of a normal text: its words and where each stands in the normal text."""

    words: tuple[str, ...]
    starts: tuple[int, ...]


@dataclass(frozen=True)
class Reading:
    """How sure the model is about one sentence, and the words that weighed most."""

    probability: float
    start: int  # the phrase quoted, a span of the normal text
    end: int
    sentence: tuple[int, int]  # the whole sentence, a span of the normal text


@dataclass(frozen=True)
class Learned:
    """One detector's weights in one language, and the probability from which it fires."""

    lang: str
    bias: float
    weights: dict[str, float]
    threshold: float
    meaning: float  # the value of a feature of meaning; a word piece's is 1
    # Below this probability the model overrules the patterns in a clause: "Out of interest,
    # is the office near the station?" holds "interest" but says nothing of it. 0: never.
    veto: float = 0.0
    alone: bool = True  # False: the model only overrules, it never finds on its own

    def doubts(self, words: list[str]) -> bool:
        """True when the model is sure enough that the clause of these words does not hold
        what the detector looks for to overrule the patterns."""
        return self.probability(words) < self.veto

    def probability(self, words: list[str]) -> float:
        """How likely the sentence of these words is to hold what the detector looks for."""
        return self._probability(word_features(words, lexicon(self.lang).tags(words)))

    def readings(self, text: str) -> list[Reading]:
        """The sentences of a normal text the model fires on, each with its weightiest phrase."""
        found = []
        for sentence in sentences(text):
            words = list(sentence.words)
            per_word = word_features(words, lexicon(self.lang).tags(words))
            probability = self._probability(per_word)
            if probability < self.threshold:
                continue
            first, last = _heaviest(sentence.words, self._shares(per_word))
            end = sentence.starts[last] + len(sentence.words[last])
            whole = (sentence.starts[0], sentence.starts[-1] + len(sentence.words[-1]))
            found.append(Reading(probability, sentence.starts[first], end, whole))
        return found

    def _probability(self, per_word: list[set[str]]) -> float:
        every = set().union(*per_word)
        weights = self._scaled
        score = self.bias + sum(weights.get(f, 0.0) for f in every) / (math.sqrt(len(every)) or 1)
        return 1 / (1 + math.exp(-score))

    def _shares(self, per_word: list[set[str]]) -> list[float]:
        """What each word brought, for quoting: a feature shared by two words counts for both."""
        weights = self._scaled
        return [sum(weights.get(f, 0.0) for f in found) for found in per_word]

    @cached_property
    def _scaled(self) -> dict[str, float]:
        """The weights with each feature of meaning's value (`meaning`) already in them."""
        return {
            feature: weight * self.meaning if feature.startswith(LEXICAL) else weight
            for feature, weight in self.weights.items()
        }


def sentences(text: str) -> list[Sentence]:
    """The sentences of a normal text (`normal.py`), empty ones left out. A phrase blanked
    out by a `.not` list (marks only) is passed over within its sentence."""
    found: list[Sentence] = []
    words: list[str] = []
    starts: list[int] = []
    at = 0
    for word in text.split(" "):
        if word == MARK:
            if words:
                found.append(Sentence(tuple(words), tuple(starts)))
            words, starts = [], []
        elif word and word.strip(MARK):
            words.append(word)
            starts.append(at)
        at += len(word) + 1
    if words:
        found.append(Sentence(tuple(words), tuple(starts)))
    return found


def _heaviest(words: tuple[str, ...], shares: list[float]) -> tuple[int, int]:
    """The run of at most four words (a question mark aside) that weighs most."""
    best, best_span = -math.inf, (0, 0)
    for first in range(len(words)):
        if words[first] == QUESTION:
            continue
        total = 0.0
        for last in range(first, min(first + _WIDEST, len(words))):
            if words[last] == QUESTION:
                break
            total += shares[last]
            if total > best:
                best, best_span = total, (first, last)
    return best_span


@cache
def learned(detector: str, lang: str) -> Learned | None:
    """The model of `detector` in `lang`, or None when it has none."""
    entry = _models().get(f"{detector}.{lang}")
    if entry is None:
        return None
    return Learned(
        lang,
        entry["bias"],
        entry["weights"],
        entry["threshold"],
        entry["meaning"],
        entry["veto"],
        entry["alone"],
    )


@cache
def _models() -> dict[str, dict]:  # type: ignore[type-arg]
    if not MODEL.exists():
        return {}
    models: dict[str, dict] = json.loads(MODEL.read_text(encoding="utf-8"))["models"]  # type: ignore[type-arg]
    return models


@lru_cache(maxsize=512)
def fired(detector: str, lang: str, text: str) -> tuple[Reading, ...]:
    """The sentences of a normal text on which the model of `detector` in `lang` fires."""
    model = learned(detector, lang)
    return tuple(model.readings(text)) if model and model.alone else ()
