"""An English candidate writes the reason in the recruiter's Swedish (issue 13, must 1)."""

import html

import pytest
from django.test import Client
from django.utils import timezone

from takt import wording
from takt.core.models import Interview
from takt.hiring import employer
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


def _token(team, interview) -> str:
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Our manager is away.",
        actor=team["recruiter"],
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    link = employer.send_offer(change, times, actor=team["recruiter"], acknowledged=["x"])
    return link.split("/c/")[1].rstrip("/")


@pytest.fixture
def english_candidate(team):
    candidate = team["candidate"]
    candidate.language, candidate.timezone = "en", "Europe/London"
    candidate.save()
    return candidate


def _text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_cancel_page_asks_for_annas_swedish(team, book, english_candidate) -> None:
    page = _text(Client().get(f"/c/{_token(team, book())}/cancel/"))
    assert "Anna reads Swedish, so write the reason in Swedish." in page
    assert wording.category_sentence("sv", "other_offer") in page


def test_a_reason_in_english_is_refused_and_nothing_changes(team, book, english_candidate):
    interview = book()
    token = _token(team, interview)
    Message.objects.all().delete()
    response = Client().post(
        f"/c/{token}/cancel/",
        {"reason_category": "other_offer", "reason_text": "I have accepted another offer."},
    )
    assert "Anna reads Swedish: write the reason in Swedish" in _text(response)
    interview.refresh_from_db()
    assert interview.status != Interview.Status.CANCELLED
    assert not Message.objects.exists()


def test_the_suggested_sentence_reaches_anna_in_swedish(team, book, english_candidate) -> None:
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    interview = book()
    token = _token(team, interview)
    sentence = wording.category_sentence("sv", "other_offer")
    response = Client().post(
        f"/c/{token}/cancel/", {"reason_category": "other_offer", "reason_text": sentence}
    )
    assert response.status_code == 200
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    to_anna = Message.objects.get(kind="candidate_cancel")
    assert sentence in to_anna.text
