"""The tone corpus stays honest: big enough, split once by the seeded draw, no line twice."""

from collections import Counter

import pytest

from tests.etiquette.tone.corpus import DETECTORS, HERE, LANGUAGES, lines
from tests.etiquette.tone.split import held_fingerprint, locked, part_of

# Issue 17: at least 400 lines per language for rudeness, and 150 each with and without
# an apology, and with and without interest.
SMALLEST = {"rude": (200, 200), "apology": (150, 150), "interest": (150, 150)}
PAIRS = [(detector, lang) for detector in DETECTORS for lang in LANGUAGES]


def _all(detector: str, lang: str) -> list[tuple[str, bool, str]]:
    return [
        (part, line.present, line.text)
        for part in ("dev", "held")
        for line in lines(detector, lang, part)
    ]


@pytest.mark.parametrize(("detector", "lang"), PAIRS)
def test_the_corpus_is_big_enough(detector: str, lang: str) -> None:
    found = _all(detector, lang)
    present = sum(1 for _, yes, _ in found if yes)
    least_present, least_absent = SMALLEST[detector]
    assert present >= least_present
    assert len(found) - present >= least_absent
    assert len(found) >= 400


@pytest.mark.parametrize(("detector", "lang"), PAIRS)
def test_every_held_out_line_is_one_the_seeded_draw_put_there(detector: str, lang: str) -> None:
    # A dev line moved by hand into the held-out part would show here.
    moved = [text for part, _, text in _all(detector, lang) if part == "held" != part_of(text)]
    assert moved == []


@pytest.mark.parametrize(("detector", "lang"), PAIRS)
def test_the_held_out_part_is_exactly_what_was_drawn(detector: str, lang: str) -> None:
    # Lines added after the draw go to dev (split.py): a held-out line changed, added,
    # removed or moved to dev would change the fingerprint.
    name = f"{detector}.{lang}.tsv"
    assert held_fingerprint(HERE / name) == locked()[name]


@pytest.mark.parametrize(("detector", "lang"), PAIRS)
def test_both_parts_hold_both_labels_and_no_line_is_there_twice(detector: str, lang: str) -> None:
    found = _all(detector, lang)
    assert {(part, yes) for part, yes, _ in found} == {
        ("dev", True),
        ("dev", False),
        ("held", True),
        ("held", False),
    }
    twice = [text for text, count in Counter(text for _, _, text in found).items() if count > 1]
    assert twice == []
