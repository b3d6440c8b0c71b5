"""Telling an English reader the position is filled: the English title, their date style."""

import pytest

from takt.core.models import Application, Person
from takt.hiring import positions
from takt.hiring.forms import PositionForm
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


def test_the_english_reader_is_told_with_the_english_title(team) -> None:
    position = team["position"]
    position.title_en = "Backend developer"
    position.save()
    person = Person.objects.create(
        workspace=team["workspace"], name="Emily Stone", email="emily@example.com", language="en"
    )
    Application.objects.create(position=position, person=person)
    positions.close_position(position, hired=None, actor=team["recruiter"], batch_size=10)
    english = Message.objects.get(recipient_email="emily@example.com")
    swedish = Message.objects.get(recipient_email="erik@example.se")
    assert "Backend developer" in english.subject + english.text
    assert "utvecklare" not in english.subject + english.text + english.html
    assert "Backend developer" not in swedish.text


def test_the_position_form_takes_an_english_title(team) -> None:
    form = PositionForm(
        {"title": "Backendutvecklare", "title_en": "Backend developer"},
        instance=team["position"],
    )
    assert form.is_valid()
    position = form.save()
    assert position.titles == {"sv": "Backendutvecklare", "en": "Backend developer"}
    assert position.title_in("en") == "Backend developer"
    assert position.title_in("sv") == "Backendutvecklare"


def test_without_an_english_title_both_languages_read_the_one_title(team) -> None:
    form = PositionForm({"title": "Product designer", "title_en": ""}, instance=team["position"])
    assert form.is_valid()
    assert form.save().titles == "Product designer"
