"""One language per message: the reason is asked for in the contact's language (issue 13, must 1).

The seeker's page is in English (the fixture's cookie) and Anna reads Swedish.
"""

import html

import pytest

from takt import wording
from takt.core.models import Change, Interview
from takt.outbox.models import Message
from tests.seeker.conftest import step_url

pytestmark = pytest.mark.django_db

MOVE = {"reason_category": "travel", "other_plans_movable": "no"}


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_reason_is_asked_for_in_annas_swedish_with_a_sentence_to_start_from(seeker) -> None:
    page = _page(seeker["client"].get(step_url(seeker["interview"], "why")))
    assert "Anna reads Swedish, so write the reason in Swedish." in page
    assert 'lang="sv"' in page
    # The first category (illness) is chosen, and its Swedish sentence is in the field.
    assert wording.category_sentence("sv", "illness") in page


def test_a_reason_in_english_is_refused_next_to_the_field(seeker) -> None:
    reason = {**MOVE, "reason_text": "My flight to Stockholm has been cancelled."}
    response = seeker["client"].post(step_url(seeker["interview"], "why"), reason)
    assert response.status_code == 200
    page = _page(response)
    assert "Anna reads Swedish: write the reason in Swedish" in page
    # The error offers the chosen category's sentence, since the prefill was typed over.
    assert f"for instance “{wording.category_sentence('sv', 'travel')}”" in page
    assert not Change.objects.exists()


def test_a_reason_in_swedish_goes_on(seeker) -> None:
    reason = {**MOVE, "reason_text": "Mitt flyg till Stockholm är inställt."}
    response = seeker["client"].post(step_url(seeker["interview"], "why"), reason)
    assert response.status_code == 302
    assert Change.objects.get().reason_text == "Mitt flyg till Stockholm är inställt."


def test_the_prefilled_sentence_follows_the_category_chosen(seeker) -> None:
    # The page prefilled illness's sentence; the person chose travel and left the text.
    reason = {**MOVE, "reason_text": wording.category_sentence("sv", "illness")}
    response = seeker["client"].post(step_url(seeker["interview"], "why"), reason)
    assert response.status_code == 302
    assert Change.objects.get().reason_text == wording.category_sentence("sv", "travel")


def test_one_language_asks_nothing_more(seeker) -> None:
    client = seeker["client"]
    client.cookies["django_language"] = "sv"
    page = _page(client.get(step_url(seeker["interview"], "why")))
    assert "läser svenska" not in page
    assert wording.category_sentence("sv", "illness") not in page


def test_a_swedish_seeker_writes_to_an_english_contact_in_english(seeker) -> None:
    client, contact = seeker["client"], seeker["contact"]
    client.cookies["django_language"] = "sv"
    contact.language = "en"
    contact.save()
    page = _page(client.get(step_url(seeker["interview"], "why", "cancel")))
    assert "Anna läser engelska, så skriv skälet på engelska." in page
    assert wording.category_sentence("en", "other_offer") in page
    refused = client.post(
        step_url(seeker["interview"], "why", "cancel"),
        {"reason_category": "other_offer", "reason_text": "Jag har fått ett annat jobb."},
    )
    assert "Anna läser engelska: skriv skälet på engelska" in _page(refused)


def test_the_e_mail_is_shown_in_swedish_and_a_mixed_one_is_flagged(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    reason = {"reason_category": "other_offer", "reason_text": "Jag har fått ett annat jobb."}
    assert client.post(step_url(interview, "why", "cancel"), reason).status_code == 302
    page = _page(client.get(step_url(interview, "send", "cancel")))
    assert "Jag har fått ett annat jobb." in page  # the e-mail before it goes, all Swedish
    mixed = {
        "subject": "Jag återkallar min ansökan",
        "text": "Hej Anna! Jag har tackat ja till ett annat erbjudande. "
        "I have accepted another offer and I am sorry for the trouble.",
        "action": "send",
    }
    response = client.post(step_url(interview, "send", "cancel"), mixed)
    assert 'data-rule="message.language_mixed"' in response.content.decode()
    assert not Message.objects.exists()
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED
