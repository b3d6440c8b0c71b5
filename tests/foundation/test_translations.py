"""Every string the pages show has its Swedish, and the catalogue is up to date with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import takt

PACKAGE = Path(takt.__file__).resolve().parent
CATALOGUE = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def _ids(path: Path) -> dict[str, object]:
    with path.open("rb") as source:
        return {
            message.id if isinstance(message.id, str) else message.id[0]: message
            for message in read_po(source)
            if message.id
        }


def test_every_message_has_a_swedish_translation_that_is_not_a_guess() -> None:
    messages = _ids(CATALOGUE)
    untranslated = [
        key
        for key, m in messages.items()
        if not all([m.string] if isinstance(m.string, str) else m.string)
    ]  # type: ignore[attr-defined]
    guessed = [key for key, m in messages.items() if m.fuzzy]  # type: ignore[attr-defined]
    assert untranslated == []
    assert guessed == []
    assert len(messages) > 300


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_the_catalogue_holds_every_string_in_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "takt"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "sv",
            "--no-obsolete",
            "--settings=takt.settings",
            "-i",
            "etiquette/*",
            "-i",
            "wording/*",
            "-i",
            "scheduling/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = set(_ids(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    committed = set(_ids(CATALOGUE))
    assert sorted(fresh - committed) == [], "run `make messages` and translate the new strings"
