"""The job seeker's contact has a date style: given in the add form, used by the composer."""

import pytest

from takt.core.composing import situation_for
from takt.core.models import Interview
from takt.wording.voice import voice

pytestmark = pytest.mark.django_db


def _form(**over):
    data = {
        "company": "Hudson Labs",
        "role": "Product designer",
        "contact_name": "Emily Stone",
        "contact_phone": "",
        "contact_email": "emily@hudson.example",
        "contact_language": "en",
        "contact_locale": "en-US",
        "day": "2030-05-14",
        "start_time": "10:00",
        "end_time": "11:00",
        "zone": "Europe/London",
        "location": "",
        "video_link": "",
    }
    return {**data, **over}


def _url(seeker):
    return f"/w/{seeker['workspace'].pk}/interviews/new/"


def test_the_contact_keeps_the_date_style_given(seeker) -> None:
    seeker["client"].post(_url(seeker), _form())
    interview = Interview.objects.get(company="Hudson Labs")
    assert interview.counterpart.locale == "en-US"


def test_an_empty_date_style_follows_language_and_zone(seeker) -> None:
    seeker["client"].post(_url(seeker), _form(contact_locale="", zone="America/New_York"))
    contact = Interview.objects.get(company="Hudson Labs").counterpart
    assert contact.locale == ""
    assert contact.reading_locale == "en-US"


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("en", "That date style is for another language than the one they read."),
        ("sv", "Datumstilen hör till ett annat språk än det de läser."),
    ],
)
def test_a_date_style_of_another_language_is_refused(seeker, language, error) -> None:
    seeker["client"].cookies["django_language"] = language
    response = seeker["client"].post(_url(seeker), _form(contact_language="sv"))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Interview.objects.filter(company="Hudson Labs").exists()


def test_the_composer_writes_in_the_contacts_date_style(seeker) -> None:
    contact = seeker["contact"]
    contact.language, contact.locale = "en", "en-US"
    contact.save()
    situation = situation_for(seeker["interview"], seeker["user"], member_language="sv")
    assert situation.contact.locale == "en-US"
    assert voice(situation, "candidate").locale == "en-US"


def test_a_swedish_contact_in_new_york_reads_swedish_dates(seeker) -> None:
    contact = seeker["contact"]
    contact.timezone = "America/New_York"
    contact.save()
    situation = situation_for(seeker["interview"], seeker["user"], member_language="sv")
    assert voice(situation, "candidate").locale == "sv-SE"
