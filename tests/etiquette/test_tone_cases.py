"""The sentences of issue 17, and polite lines that use the same words as rude ones."""

import pytest

from takt.etiquette import is_rude
from takt.etiquette.detectors import hits

MISSED_BEFORE = [
    ("Ert företag är ett skämt och jag har inte tid med er.", "sv"),
    ("Sluta slösa med min tid.", "sv"),
    ("Ni är ju totalt oseriösa.", "sv"),
    ("You clearly have no idea what you're doing.", "en"),
    ("I can't believe how unprofessional you are.", "en"),
    ("Honestly, get your act together.", "en"),
    ("Ert företag är en skämt och ni är idioter.", "sv"),
]
SAME_WORDS_POLITE = [
    ("It wasn't your fault, my calendar was the problem.", "en"),
    ("It was my fault, I'm sorry.", "en"),
    ("I don't want to waste your time, so I'll say it straight away.", "en"),
    ("Joking aside, I really appreciate you getting in touch.", "en"),
    ("Your offer was no joke, it was a really good offer.", "en"),
    ("Det var mitt fel att det blev fel i kalendern.", "sv"),
    ("Det är inte ditt fel att tåget var inställt.", "sv"),
    ("Jag vill inte slösa med er tid, så jag säger det direkt.", "sv"),
    ("Skämt åsido, jag uppskattar verkligen att ni hörde av er.", "sv"),
    ("Det var dumt av mig att inte ringa.", "sv"),
]


@pytest.mark.parametrize(("text", "lang"), MISSED_BEFORE)
def test_the_rude_lines_the_old_word_lists_missed_are_caught(text: str, lang: str) -> None:
    assert is_rude(text, lang)
    assert is_rude(text)  # with the language guessed


@pytest.mark.parametrize(("text", "lang"), SAME_WORDS_POLITE)
def test_polite_lines_with_the_same_words_are_not_rude(text: str, lang: str) -> None:
    assert not is_rude(text, lang)
    assert not is_rude(text)


@pytest.mark.parametrize(
    ("text", "lang", "kind", "words"),
    [
        ("Ni är ju totalt oseriösa.", "sv", "judgement", "Ni är ju totalt oseriösa"),
        ("Sluta slösa med min tid.", "sv", "dismissive", "Sluta slösa med min tid"),
        ("Det är helt ditt fel.", "sv", "blame", "ditt fel"),
        ("Tack för ingenting!", "sv", "sarcasm", "Tack för ingenting"),
        ("Ni kommer att ångra det här.", "sv", "threat", "Ni kommer att ångra"),
        ("Fan, vilket strul.", "sv", "profanity", "Fan"),
        ("Honestly, get your act together.", "en", "dismissive", "get your act together"),
        ("This is entirely your fault.", "en", "blame", "entirely your fault"),
        ("Great planning /s", "en", "sarcasm", "/s"),
    ],
)
def test_each_hit_says_what_kind_of_rudeness_and_quotes_it_as_written(
    text: str, lang: str, kind: str, words: str
) -> None:
    assert [(hit.kind, hit.words) for hit in hits("rude", text, lang)] == [(kind, words)]


def test_words_typed_without_å_ä_ö_are_read_and_quoted_as_typed() -> None:
    found = hits("rude", "ni e sa javla oseriosa", "sv")
    assert [hit.words for hit in found] == ["ni e sa javla oseriosa"]


def test_a_rude_phrase_inside_a_longer_one_is_quoted_once() -> None:
    found = hits("rude", "Ni slösar med min tid, sluta slösa med min tid!", "sv")
    assert [hit.words for hit in found] == ["Ni slösar med min tid", "sluta slösa med min tid"]
