"""The recruiter writes the reason in the candidate's language when the two differ (issue 13)."""

import html

import pytest
from django.urls import reverse

from takt import wording
from takt.core.models import Change

pytestmark = pytest.mark.django_db


def _url(team, interview, name="employer_cancel"):
    return reverse(name, args=[team["workspace"].pk, interview.pk])


def _text(response) -> str:
    return html.unescape(response.content.decode())


def test_an_english_page_asks_for_eriks_swedish(team, book, recruiter_client) -> None:
    page = _text(recruiter_client.get(_url(team, book()), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Erik reads Swedish, so write the reason in Swedish." in page
    assert 'lang="sv"' in page
    assert wording.category_sentence("sv", "emergency") in page


def test_an_english_reason_for_a_swedish_reader_is_refused(team, book, recruiter_client) -> None:
    interview = book()
    reason = {"reason_category": "conflict", "reason_text": "Our manager has fallen ill."}
    response = recruiter_client.post(
        _url(team, interview, "employer_offer"), reason, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Erik reads Swedish: write the reason in Swedish" in _text(response)
    assert not Change.objects.exists()


def test_the_swedish_reason_goes_on_and_the_e_mail_is_shown_in_swedish(
    team, book, recruiter_client
) -> None:
    interview = book()
    reason = {"reason_category": "conflict", "reason_text": "Vår chef har blivit sjuk."}
    started = recruiter_client.post(_url(team, interview), reason, HTTP_ACCEPT_LANGUAGE="en")
    assert started.status_code == 302
    page = _text(recruiter_client.get(started["Location"], HTTP_ACCEPT_LANGUAGE="en"))
    assert "Vår chef har blivit sjuk." in page  # the e-mail, before it goes
    assert "in the candidate's language (Swedish)" in page
    swedish = _text(recruiter_client.get(started["Location"]))
    assert "på kandidatens språk (svenska)" in swedish


def test_a_swedish_page_asks_for_an_english_readers_english(team, book, recruiter_client):
    candidate = team["candidate"]
    candidate.language = "en"
    candidate.save()
    page = _text(recruiter_client.get(_url(team, book())))
    assert "Erik läser engelska, så skriv skälet på engelska." in page
    assert wording.category_sentence("en", "emergency") in page


def test_one_language_leaves_the_field_empty(team, book, recruiter_client) -> None:
    page = _text(recruiter_client.get(_url(team, book())))
    assert "Erik läser" not in page
    assert wording.category_sentence("sv", "emergency") not in page
