"""Apology and interest count only when they are the writer's own; rudeness by what is meant.

Each case is a kind of false alarm (or miss) the detectors had before, said in
a sentence of its own, not taken from the corpus.
"""

import dataclasses
from collections.abc import Callable

import pytest

from takt.etiquette import detectors
from takt.etiquette.detectors import has_apology, hits, is_rude, shows_interest
from takt.etiquette.tone.learned import Reading
from takt.etiquette.tone.normal import MARK, normal

NOT_APOLOGY = [
    # Asking, not apologising for the trouble.
    ("Ursäkta, var ligger receptionen?", "sv"),
    ("Excuse me, where do I park?", "en"),
    ("Sorry, when did you say it starts?", "en"),
    # Someone else wants the writer to apologise.
    ("Rekryteraren bad mig be om ursäkt, men det gör jag inte.", "sv"),
    ("My manager asked me to apologise to the team.", "en"),
    # Sympathy with the reader, however the sentence is turned.
    ("Så ledsen jag blev för din skull.", "sv"),
    # The apology spoken of, not made.
    ("Ursäkten att bussen var sen köper jag.", "sv"),
    ("Apology accepted, no harm done.", "en"),
    # Someone else's apology, told of in the past.
    ("Kandidaten bad om ursäkt för att hon kom sent.", "sv"),
    ("I heard the manager apologised to everyone.", "en"),
    # Regret said of a fact, like "tyvärr".
    ("Regrettably, the position has been put on hold.", "en"),
]

APOLOGY = [
    ("Ursäkta, jag måste be om en ny tid.", "sv"),
    ("Ursäkta dröjsmålet, när passar det dig?", "sv"),
    ("Sorry for the delay, when would suit you?", "en"),
    ("Jag ber om ursäkt för att jag inte svarade.", "sv"),
    # The writer's own apology told of, and regret said of what the writer does.
    ("Igår bad jag om ursäkt i telefon, och jag gör det igen här.", "sv"),
    ("Beklagligtvis måste vi flytta intervjun.", "sv"),
    ("Regrettably, we have to cancel Thursday.", "en"),
]

NOT_INTEREST = [
    # Someone else's interest, named far from the word.
    ("Min syster Lena såg er annons och är väldigt intresserad.", "sv"),
    # Looking forward to something that is not this employer.
    ("Jag ser fram emot att komma hem från semestern.", "sv"),
    ("Jag längtar efter helgen.", "sv"),
    ("I'm looking forward to the summer.", "en"),
    ("I'm looking forward to starting my new job.", "en"),
    # Someone else's interest, also where the model, not a pattern, would read it.
    ("Min syster är också intresserad av att söka jobb hos er.", "sv"),
    ("My brother is interested in a job with you.", "en"),
    # The reader's interest.
    ("Glad you're interested in my portfolio.", "en"),
]

INTEREST = [
    ("Jag ser fram emot att träffa er på torsdag.", "sv"),
    ("Ser fram emot det!", "sv"),
    ("I look forward to our interview.", "en"),
    ("Looking forward to hearing from you.", "en"),
    ("I can't wait to meet the team.", "en"),
    ("Hope to see you soon!", "en"),
]

NOT_RUDE = [
    # A platform alone is no threat, nor is a kind word that folds like a rude one.
    ("Jag hittade tjänsten på LinkedIn.", "sv"),
    ("I came across the role on LinkedIn.", "en"),
    ("Vad snällt av dig att höra av dig.", "sv"),
    # The worst of the weather, not of the reader; praise with nothing turned.
    ("Det var det sämsta vädret jag varit med om.", "sv"),
    ("Well done on the launch, I read all about it.", "en"),
    # Self-criticism stays polite.
    ("Jag lyckades skriva fel tid, förlåt.", "sv"),
    ("I hope I got it right this time.", "en"),
]

RUDE = [
    ("Jag tänker skriva om er på LinkedIn.", "sv"),
    ("I'm going to post about this on Glassdoor.", "en"),
    ("Ni verkar inte ha en aning om vad ni gör.", "sv"),
    ("You seem to have no clue what you're doing.", "en"),
    ("Er rekrytering är det rörigaste jag varit med om.", "sv"),
    ("This is the worst recruitment process around.", "en"),
    ("Snyggt jobbat, andra inställda intervjun på en vecka.", "sv"),
    ("Great job, third cancelled call this month.", "en"),
    ("Hej Maria, sluta mejla mig.", "sv"),
    ("Spara era ursäkter.", "sv"),
    ("Save your excuses.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), APOLOGY)
def test_an_apology_still_counts(text: str, lang: str) -> None:
    assert has_apology(text, lang)


@pytest.mark.parametrize(("text", "lang"), NOT_APOLOGY)
def test_what_is_not_the_writers_apology_does_not_count(text: str, lang: str) -> None:
    assert not has_apology(text, lang)


@pytest.mark.parametrize(("text", "lang"), INTEREST)
def test_looking_forward_to_the_reader_counts_as_interest(text: str, lang: str) -> None:
    assert shows_interest(text, lang)


@pytest.mark.parametrize(("text", "lang"), NOT_INTEREST)
def test_interest_that_is_not_the_writers_in_the_role_does_not_count(text: str, lang: str) -> None:
    assert not shows_interest(text, lang)


@pytest.mark.parametrize(("text", "lang"), RUDE)
def test_rudeness_said_in_other_words_is_found(text: str, lang: str) -> None:
    assert is_rude(text, lang)


@pytest.mark.parametrize(("text", "lang"), NOT_RUDE)
def test_polite_lines_like_the_rude_patterns_pass(text: str, lang: str) -> None:
    assert not is_rude(text, lang)


def test_a_threat_to_go_public_is_named_and_quoted() -> None:
    found = hits("rude", "Jag tänker skriva om er på LinkedIn.", "sv")
    assert [(hit.kind, hit.words) for hit in found] == [("threat", "skriva om er på LinkedIn")]


def _model_reads(phrase: str) -> Callable[[str, str, str], tuple[Reading, ...]]:
    """A stand-in for the model that fires on the sentence holding `phrase`, quoting it."""

    def fired(detector: str, lang: str, text: str) -> tuple[Reading, ...]:
        start = text.index(phrase)
        begin, end = text.rfind(MARK, 0, start) + 2, text.find(MARK, start) - 1
        return (Reading(0.99, start, start + len(phrase), (begin, end)),)

    return fired


@pytest.mark.parametrize(
    ("text", "lang", "phrase", "counts"),
    [
        ("Min vän är också intresserad av att söka hos er.", "sv", "hos er", False),
        ("My friend would also love to work with your team.", "en", "with your team", False),
        ("Jag vill också gärna söka hos er.", "sv", "hos er", True),
    ],
)
def test_what_the_model_reads_as_interest_is_the_writers_own(
    monkeypatch: pytest.MonkeyPatch, text: str, lang: str, phrase: str, counts: bool
) -> None:
    # The model quotes the words that weighed most, which may stand far from whose they are.
    monkeypatch.setattr(detectors, "fired", _model_reads(normal(phrase).text[2:-2]))
    found = [hit for hit in hits("interest", text, lang) if hit.words == phrase]
    assert bool(found) is counts


# Sentences the patterns find something in that the model, reading the clause, doubts.
DOUBTED = [
    ("interest", "Excited to hear you have found someone, congratulations!", "en"),
    ("interest", "Your blog is interesting, but I am not looking right now.", "en"),
    ("apology", "Ursäkten om bussen godtogs inte av chefen.", "sv"),
    ("apology", "Ursäkten med bilen köpte ingen.", "sv"),
]


@pytest.mark.parametrize(("detector", "text", "lang"), DOUBTED)
def test_the_model_overrules_the_patterns_in_a_clause_it_doubts(
    detector: str, text: str, lang: str
) -> None:
    assert detectors.pattern_hits(detector, text, lang)
    assert not hits(detector, text, lang)


def test_the_model_overrules_only_below_its_veto(monkeypatch: pytest.MonkeyPatch) -> None:
    text, lang = "Sorry for the delay, when would suit you?", "en"
    shipped = detectors.learned("apology", lang)
    assert shipped is not None
    for veto, found in ((0.0, True), (1.0, False)):
        model = dataclasses.replace(shipped, veto=veto)
        monkeypatch.setattr(detectors, "learned", lambda *_, model=model: model)
        assert bool(hits("apology", text, lang)) is found


def test_the_apology_model_never_finds_an_apology_on_its_own() -> None:
    model = detectors.learned("apology", "sv")
    assert model is not None and not model.alone
    # The model leans to an apology here, but no word of one is said.
    text = "Jag skäms över att jag missade vårt möte."
    assert model.probability(detectors.clause_words(text, detectors.Hit("", "", 0, 3))) > 0.5
    assert not hits("apology", text, "sv")
