"""The Swedish UI catalogue as a native writer would have it (issue 13, the catalogue's list)."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext, pgettext

import takt
from takt.core.templatetags.takt_tags import until

CATALOGUE = Path(takt.__file__).resolve().parent / "locale/sv/LC_MESSAGES/django.po"


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        ("Close the position", "Avsluta rekryteringen"),
        ("Log the call", "Anteckna samtalet"),
        ("Save the call", "Anteckna samtalet"),
        ("Write now anyway", "Skriv nu ändå"),
        ("Message queued", "Meddelandet ligger i kö"),
        ("counterpart", "kontaktperson"),
        ("Download for my calendar (.ics)", "Ladda ned till min kalender (.ics)"),
        ("No messages yet.", "Inga meddelanden än."),
    ],
)
def test_a_word_or_a_label(english, swedish) -> None:
    assert gettext(english) == swedish


def test_the_sentences_the_issue_names() -> None:
    asks = gettext(
        "%(name)s could not make any of the offered times for %(title)s and asks for "
        "others.\n\nTheir note:\n%(note)s"
    ) % {"name": "Erik Lind", "title": "Backendutvecklare", "note": "Kan vi ta nästa vecka?"}
    assert asks.startswith(
        "Ingen av de föreslagna tiderna för Backendutvecklare passar Erik Lind, som ber om andra."
    )
    move = gettext(
        "Only when you truly must: moving an interview puts several people's days out "
        "of order. Suggest some times that suit you."
    )
    assert "rubbar flera personers planering" in move
    call = gettext("%(name)s has not picked a time in two days. Call them.") % {"name": "Erik"}
    assert call == "Erik har inte valt någon tid på två dagar. Ring och fråga."
    first = gettext(
        "Those you interviewed first: a call is more personal than an e-mail. Those "
        "without an e-mail address can only be told by phone."
    )
    assert first.startswith("Börja med dem du har intervjuat:")


@pytest.mark.parametrize(
    ("count", "swedish"),
    [
        (1, "1 kandidat till UX-designer har inte fått veta att tjänsten är tillsatt."),
        (2, "2 kandidater till UX-designer har inte fått veta att tjänsten är tillsatt."),
    ],
)
def test_a_number_takes_the_plural_it_needs(count, swedish) -> None:
    text = ngettext(
        "%(count)d candidate for %(title)s has not been told it is filled.",
        "%(count)d candidates for %(title)s have not been told it is filled.",
        count,
    ) % {"count": count, "title": "UX-designer"}
    assert text == swedish
    closed = ngettext(
        "Not closed yet: %(count)d candidate has not been told.",
        "Not closed yet: %(count)d candidates have not been told.",
        count,
    ) % {"count": count}
    assert closed.endswith(
        f"{count} {'kandidat' if count == 1 else 'kandidater'} har inte fått besked."
    )


def test_days_left_take_the_plural() -> None:
    assert until(timezone.now() + timedelta(days=3, minutes=5)) == "om 3 dagar"


def test_a_language_reads_as_a_word() -> None:
    assert pgettext("language in a sentence", "Swedish") == "svenska"
    assert pgettext("language in a sentence", "English") == "engelska"


def test_one_term_each() -> None:
    with CATALOGUE.open("rb") as source:
        strings = [
            text
            for message in read_po(source)
            if message.id
            for text in ([message.string] if isinstance(message.string, str) else message.string)
        ]
    every = "\n".join(strings)
    assert not re.search(r"\bladda ner\b", every, re.IGNORECASE)
    assert not re.search(r"\bännu\b", every, re.IGNORECASE)
    assert "e-postprogram" not in every
    assert not re.search(r"\banslut", every, re.IGNORECASE)
    assert not re.search(r"\b1 kandidater\b", every)
    assert "motpart" not in every
