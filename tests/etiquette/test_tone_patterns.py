"""The pattern language of the word lists, and the normal text it is matched against."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from takt.etiquette.tone.normal import normal
from takt.etiquette.tone.patterns import Scan, compile_patterns, read_classes


def test_normal_text_folds_letters_marks_sentences_and_keeps_questions() -> None:
    assert normal("Hej Anna! Förlåt?  Det är OK.").text == "| hej anna | forlat ? | det ar ok |"


def test_normal_text_remembers_where_each_letter_came_from() -> None:
    source = normal("Hej, ÄR ni där?")
    start = source.text.index("ar ni")
    assert source.span(start, start + len("ar ni dar")) == (5, 14)


@pytest.fixture
def classes(tmp_path: Path) -> Path:
    path = tmp_path / "classes.sv.txt"
    path.write_text("you: ni | du\nyou: ni alla\nbad: dålig* | ett skämt\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("{you} är ... {bad}", "ni är ju helt dåliga", ["ni är ju helt dåliga"]),
        ("{you} är ... {bad}", "ni alla är ett skämt", ["ni alla är ett skämt"]),
        ("{you} är ... {bad}", "ni är verkligen inte alls särskilt dåliga", []),  # 4 between
        (
            "{you} ~ {bad}",
            "du och din kollega och hela er firma är dåliga",
            ["du och din kollega och hela er firma är dåliga"],
        ),
        ("{you} ~ {bad}", "du. är dålig", []),  # not across a sentence end
        ("^ sluta", "sluta nu. nej, sluta inte", ["sluta"]),
        ("^ bra jobbat $", "bra jobbat. bra jobbat med lanseringen", ["bra jobbat"]),
        ("^ förlåt ?", "förlåt? förlåt.", ["förlåt?"]),
        ("beklag*", "jag beklagar", ["beklagar"]),
        ("*taggad", "supertaggad!", ["supertaggad"]),
    ],
)
def test_a_pattern_finds_what_its_line_says(
    classes: Path, pattern: str, text: str, found: list[str]
) -> None:
    compiled = compile_patterns([(pattern, "kind")], read_classes(classes))
    assert compiled is not None
    source = normal(text)
    spans = compiled.spans(Scan(source.text))
    assert [text[slice(*source.span(start, end))] for start, end, _ in spans] == found


def test_a_class_matches_the_same_alternative_whatever_the_hash_seed(tmp_path: Path) -> None:
    # Alternatives of equal length were ordered as a set happened to iterate, so a finding
    # quoted "hoppas att få träffa dig" in one process and "hoppas att få träffa" in another.
    path = tmp_path / "classes.en.txt"
    path.write_text("meet: " + " | ".join(f"{c}{c}x" for c in "abcdefghij") + "\n", "utf-8")
    script = (
        "import sys; from pathlib import Path;"
        "from takt.etiquette.tone.patterns import read_classes;"
        "print(read_classes(Path(sys.argv[1])).pieces['meet'])"
    )
    pieces = {
        subprocess.run(
            [sys.executable, "-c", script, str(path)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(pieces) == 1, pieces
