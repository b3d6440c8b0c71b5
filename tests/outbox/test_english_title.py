"""English text never carries the Swedish title when the position has an English one."""

import icalendar
import pytest
from django.utils import translation

from takt.outbox.invitations_for import invitation_for

pytestmark = pytest.mark.django_db
ORGANIZER = ("Anna Berg", "anna@norrsken.example")


@pytest.fixture
def titled(team):
    team["position"].title_en = "Backend developer"
    team["position"].save()
    return team


def _summary(interview) -> str:
    calendar = icalendar.Calendar.from_ical(invitation_for(interview, "REQUEST", ORGANIZER))
    return str(calendar.walk("VEVENT")[0]["SUMMARY"])


def test_an_english_candidates_calendar_entry_has_the_english_title(titled, book_interview, soon):
    titled["candidate"].language = "en"
    titled["candidate"].save()
    interview = book_interview(soon(3), position=titled["position"])
    assert _summary(interview) == "Backend developer · Norrsken AB"


def test_a_swedish_candidates_calendar_entry_keeps_the_swedish_title(titled, book_interview, soon):
    interview = book_interview(soon(3), position=titled["position"])
    assert _summary(interview) == "Backendutvecklare · Norrsken AB"


def test_an_english_page_names_the_interview_by_its_english_title(titled, book_interview, soon):
    interview = book_interview(soon(3), position=titled["position"])
    with translation.override("en"):
        assert interview.heading == "Erik Lind · Backend developer"
    with translation.override("sv"):
        assert interview.heading == "Erik Lind · Backendutvecklare"
