"""Template files to text and HTML, refusing any variable the template does not get.

Texts live in `templates/<language>/<situation>/<kind>.txt` (and `<kind>.subject.txt`
for e-mails) so that someone who does not program can edit them. StrictUndefined
makes a misspelt `{{ recipent_first }}` raise instead of sending "Hej !".
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).with_name("templates")

TEXT_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    undefined=StrictUndefined,
    autoescape=False,  # plain text: escaping would turn "&" into "&amp;" in the e-mail
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
HTML_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    undefined=StrictUndefined,
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_URL = re.compile(r"(https?://[^\s<>\"]+)")


def template_name(language: str, situation: str, kind: str, part: str = "txt") -> str:
    """The path of one template under `templates/`."""
    return f"{language}/{situation}/{kind}.{part}"


def render_text(name: str, context: Mapping[str, Any]) -> str:
    """Render a text template and tidy the blank lines that optional parts leave."""
    raw = _text_template(name).render(**context)
    lines = [line.rstrip() for line in raw.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def render_subject(name: str, context: Mapping[str, Any]) -> str:
    """A subject is one line, whatever the template's line breaks."""
    return " ".join(render_text(name, context).split())


# Looked up once per process: Jinja would otherwise stat the file on every
# render to see whether it changed (thousands of times when a position closes).
# An edited template is read on the next start.
@lru_cache(maxsize=256)
def _text_template(name: str) -> Template:
    return TEXT_ENVIRONMENT.get_template(name)


@lru_cache(maxsize=8)
def _html_template(name: str) -> Template:
    return HTML_ENVIRONMENT.get_template(name)


@dataclass(frozen=True)
class Block:
    """A paragraph (lines kept as line breaks) or a list (lines starting with "- ")."""

    kind: str  # "paragraph" or "list"
    lines: tuple[str, ...]


def blocks(text: str) -> list[Block]:
    """Split a plain-text message into paragraphs and lists for the HTML part."""
    found: list[Block] = []
    for chunk in text.split("\n\n"):
        current: list[str] = []
        current_kind = "paragraph"
        for line in chunk.splitlines():
            kind = "list" if line.startswith("- ") else "paragraph"
            if current and kind != current_kind:
                found.append(Block(current_kind, tuple(current)))
                current = []
            current_kind = kind
            current.append(line[2:] if kind == "list" else line)
        if current:
            found.append(Block(current_kind, tuple(current)))
    return found


def _linkify(line: str) -> Markup:
    parts = _URL.split(line)
    out = Markup("")
    for index, part in enumerate(parts):
        if index % 2:
            out += Markup('<a href="{0}">{0}</a>').format(part)
        else:
            out += escape(part)
    return out


def render_html(text: str, language: str, subject: str) -> str:
    """The HTML part of an e-mail, built from its text so the two never disagree."""
    template = _html_template("email.html")
    return template.render(
        language=language, subject=subject, blocks=blocks(text), linkify=_linkify
    ).strip()
