"""The template files: all render with the full variable set, and a typo fails loudly."""

from dataclasses import replace
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from takt.wording.compose import email
from takt.wording.render import TEMPLATES, TEXT_ENVIRONMENT, render_text
from takt.wording.voice import context, voice
from tests.wording.samples import situation, slot

TEXT_TEMPLATES = sorted(
    str(path.relative_to(TEMPLATES))
    for path in TEMPLATES.glob("*/*/*.txt")
    if path.parent.name != "reasons"
)
REASONS = sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.glob("*/reasons/*.txt"))


def full_variables(language: str, sender_side: str, emergency: bool) -> dict[str, object]:
    """Every variable set, the optional ones too."""
    full = situation(language, agreed=slot(2, 14), emergency=emergency)
    return context(full, voice(full, sender_side))


def test_there_are_templates_for_every_situation() -> None:
    assert len(TEXT_TEMPLATES) >= 40
    assert len(REASONS) == 20


@pytest.mark.parametrize("name", TEXT_TEMPLATES)
@pytest.mark.parametrize("sender_side", ["candidate", "employer"])
@pytest.mark.parametrize("emergency", [False, True])
def test_every_template_renders_with_the_full_variable_set(
    name: str, sender_side: str, emergency: bool
) -> None:
    text = render_text(name, full_variables(name[:2], sender_side, emergency))
    assert text.strip()
    assert "None" not in text
    assert "{" not in text


@pytest.mark.parametrize("name", REASONS)
def test_every_default_reason_is_one_sentence(name: str) -> None:
    text = render_text(name, {})
    assert text.endswith(".")
    assert text.count(". ") == 0


def test_swedish_and_english_have_the_same_templates() -> None:
    def names(language: str) -> set[str]:
        return {str(p.relative_to(TEMPLATES / language)) for p in (TEMPLATES / language).rglob("*")}

    assert names("sv") == names("en")


def test_a_misspelt_variable_raises_instead_of_leaving_a_blank() -> None:
    source = (TEMPLATES / "sv/candidate_reschedule/email.txt").read_text()
    misspelt = TEXT_ENVIRONMENT.from_string(source.replace("recipient_first", "recipent_first"))
    with pytest.raises(UndefinedError, match="recipent_first"):
        misspelt.render(**full_variables("sv", "candidate", False))


def test_a_missing_variable_raises_too() -> None:
    variables = full_variables("en", "candidate", False)
    del variables["role"]
    with pytest.raises(UndefinedError, match="role"):
        render_text("en/candidate_reschedule/email.txt", variables)


def test_html_escapes_what_people_typed() -> None:
    hostile = situation("en", reason=replace(situation("en").reason, text="<script>x()</script>"))
    message = email(hostile, "candidate", "candidate_reschedule", "email")
    assert message.html is not None
    assert "<script>" not in message.html
    assert "&lt;script&gt;x()&lt;/script&gt;" in message.html
    assert "<script>x()</script>" in message.text  # plain text is not escaped


def test_html_keeps_the_list_of_times_and_makes_the_link_clickable() -> None:
    message = email(situation("sv"), "employer", "employer_reschedule", "email")
    assert message.html is not None
    assert message.html.count("<li>") == 2
    assert '<a href="https://takt.example/c/8f3k2">https://takt.example/c/8f3k2</a>' in message.html
    assert '<html lang="sv">' in message.html


def test_template_files_are_plain_text_a_non_programmer_can_open() -> None:
    for name in TEXT_TEMPLATES:
        raw = (TEMPLATES / name).read_bytes()
        assert raw.decode("utf-8").endswith("\n"), name
        assert b"\r" not in raw, name
    assert Path(TEMPLATES / "email.html").is_file()
