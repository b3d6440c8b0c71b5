"""Trains the tone model on the dev part of the corpus and writes takt/etiquette/tone/model.json.

Run by `make tone-model`. Only the dev part is read: the held-out part stays
for the figures. Deterministic: the same corpus gives the same file.

For each detector that has a model, and each language, a logistic regression
(scikit-learn, used here only) learns weights for the features of
`takt/etiquette/tone/features.py`. The model fires where the patterns of
`words/` do not reach, so its threshold is the lowest probability at which it
adds at most 1 % false alarms to those of the patterns, judged by five-fold
cross-validation on the dev part (each line scored by a model that did not see
it), and above every sentence of the composer's own drafts, which must pass
every message rule. For interest and apology the model may also overrule the
patterns in a clause it doubts: its `veto` is the highest probability below
which that costs at most 1 % of recall in the same cross-validation, and below
every clause of the composer's drafts the patterns find something in. The
cross-validated figures are written into the file.
"""

import json
import math
import sys
from collections import Counter

from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from takt.etiquette.detectors import _cleaned, _load, clause_words, pattern_hits
from takt.etiquette.tone.features import features
from takt.etiquette.tone.learned import LEXICAL, MODEL, Learned, sentences
from takt.etiquette.tone.lexicon import lexicon
from takt.etiquette.tone.normal import normal
from takt.wording import compose
from tests.etiquette.tone.corpus import LANGUAGES, lines
from tests.wording.cases import CASES
from tests.wording.samples import SITUATIONS, situation

# Rudeness and interest take many forms that word lists miss, so their models also find on
# their own; an apology is said with a handful of words, which the patterns find, so its
# model only overrules them (see README.md).
MODELLED = ("rude", "interest", "apology")
ALONE = ("rude", "interest")
# Where the patterns' words are often used for something else ("out of interest", "ledsen
# att höra"), the model may overrule them in a sentence it is sure does not hold the thing.
OVERRULING = ("interest", "apology")
VETOES = [round(0.05 * step, 2) for step in range(11)]
# The recall the overruling may cost in cross-validation on the dev part.
LOST_RECALL = 0.01
STRENGTH = 10.0  # inverse regularisation (C): chosen by cross-validation on the dev part
# How much a feature of meaning (the lexicon's, "L ...") counts against a word piece: more
# than one, so that what generalises is not drowned by the many pieces (cross-validated).
MEANING = 5.0
RARE = 2  # a feature seen in fewer dev lines than this is left out
# The false alarms the model may add to those of the patterns: half the goal of 0.02, to
# leave room for sentences it has not seen.
ADDED_FALSE_ALARMS = 0.01
THRESHOLDS = [round(0.5 + 0.025 * step, 3) for step in range(20)]
FOLDS = 5
SEED = 17
DIGITS = 4


def _sentences(text: str) -> list[list[str]]:
    return [list(sentence.words) for sentence in sentences(normal(text).text)]


def _features(words: list[str], lang: str) -> set[str]:
    return features(words, lexicon(lang).tags(words))


def _line_features(text: str, lang: str) -> set[str]:
    return set().union(*(_features(words, lang) for words in _sentences(text)))


def _matrix(rows: list[set[str]], vocab: dict[str, int]) -> csr_matrix:
    at, cols, vals = [], [], []
    for row, found in enumerate(rows):
        norm = math.sqrt(len(found)) or 1.0
        for feature in found:
            col = vocab.get(feature)
            if col is not None:
                at.append(row)
                cols.append(col)
                vals.append((MEANING if feature.startswith(LEXICAL) else 1.0) / norm)
    return csr_matrix((vals, (at, cols)), shape=(len(rows), len(vocab)))


def _fit(
    texts: list[str], labels: list[bool], lang: str
) -> tuple[dict[str, int], LogisticRegression]:
    rows = [_line_features(text, lang) for text in texts]
    seen = Counter(feature for found in rows for feature in found)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in seen.items() if n >= RARE))}
    # No intercept: a sentence the model knows nothing of ("1", "Erik Lind") sits at 0.5, far
    # below any threshold, instead of leaning to whichever label the corpus has more of.
    model = LogisticRegression(
        C=STRENGTH, max_iter=10000, class_weight="balanced", fit_intercept=False
    )
    model.fit(_matrix(rows, vocab), labels)
    return vocab, model


def _probability(fitted: tuple[dict[str, int], LogisticRegression], text: str, lang: str) -> float:
    """The highest probability over the sentences of `text`, as when a message is read."""
    vocab, model = fitted
    rows = [_features(words, lang) for words in _sentences(text)] or [set()]
    return float(model.predict_proba(_matrix(rows, vocab))[:, 1].max())


def _out_of_fold(
    texts: list[str], labels: list[bool], lang: str, clauses: list[list[list[str]]]
) -> tuple[list[float], list[list[float]]]:
    """For each line, by a model that did not see it: the highest probability over its
    sentences, and the probability of each of its `clauses` (those the patterns found
    something in)."""
    found = [0.0] * len(texts)
    patterned: list[list[float]] = [[] for _ in texts]
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(texts, labels):
        fitted = _fit([texts[i] for i in train], [labels[i] for i in train], lang)
        for i in test:
            found[i] = _probability(fitted, texts[i], lang)
            patterned[i] = [_sentence_probability(fitted, words, lang) for words in clauses[i]]
    return found, patterned


def _sentence_probability(
    fitted: tuple[dict[str, int], LogisticRegression], words: list[str], lang: str
) -> float:
    vocab, model = fitted
    return float(model.predict_proba(_matrix([_features(words, lang)], vocab))[0, 1])


def _patterned_clauses(detector: str, text: str, lang: str) -> list[list[str]]:
    """The clauses (as the model reads them) in which the patterns find something."""
    return [clause_words(text, hit) for hit in pattern_hits(detector, text, lang)]


def _kept(patterned: list[float], veto: float) -> bool:
    """Whether the patterns still find something once the model overrules below `veto`."""
    return any(probability >= veto for probability in patterned)


def _figures(fired: list[bool], labels: list[bool]) -> dict[str, float]:
    present = [f for f, y in zip(fired, labels, strict=True) if y]
    absent = [f for f, y in zip(fired, labels, strict=True) if not y]
    return {
        "recall": round(sum(present) / len(present), 3),
        "false_alarm": round(sum(absent) / len(absent), 3),
    }


def drafts(lang: str) -> list[str]:
    """The texts the composer writes in `lang`: the golden cases and every action."""
    found = [message.text for make in CASES.values() for message in make(lang)]
    for action, side in SITUATIONS:
        found.extend(message.text for message in compose(situation(lang), action, side))
    return found


def _highest_in_drafts(learned: Learned, detector: str, lang: str) -> float:
    """The highest probability the model gives any sentence of the composer's drafts."""
    highest = 0.0
    for text in drafts(lang):
        for sentence in sentences(_cleaned(normal(text), _load(detector, lang))):
            highest = max(highest, learned.probability(list(sentence.words)))
    return highest


def _veto(
    detector: str, lang: str, labels: list[bool], patterned: list[list[float]], learned: Learned
) -> float:
    """The highest probability below which the model may overrule the patterns: it costs at
    most `LOST_RECALL` in cross-validation, and every sentence of the composer's drafts in
    which the patterns find something stays above it (clauses, as `detectors` reads them)."""
    if detector not in OVERRULING:
        return 0.0
    present = [p for p, y in zip(patterned, labels, strict=True) if y and p]
    lowest_draft = min(
        (
            learned.probability(words)
            for text in drafts(lang)
            for words in _patterned_clauses(detector, text, lang)
        ),
        default=1.0,
    )
    allowed = [
        v
        for v in VETOES
        if v < lowest_draft and sum(not _kept(p, v) for p in present) <= LOST_RECALL * len(present)
    ]
    return max(allowed, default=0.0)


def train(detector: str, lang: str) -> dict[str, object]:
    sample = lines(detector, lang, "dev")
    texts = [line.text for line in sample]
    labels = [line.present for line in sample]
    clauses = [_patterned_clauses(detector, text, lang) for text in texts]
    patterns = [bool(found) for found in clauses]
    held_back, patterned = _out_of_fold(texts, labels, lang, clauses)
    alone_model = detector in ALONE

    def together(threshold: float, veto: float = 0.0) -> list[bool]:
        return [
            (bool(p) and _kept(p, veto)) or (alone_model and m >= threshold)
            for p, m in zip(patterned, held_back, strict=True)
        ]

    alone = _figures(patterns, labels)["false_alarm"]
    threshold = next(
        (
            t
            for t in THRESHOLDS
            if _figures(together(t), labels)["false_alarm"] - alone <= ADDED_FALSE_ALARMS
        ),
        1.0,
    )
    vocab, model = _fit(texts, labels, lang)
    weights = {
        feature: round(float(weight), DIGITS)
        for feature, weight in zip(vocab, model.coef_[0], strict=True)
        if round(float(weight), DIGITS) != 0
    }
    bias = 0.0
    learned = Learned(lang, bias, weights, 1.0, MEANING)
    if detector == "rude":
        highest = _highest_in_drafts(learned, detector, lang)
        threshold = next((t for t in THRESHOLDS if t > max(highest, threshold - 1e-9)), 1.0)
    if not alone_model:
        threshold = 1.0
    veto = _veto(detector, lang, labels, patterned, learned)
    return {
        "alone": alone_model,
        "bias": bias,
        "meaning": MEANING,
        "threshold": threshold,
        "veto": veto,
        "weights": dict(sorted(weights.items())),
        "cross_validated": {
            "lines": len(texts),
            "patterns": _figures(patterns, labels),
            "model": _figures([alone_model and m >= threshold for m in held_back], labels),
            "together": _figures(together(threshold, veto), labels),
        },
    }


def main() -> int:
    models = {}
    for detector in MODELLED:
        for lang in LANGUAGES:
            models[f"{detector}.{lang}"] = entry = train(detector, lang)
            print(
                f"{detector}.{lang}: threshold {entry['threshold']}, veto {entry['veto']}, "
                f"{entry['cross_validated']}"
            )
    MODEL.write_text(
        json.dumps({"models": models}, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
