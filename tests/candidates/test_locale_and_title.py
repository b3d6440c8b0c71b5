"""The candidate's pages and e-mails in their own date style, with the English title in English."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from takt.core.models import Person
from takt.hiring import employer
from takt.outbox.models import Message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db

TWELVE_HOUR = re.compile(r"\d{1,2}:\d{2}\s?[AP]M\b")


def _offer(team, interview, reason_text="Our manager is away that day."):
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text=reason_text, actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    return mailed_token()


def _reader(team, *, language, zone, locale=""):
    person = team["candidate"]
    person.language, person.timezone, person.locale = language, zone, locale
    person.save()
    return person


def _page(token):
    return Client().get(f"/c/{token}/").content.decode()


def test_an_american_reader_sees_the_american_date_by_default(team, book) -> None:
    _reader(team, language="en", zone="America/New_York")
    page = _page(_offer(team, book()))
    # Thursday 7 May 08:00 UTC is 4 AM in New York.
    assert "Thursday, May 7, 2026 at 4:00 AM" in page
    assert TWELVE_HOUR.search(page)  # the British test's check can fail
    assert "at 04:00" not in page


def test_a_british_reader_in_new_york_keeps_the_british_date(team, book) -> None:
    _reader(team, language="en", zone="America/New_York", locale="en-GB")
    page = _page(_offer(team, book()))
    assert "Thursday 7 May 2026 at 04:00" in page
    # No twelve-hour time anywhere; "AM" alone may stand in a link's random token.
    assert not TWELVE_HOUR.search(page)


def test_a_swedish_reader_sees_the_swedish_date(team, book) -> None:
    _reader(team, language="sv", zone="Europe/Stockholm", locale="sv-SE")
    page = _page(_offer(team, book(), reason_text="Vår chef är bortrest."))
    assert "torsdag 7 maj 2026 kl. 10.00" in page


def test_an_american_in_london_gets_the_american_date_in_the_e_mail(team, book) -> None:
    _reader(team, language="en", zone="Europe/London", locale="en-US")
    _offer(team, book())
    text = Message.objects.get().text
    assert "Thursday, May 7 at 9:00 AM (London, BST)" in text
    assert "09:00" not in text


def test_an_american_in_london_sees_the_american_date_on_the_page(team, book) -> None:
    _reader(team, language="en", zone="Europe/London", locale="en-US")
    page = _page(_offer(team, book()))
    assert "Thursday, May 7, 2026 at 9:00 AM" in page


def test_the_english_page_and_e_mail_use_the_english_title(team, book) -> None:
    position = team["position"]
    position.title_en = "Backend developer"
    position.save()
    _reader(team, language="en", zone="Europe/London")
    page = _page(_offer(team, book()))
    message = Message.objects.get()
    assert "Backend developer" in page
    assert "Backend developer" in message.subject + message.text
    assert "Backendutvecklare" not in page
    assert "utvecklare" not in message.subject + message.text + message.html


def test_the_swedish_page_keeps_the_swedish_title(team, book) -> None:
    position = team["position"]
    position.title_en = "Backend developer"
    position.save()
    _reader(team, language="sv", zone="Europe/Stockholm")
    page = _page(_offer(team, book(), reason_text="Vår chef är bortrest."))
    assert "Backendutvecklare" in page
    assert "Backend developer" not in page
    assert "Backend developer" not in Message.objects.get().text


def test_without_an_english_title_the_title_stays_as_given(team, book) -> None:
    _reader(team, language="en", zone="Europe/London")
    page = _page(_offer(team, book()))
    assert "Backendutvecklare" in page


def test_the_recruiter_adds_a_candidate_with_a_date_style(team, recruiter_client) -> None:
    url = f"/w/{team['workspace'].pk}/positions/{team['position'].pk}/candidates/new/"
    form = {"name": "Emily Stone", "email": "emily@example.com", "language": "en"}
    recruiter_client.post(url, {**form, "locale": "en-US", "timezone": "America/Chicago"})
    assert Person.objects.get(name="Emily Stone").locale == "en-US"


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("en", "That date style is for another language than the one they read."),
        ("sv", "Datumstilen hör till ett annat språk än det de läser."),
    ],
)
def test_a_date_style_of_another_language_is_refused(team, recruiter_client, language, error):
    url = f"/w/{team['workspace'].pk}/positions/{team['position'].pk}/candidates/new/"
    form = {"name": "Emily Stone", "email": "e@example.com", "language": "sv", "locale": "en-US"}
    response = recruiter_client.post(
        url, {**form, "timezone": "Europe/Stockholm"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Person.objects.filter(name="Emily Stone").exists()
