"""The tone model: read in plain Python, made by its trainer from the dev part, and explained."""

import json
import subprocess
import sys

import pytest

from takt.etiquette.detectors import TONE, hits, near_misses, pattern_hits
from takt.etiquette.tone.learned import MODEL, learned
from tests.etiquette.cases import calm, finding, rules

# Rude in ways no word list names; the patterns miss them, the model does not.
ONLY_THE_MODEL = [
    ("Hör av er när ni har fått ordning på er röra.", "sv", "ordning på er röra"),
    ("What a badly run company you are.", "en", "badly run company you"),
]


def test_reading_a_message_needs_neither_scikit_learn_nor_numpy() -> None:
    script = (
        "import sys; from takt.etiquette import is_rude; "
        "assert is_rude('Hör av er när ni har fått ordning på er röra.', 'sv'); "
        "print(sorted(m for m in ('sklearn', 'numpy', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_shipped_model_is_what_the_trainer_makes_from_the_dev_part() -> None:
    train = pytest.importorskip("tests.etiquette.tone.train")
    shipped = json.loads(MODEL.read_text(encoding="utf-8"))["models"]
    assert sorted(shipped) == sorted(f"{d}.{lang}" for d in train.MODELLED for lang in ("sv", "en"))
    for name, entry in shipped.items():
        made = train.train(*name.split("."))
        assert made["threshold"] == entry["threshold"], name
        assert made["cross_validated"] == entry["cross_validated"], name
        assert made["weights"].keys() == entry["weights"].keys(), name
        assert all(
            abs(made["weights"][f] - weight) < 1e-3 for f, weight in entry["weights"].items()
        ), name


@pytest.mark.parametrize(("text", "lang", "words"), ONLY_THE_MODEL)
def test_a_sentence_only_the_model_reads_as_rude_is_quoted_as_written(
    text: str, lang: str, words: str
) -> None:
    assert pattern_hits("rude", text, lang) == []
    [hit] = hits("rude", text, lang)
    assert (hit.kind, hit.words) == (TONE, words)
    assert text[hit.start : hit.end] == words


def test_the_finding_says_why_in_the_readers_language_for_what_the_model_found() -> None:
    message = {"language": "sv", "text": "Hej Anna! Hör av er när ni har fått ordning på er röra."}
    swedish = finding(calm(message=message), "message.rude")["message"]
    why_sv = "ger meningen en ton som kan läsas som nedlåtande mot mottagaren"
    assert f'"ordning på er röra" {why_sv}' in swedish
    english = finding(calm(message=message), "message.rude", lang="en")["message"]
    why_en = "gives the sentence a tone that may read as scornful of the reader"
    assert f'"ordning på er röra" {why_en}' in english


def test_a_sentence_the_patterns_explain_is_not_quoted_again_by_the_model() -> None:
    found = hits("rude", "Ni är ju totalt oseriösa.", "sv")
    assert [hit.kind for hit in found] == ["judgement"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Erik Lind", "en"),
        ("08-555 010 00", "sv"),
        ("1", "en"),
        ("Vänliga hälsningar, Anna", "sv"),
        ("I have read about your products and they look exciting.", "en"),
    ],
)
def test_a_sentence_the_model_knows_nothing_bad_of_is_not_rude(text: str, lang: str) -> None:
    model = learned("rude", lang)
    assert model is not None
    assert not hits("rude", text, lang)


def test_the_model_helps_interest_but_not_where_a_negation_turns_it_around() -> None:
    keen = "Er arbetsplats verkar vara precis där jag vill vara."
    assert pattern_hits("interest", keen, "sv") == []
    assert hits("interest", keen, "sv")
    assert not hits("interest", "Jag är inte längre intresserad av tjänsten.", "sv")


@pytest.mark.parametrize(
    ("text", "lang", "apologises"),
    [
        ("Jag har ingenting att be om ursäkt för.", "sv", False),
        ("Jag beklagar inte mitt beslut, men tackar för möjligheten.", "sv", False),
        ("Thanks for your apology, it's completely fine.", "en", False),
        ("Hans ursäkt var att tåget var sent.", "sv", False),
        ("I'm not sorry I turned the offer down.", "en", False),
        # A negation in another clause, or after the apology, leaves it standing.
        ("Förlåt, jag kan inte komma på tisdag.", "sv", True),
        ("Jag kan inte komma på tisdag, förlåt.", "sv", True),
        ("I'm sorry not to have called sooner.", "en", True),
        ("I can't make Tuesday, but I'm so sorry for the trouble.", "en", True),
        ("I beg your pardon for the confusion.", "en", True),
    ],
)
def test_an_apology_a_negation_turns_around_does_not_count(
    text: str, lang: str, apologises: bool
) -> None:
    assert bool(hits("apology", text, lang)) is apologises


def test_the_missing_apology_finding_names_the_negated_words() -> None:
    message = {"language": "sv", "text": "Jag har ingenting att be om ursäkt för."}
    data = calm(message=message)
    assert "message.apology_missing" in rules(data)
    assert [hit.kind for hit in near_misses("apology", message["text"], "sv")] == ["negated"]
    assert '"ursäkt" ber inte om ursäkt' in finding(data, "message.apology_missing")["message"]
