"""An English candidate writes the reason in the recruiter's Swedish (issue 13, must 1)."""

import html
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from takt import wording
from takt.core.models import Change, Interview, Side
from takt.hiring import employer
from takt.outbox.models import Message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db


def _token(team, interview) -> str:
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Our manager is away.",
        actor=team["recruiter"],
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"], acknowledged=["x"])
    return mailed_token()


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
    form = {"reason_category": "other_offer", "reason_text": sentence}
    client = Client()
    # First the e-mail Anna will get, in Swedish, and nothing sent yet.
    preview = _text(client.post(f"/c/{token}/cancel/", form))
    assert "The e-mail Anna Berg will get" in preview
    assert sentence in preview and "Hej Anna" in preview
    interview.refresh_from_db()
    assert interview.status != Interview.Status.CANCELLED
    # Sent as shown.
    response = client.post(f"/c/{token}/cancel/", {**form, "previewed": sentence})
    assert response.status_code == 200
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    to_anna = Message.objects.get(kind="candidate_cancel")
    assert sentence in to_anna.text


def test_a_reason_changed_after_the_preview_is_shown_again(team, book, english_candidate) -> None:
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    interview = book()
    token = _token(team, interview)
    form = {"reason_category": "other_offer", "reason_text": "Jag har fått ett annat jobb."}
    page = _text(Client().post(f"/c/{token}/cancel/", {**form, "previewed": "Något annat."}))
    assert "The e-mail Anna Berg will get" in page
    interview.refresh_from_db()
    assert interview.status != Interview.Status.CANCELLED


def test_the_reschedule_page_shows_the_ask_and_the_e_mail_first(
    team, book, english_candidate
) -> None:
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    interview = book(hours_ahead=24 * 5)
    token = _token(team, interview)
    page = _text(Client().get(f"/c/{token}/reschedule/"))
    assert "Anna reads Swedish, so write the reason in Swedish." in page
    later = (interview.start + timedelta(days=2)).astimezone(interview.zone)
    form = {
        "reason_category": "illness",
        "reason_text": "Jag har blivit sjuk.",
        "other_plans_movable": "no",
        "time_1": later.strftime("%Y-%m-%dT%H:%M"),
    }
    preview = _text(Client().post(f"/c/{token}/reschedule/", form))
    assert "The e-mail Anna Berg will get" in preview
    assert "Jag har blivit sjuk." in preview
    assert not Change.objects.filter(side=Side.CANDIDATE).exists()  # nothing asked yet
