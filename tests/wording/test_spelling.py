"""Every template, the rule catalogue and the UI catalogue spelt right, with Debian's hunspell.

English templates go to readers in Britain and America, so each word must be
right in both en_GB and en_US; the rule catalogue's English is British, as the
pages are. Without hunspell (apt-get install hunspell hunspell-sv hunspell-en-gb
hunspell-en-us) the test is skipped, saying so, except under CI=true, where
.ci/run installs it and the test fails instead.
"""

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import takt
from takt.etiquette.catalogue import RULES
from takt.etiquette.messages import TEXTS
from takt.wording.render import TEMPLATES

WORD_LISTS = Path(__file__).with_name("spelling")
INSTALL = "apt-get install hunspell hunspell-sv hunspell-en-gb hunspell-en-us"
# What a template holds that is not prose: Jinja's {{ variables }} and {% tags %},
# links, and the "> " that marks a script's directions.
_NOT_PROSE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|https?://\S+|^> ", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{\w+\}")
CATALOGUE = Path(takt.__file__).resolve().parent / "locale/sv/LC_MESSAGES/django.po"
# What a catalogue string holds that is not prose: %(name)s placeholders, HTML tags,
# links, a zone or a path ("Europe/Stockholm"), and a file's extension (".eml-filen").
_NOT_CATALOGUE_PROSE = re.compile(
    r"%\(\w+\)[sdf]|%[sd]|<[^>]+>|https?://\S+|\S+/\S+|(?<!\w)\.[a-z]{2,4}\b-?"
)


def _hunspell(dictionary: str) -> str:
    """The hunspell command, or a skip (a failure under CI) naming what to install."""
    command = shutil.which("hunspell")
    problem = None
    if command is None:
        problem = "hunspell is not installed"
    else:
        probe = subprocess.run(
            [command, "-d", dictionary, "-l"], input="", capture_output=True, text=True
        )
        if probe.returncode != 0:
            problem = f"hunspell has no {dictionary} dictionary"
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"spell check required under CI: {problem} ({INSTALL})")
        pytest.skip(f"spell check skipped: {problem} ({INSTALL})")
    assert command is not None
    return command


@cache
def _project_words(language: str) -> frozenset[str]:
    lines = (WORD_LISTS / f"words.{language}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def misspelt(text: str, dictionary: str) -> list[str]:
    """The words of `text` that `dictionary` and the project's word list do not know."""
    command = _hunspell(dictionary)
    result = subprocess.run(
        [command, "-i", "utf-8", "-d", dictionary, "-l"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    known = _project_words(dictionary[:2])
    # The Swedish dictionary counts a full stop as part of a word ("t.ex."), so an
    # unknown last word of a sentence comes back with it.
    words = {word.rstrip(".") for word in result.stdout.split()}
    return sorted(word for word in words if word not in known)


def prose(template: Path) -> str:
    return _NOT_PROSE.sub(" ", template.read_text(encoding="utf-8"))


def _templates(language: str) -> list[Path]:
    return sorted((TEMPLATES / language).rglob("*.txt"))


def _misspelt_by_file(language: str, dictionary: str) -> dict[str, list[str]]:
    # One hunspell run for all templates (each run loads the dictionary anew);
    # each unknown word is then traced to the files that hold it.
    templates = {path: prose(path) for path in _templates(language)}
    found: dict[str, list[str]] = {}
    for word in misspelt("\n".join(templates.values()), dictionary):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        found[word] = [
            str(path.relative_to(TEMPLATES))
            for path, text in templates.items()
            if pattern.search(text)
        ]
    return found


def test_every_swedish_template_is_spelt_right() -> None:
    assert _misspelt_by_file("sv", "sv_SE") == {}


@pytest.mark.parametrize("dictionary", ["en_GB", "en_US"])
def test_every_english_template_is_spelt_right_on_both_sides_of_the_atlantic(
    dictionary: str,
) -> None:
    assert _misspelt_by_file("en", dictionary) == {}


@pytest.mark.parametrize(("language", "dictionary"), [("sv", "sv_SE"), ("en", "en_GB")])
def test_the_rule_catalogue_is_spelt_right(language: str, dictionary: str) -> None:
    index = 0 if language == "sv" else 1
    texts = [rule.why(language) for rule in RULES] + [pair[index] for pair in TEXTS.values()]
    assert misspelt(_PLACEHOLDER.sub(" ", "\n".join(texts)), dictionary) == []


def catalogue_prose() -> dict[str, str]:
    """Each Swedish string of the UI catalogue (every plural form), as prose, by its msgid."""
    with CATALOGUE.open("rb") as source:
        messages = [message for message in read_po(source) if message.id]
    found: dict[str, str] = {}
    for message in messages:
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = [message.string] if isinstance(message.string, str) else message.string
        found[key] = _NOT_CATALOGUE_PROSE.sub(" ", "\n".join(s for s in strings if s))
    return found


def test_the_swedish_ui_catalogue_is_spelt_right() -> None:
    strings = catalogue_prose()
    unknown = misspelt("\n".join(strings.values()), "sv_SE")
    # Each unknown word with the msgids that hold it, so the fix is easy to find.
    assert {
        word: [
            key for key, text in strings.items() if re.search(rf"(?<!\w){re.escape(word)}", text)
        ]
        for word in unknown
    } == {}


def test_the_catalogue_check_reads_the_strings_as_prose() -> None:
    strings = catalogue_prose()
    assert "Avsluta rekryteringen" in strings["Close the position"]
    assert "%(" not in "".join(strings.values())
    assert misspelt("Anteckna samtalet och intervjuen.", "sv_SE") == ["intervjuen"]


def test_the_check_finds_a_misspelt_word_in_each_language() -> None:
    # Guards the tests above: hunspell is asked, and answers, in the right language.
    assert misspelt("Jag ber om ursäkt för besväret och intervjuen.", "sv_SE") == ["intervjuen"]
    assert misspelt("Takt. Tack och hej!", "sv_SE") == []
    assert misspelt("I'm sorry for the inconvenence.", "en_GB") == ["inconvenence"]
    assert misspelt("I apologise for the short notice.", "en_US") == ["apologise"]
    assert misspelt("The interview is cancelled.", "en_US") == []  # the project's word list


def test_the_directions_and_variables_are_not_checked_as_prose() -> None:
    template = TEMPLATES / "sv/candidate_cancel/phone_script.txt"
    text = prose(template)
    assert "recipient_first" not in text and "{%" not in text
    assert "Säg vem du är:" in text
