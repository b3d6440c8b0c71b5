"""Tone detectors for Swedish and English: apology, interest, new times, leisure, rudeness.

Two readers work together. The patterns live in `words/*.txt` so a reviewer
can extend them without touching code; `words/README.md` explains the files
and `tone/patterns.py` the pattern syntax. Rudeness is read by kind (a
judgement of the reader, blame, a brush-off, sarcasm, a threat, swearing), so
a finding can say why. Word lists catch the words someone thought of, not the
many ways people are rude or keen, so for rudeness and interest a small model
trained on the corpus (`tone/learned.py`) also reads each sentence the
patterns left alone, and quotes the words that weighed most ("tone" for
rudeness). Each detector takes the text's language when it is known and
otherwise guesses it from common words, applying both when the guess is unsure.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from takt.etiquette.tone.learned import Learned, fired, learned
from takt.etiquette.tone.lexicon import lexicon
from takt.etiquette.tone.normal import MARK, Normal, normal
from takt.etiquette.tone.patterns import (
    Patterns,
    Scan,
    compile_literal,
    compile_patterns,
    read,
    read_classes,
)
from takt.etiquette.tone.whose import (
    apologised_by_other,
    asked_about,
    calls_for_attention,
    compound,
    counterfactual,
    forgiving,
    interest_elsewhere,
    interest_past,
    interested_other,
    judged,
    quoted,
)
from takt.etiquette.tone.words import WORDS, common_words

DETECTORS = ("apology", "interest", "new_times", "leisure", "rude")
RUDE_KINDS = ("profanity", "judgement", "blame", "dismissive", "sarcasm", "threat")
# What a rude sentence is when only the model read it so: its tone, not one named kind.
TONE = "tone"
_LANGUAGES = ("sv", "en")
# Detectors whose phrases a negation just before them turns around: "inget att be om ursäkt
# för", "not passionate about": a saying of the writer's own that a "not" undoes.
_NEGATABLE = ("apology", "interest")
_CLAUSE_ENDS = re.compile(r"[.,;:!?\n\u2013\u2014()]")
_SENTENCE_ENDS = re.compile(r"[.;!?\n]")
_NEGATION_REACH = 5  # words before a phrase that a negation may stand in
# Swedish puts the negation after the verb ("jag beklagar inte"); English "sorry not to have
# called" still apologises.
_NOT_AFTER = frozenset(("inte", "ej", "icke"))
# Whose the apology or the interest is when it is not the writer's: "din ursäkt", "his excuse".
_OTHERS = frozenset(("your", "yours", "ur", "his", "her", "their")) | frozenset(
    ("din", "ditt", "dina", "ert", "era", "hans", "hennes", "deras")
)
# The nouns someone may own ("your apology"); "beg your pardon" is still the writer's.
_OWNED = frozenset(
    {"apology", "apologies", "excuse", "excuses", "interest", "ursakt", "ursakten", "ursakter"}
    | {"enthusiasm", "eagerness", "excitement", "passion", "keenness"}
)
# An apology told of in the past ("Kandidaten bad om ursäkt", "Mark apologised to them") is a
# report, the writer's own only when they are the one who said it ("Jag bad om ursäkt i
# telefon och vill upprepa det här", "igår bad jag om ursäkt").
# Written as the normal text reads them (å, ä as a). "sa" is left out: "så ledsen" apologises.
_REPORTED = frozenset(
    {"bad", "bett", "sade", "ursaktar", "ursaktade", "beklagade", "said"}
    | {"apologised", "apologized", "apologises", "apologizes"}
)
_REPORT_REACH = 3  # words before the phrase the reporting verb may stand in ("bett Maria om")
# Regret said of a fact is not an apology ("Regrettably, the role has been put on hold", like
# "tyvärr"); said of what the writer does, it is ("Beklagligtvis måste jag flytta vår intervju").
_OF_A_FACT = frozenset(("beklagligtvis", "regrettably"))
# A person's title naming a job ("the project manager role") is not someone else speaking.
_ROLES = frozenset(("role", "position", "job", "post", "roll", "rollen", "tjanst", "tjansten"))
_CLAUSE_WORDS = 3  # the fewest words the model judges a clause by
_NAMED_REACH = 6  # words after an interest phrase in which a name may stand for the employer
_DOER_REACH = 4  # words after the adverb in which the writer must stand as the one who acts


@dataclass(frozen=True)
class Hit:
    """Words that made a detector fire, quoted as written, the kind of thing they do, and where."""

    kind: str
    words: str
    start: int = 0
    end: int = 0

    def overlaps(self, other: "Hit") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class _Lists:
    found: Patterns | None  # labelled with the kind of each line
    literals: tuple[tuple[re.Pattern[str], str], ...]
    ignored: Patterns | None
    vetoes: Patterns | None
    near: Patterns | None


def normalize(text: str) -> str:
    """Lower case, curly apostrophes made straight, every other sign turned into a space."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.sub(r"[^\w']+", " ", text).split())


@lru_cache(maxsize=512)
def detect_language(text: str) -> str | None:
    """ "sv" or "en" when the common words clearly say so, else None."""
    words = normalize(text).split()
    sv = sum(word in common_words("sv") for word in words)
    en = sum(word in common_words("en") for word in words)
    if sv > en:
        return "sv"
    if en > sv:
        return "en"
    return None


def hits(detector: str, text: str | None, lang: str | None = None) -> list[Hit]:
    """What made `detector` fire in `text`, in the order they stand, overlaps resolved."""
    if not text:
        return []
    source = normal(text)
    # `turned`: what the patterns found and the rules turned ("The whole team would love to
    # meet you"); the model does not find it again in the same sentence.
    found, turned = _pattern_hits(detector, text, source, lang)
    languages = _languages(text, lang)
    for language in languages:
        model = learned(detector, language)
        if model is None:
            continue
        if len(languages) == 1:
            found = _overruled(found, model, text)
        # The model reads the text with the look-alikes of `.not` blanked, as the patterns do.
        for reading in fired(detector, language, _cleaned_for(detector, language, text)):
            begin, finish = source.span(*reading.sentence)
            if any(begin < hit.end and hit.start < finish for hit in [*found, *turned]):
                continue  # the patterns already said what this sentence holds
            if detector in _NEGATABLE and _turned(text[begin:finish], language):
                continue  # "Jag är inte längre intresserad": the model does not read negation
            kind = TONE if detector == "rude" else detector
            hit = _hit(kind, text, *source.span(reading.start, reading.end))
            if detector in _NEGATABLE and _negated(text, hit, (language,), reach=None):
                # "Min vän är också intresserad av att söka hos er": not the writer's. The model
                # quotes the words that weighed most, which may stand far from the subject.
                continue
            found.append(hit)
    return _apart(found)


def _overruled(found: list[Hit], model: Learned, text: str) -> list[Hit]:
    """The hits of the patterns, less those in a clause the model doubts holds what they found
    ("Out of interest, …", "Sorry to hear you were ill"). A clause, not the sentence: "Sorry
    for the delay, when would suit you?" apologises although most of it asks."""
    if not found or model.veto <= 0:
        return found
    return [hit for hit in found if not model.doubts(clause_words(text, hit))]


def clause_words(text: str, hit: Hit) -> list[str]:
    """The words of the clause `hit` stands in, as the model reads them. A clause of a word or
    two ("Regrettably, we have to …", "Sorry, when …?") is read with the one after it: alone,
    it says too little to judge."""
    start = max((sign.end() for sign in _CLAUSE_ENDS.finditer(text, 0, hit.start)), default=0)
    ends = [sign.start() for sign in _CLAUSE_ENDS.finditer(text, hit.end)] + [len(text)]
    words = _words(text[start : ends[0]])
    if len(words) < _CLAUSE_WORDS and len(ends) > 1:
        words = _words(text[start : ends[1]])
    return words


def pattern_hits(detector: str, text: str | None, lang: str | None = None) -> list[Hit]:
    """What the word lists alone find of `detector` in `text` (the model left out)."""
    if not text:
        return []
    return _apart(_pattern_hits(detector, text, normal(text), lang)[0])


def _pattern_hits(
    detector: str, text: str, source: Normal, lang: str | None
) -> tuple[list[Hit], list[Hit]]:
    """The hits of the word lists, parted in one pass: those that count, and those a negation
    or the build of their sentence turns around (`_negated`)."""
    found: list[Hit] = []
    for language in _languages(text, lang):
        lists = _load(detector, language)
        if lists.found:
            scan = Scan(_cleaned_for(detector, language, text))
            spans = lists.found.spans(scan)
            found.extend(_hit(kind, text, *source.span(start, end)) for start, end, kind in spans)
        found.extend(
            _hit(kind, text, *match.span())
            for pattern, kind in lists.literals
            for match in pattern.finditer(text)
        )
    if detector not in _NEGATABLE:
        return found, []
    languages = _languages(text, lang)
    kept: list[Hit] = []
    turned: list[Hit] = []
    for hit in found:
        (turned if _negated(text, hit, languages) else kept).append(hit)
    return kept, turned


def near_misses(detector: str, text: str | None, lang: str | None = None) -> list[Hit]:
    """Phrases that look like `detector` but do not count: "no apology needed" ("negated"),
    "unfortunately" alone ("regret"). Empty when the detector fires."""
    if not text or hits(detector, text, lang):
        return []
    source = normal(text)
    found: list[Hit] = []
    for language in _languages(text, lang):
        lists = _load(detector, language)
        for kind, pattern in (("negated", lists.ignored), ("regret", lists.near)):
            if pattern:
                spans = pattern.spans(Scan(source.text))
                found.extend(_hit(kind, text, *source.span(start, end)) for start, end, _ in spans)
    found.extend(
        Hit("negated", hit.words, hit.start, hit.end)
        for hit in _pattern_hits(detector, text, source, lang)[1]
    )
    return _apart(found)


def find(detector: str, text: str | None, lang: str | None = None) -> list[str]:
    """The phrases of `detector` found in `text`, as the person wrote them."""
    return list(dict.fromkeys(hit.words for hit in hits(detector, text, lang)))


def has_apology(text: str | None, lang: str | None = None) -> bool:
    """True when the text apologises (ber om ursäkt, beklagar, förlåt, sorry, apologise…)."""
    return bool(hits("apology", text, lang))


def shows_interest(text: str | None, lang: str | None = None) -> bool:
    """True when the text says the writer is (still) interested in the company or the role."""
    return bool(hits("interest", text, lang))


def promises_new_times(text: str | None, lang: str | None = None) -> bool:
    """True when the text promises to get back with new times (or offers to reschedule)."""
    return bool(hits("new_times", text, lang))


def is_leisure(text: str | None, lang: str | None = None) -> bool:
    """True when the text speaks of a weekend trip, going out of town, a party or social plans."""
    return bool(hits("leisure", text, lang))


def is_rude(text: str | None, lang: str | None = None) -> bool:
    """True when the text judges, blames, brushes off, mocks, threatens or swears at the reader."""
    return bool(hits("rude", text, lang))


def _negated(
    text: str, hit: Hit, languages: tuple[str, ...], reach: int | None = _NEGATION_REACH
) -> bool:
    """True when the phrase of `hit` is not the writer's own saying: a negation stands in the
    few words before it in the same clause, with no turn ("men", "but") after it ("Jag har
    ingenting att be om ursäkt för"), or right after it ("Jag beklagar inte mitt beslut"), or
    it is someone else's ("Thanks for your apology", "Hans ursäkt var att tåget var sent",
    "Min kollega bad om ursäkt"). `reach` is how many words before the phrase are read (None:
    the whole clause)."""
    clause = _words(_CLAUSE_ENDS.split(text[: hit.start])[-1])
    before = clause[-reach:] if reach else clause
    rest = _CLAUSE_ENDS.split(text[hit.end :])[0]  # the clause after the phrase
    following = _words(rest)
    after = following[:1]
    if after and after[0] in _NOT_AFTER:
        return True
    phrase = _words(hit.words)
    said = phrase[:1]
    if before and _owner(before[-1]) and said and said[0] in _OWNED:
        return True  # "din ursäkt", "kandidatens ursäkt", "the candidate's apology"
    if quoted(text, hit.start, hit.end) or compound(text, hit.start, hit.end):
        return True  # 'Det står "vi beklagar" i alla avslag', "Sorry-mejl", "interest-free"
    asks = _sentence_asks(text, hit)
    if hit.kind == "apology":
        if "sv" in languages and forgiving(phrase, _words(text[hit.end :])[:3]):
            return True  # "Vi har förlåtit leverantören"
        if "sv" in languages and judged(clause, phrase, after):
            return True  # "en beklaglig utveckling"
        if asked_about(clause, asks):
            return True  # "Ska jag be om ursäkt?"
        if calls_for_attention(clause, phrase, following, asks):
            return True  # "Ursäkta mig, vet du om det finns parkering?"
        if "sv" in languages and apologised_by_other(clause, phrase, after):
            return True  # "Teamledaren hälsar och ber om ursäkt"
    if hit.kind == "interest" and "en" in languages:
        if interested_other(clause, phrase):
            return True  # "The panel was keen to hear more"
        if interest_past(clause, phrase, _words(_SENTENCE_ENDS.split(text[hit.end :])[0])):
            return True  # "I was very interested at first, but …"
        if counterfactual(_words(_sentence_of(text, hit))):
            return True  # "If the salary were higher, I'd be more interested"
        if asked_about(clause, asks):
            return True  # "Should I sound more enthusiastic?"
        named = any(_named(word) for word in rest.split()[:_NAMED_REACH])
        if interest_elsewhere(phrase, following, named):
            return True  # "I'm really keen on rock climbing"
    if _reported(clause, said, after, languages):
        return True
    if said and (said[0] in _OF_A_FACT or (said[0] == "beklagligt" and after == ["nog"])):
        # "Regrettably, we have to …": the comma after the adverb does not end its clause.
        beyond = text[hit.end :].lstrip(" ,")
        doers = _words(_CLAUSE_ENDS.split(beyond)[0])[:_DOER_REACH]
        if not _said_by_writer(doers, languages):
            return True
    for language in languages:
        turned = mine = False
        # Whose the saying is, is read over the whole clause ("Min bror Erik såg annonsen och
        # är intresserad"); a negation only in the few words before it.
        tags = lexicon(language).tags(clause)
        for at in range(len(clause) - 1, -1, -1):
            found = tags[at]
            turned = turned or "but" in found
            mine = mine or "self" in found
            if "not" in found and not turned and at >= len(clause) - len(before):
                return True
            named = at + 1 < len(clause) and clause[at + 1] in _ROLES  # "the manager role"
            if "other" in found and not mine and not named:
                return True  # "Min kollega bad om ursäkt", "My friend is interested too"
    return False


def _named(word: str) -> bool:
    """True when `word` is capitalised and is not "I" ("I'm", "I've")."""
    return word[:1].isupper() and word != "I" and not word.startswith(("I'", "I\u2019"))


def _owner(word: str) -> bool:
    """True when `word` says whose the next noun is and it is not the writer's: "din",
    "hans", a genitive ("kandidatens", "the candidate's")."""
    genitive = word.endswith(("'s", "ens", "ets", "arnas", "ernas")) and word not in ("it's",)
    return word in _OTHERS or genitive


def _sentence_of(text: str, hit: Hit) -> str:
    """The sentence `hit` stands in."""
    start = max((sign.end() for sign in _SENTENCE_ENDS.finditer(text, 0, hit.start)), default=0)
    end = _SENTENCE_ENDS.search(text, hit.end)
    return text[start : end.start() if end else len(text)]


def _sentence_asks(text: str, hit: Hit) -> bool:
    """True when the sentence of `hit` ends with a question mark."""
    end = _SENTENCE_ENDS.search(text, hit.end)
    return end is not None and end.group() == "?"


def _reported(
    before: list[str], said: list[str], after: list[str], languages: tuple[str, ...]
) -> bool:
    """True when the phrase is told of in the past by a verb like "bad", "apologised", and the
    one who said it is not the writer: no "jag"/"I" next to the verb."""
    words = [*before, *said, *after]
    reach = range(max(0, len(before) - _REPORT_REACH), len(before) + len(said))
    for at in reversed(reach):
        if words[at] not in _REPORTED:
            continue
        beside = words[max(0, at - 1) : at] + words[at + 1 : at + 2]
        return not _said_by_writer(beside, languages)
    return False


def _said_by_writer(words: list[str], languages: tuple[str, ...]) -> bool:
    """True when one of the words is the writer ("jag", "vi", "I", "we")."""
    return any("self" in tags for language in languages for tags in lexicon(language).tags(words))


def _turned(sentence: str, lang: str) -> bool:
    """True when a sentence holds a negation or a negative word, which can turn around what
    the model read as an apology or as interest."""
    return any(tags & {"not", "-"} for tags in lexicon(lang).tags(_words(sentence)))


def _words(text: str) -> list[str]:
    return [word for word in normal(text).text.split() if word not in (MARK, "?")]


def _hit(kind: str, text: str, start: int, end: int) -> Hit:
    return Hit(kind, text[start:end], start, end)


def _apart(found: list[Hit]) -> list[Hit]:
    """The longest of overlapping hits ("sluta slösa med min tid" over "slösa med min tid"),
    in the order they stand in the text."""
    kept: list[Hit] = []
    for hit in sorted(found, key=lambda hit: hit.start - hit.end):
        if not any(hit.overlaps(other) for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit.start)


def _languages(text: str, lang: str | None) -> tuple[str, ...]:
    if lang in _LANGUAGES:
        return (lang,)
    guessed = detect_language(text)
    return (guessed,) if guessed else _LANGUAGES


@lru_cache(maxsize=512)
def _cleaned_for(detector: str, language: str, text: str) -> str:
    """`_cleaned` of `text` for one detector and language; the patterns and the model both
    read it."""
    return _cleaned(normal(text), _load(detector, language))


def _cleaned(source: Normal, lists: _Lists) -> str:
    """The normal text with look-alikes blanked out and vetoed sentences emptied."""
    text = source.text
    if lists.vetoes:
        for begin, finish, _ in lists.vetoes.spans(Scan(text)):
            start = text.rfind(MARK, 0, begin) + 1
            end = text.find(MARK, finish)
            text = text[:start] + " " * (end - start) + text[end:]
    if lists.ignored:
        # Marks of the same length, so spans found afterwards still point into `source`.
        for start, end, _ in lists.ignored.spans(Scan(text)):
            text = text[:start] + MARK * (end - start) + text[end:]
    return text


@cache
def _load(detector: str, lang: str) -> _Lists:
    if detector not in DETECTORS:
        raise ValueError(f"unknown detector {detector!r}")
    classes = read_classes(WORDS / f"classes.{lang}.txt")
    kinds = RUDE_KINDS if detector == "rude" else (detector,)
    found: list[tuple[str, str]] = []
    literals: list[tuple[re.Pattern[str], str]] = []
    for kind in kinds:
        name = f"rude.{kind}" if detector == "rude" else detector
        lines = read(WORDS / f"{name}.{lang}.txt")
        found.extend((line, kind) for line in lines.patterns)
        literals.extend((compile_literal(text), kind) for text in lines.literals)
    ignored = read(WORDS / f"{detector}.not.{lang}.txt")
    near = read(WORDS / f"{detector}.near.{lang}.txt")
    return _Lists(
        compile_patterns(found, classes),
        tuple(literals),
        compile_patterns([(line, "") for line in ignored.patterns], classes),
        compile_patterns([(line, "") for line in ignored.vetoes], classes),
        compile_patterns([(line, "") for line in near.patterns], classes),
    )
