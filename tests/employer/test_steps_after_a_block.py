"""Later steps reached by their URL after an earlier one blocked show the finding."""

import re

import pytest
from django.urls import reverse

from takt.core.models import Change, ContactAttempt, Interview, Person, Position
from takt.hiring.models import CandidateLink
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db

MUST_FIX = {"en": "Must fix", "sv": "Måste åtgärdas"}


def _finding(page: str, rule: str, lang: str) -> bool:
    """The rule is on the page, marked as blocking in the page's language."""
    found = re.search(
        rf'<li class="finding block" data-rule="{re.escape(rule)}">(.*?)</li>', page, re.S
    )
    return found is not None and MUST_FIX[lang] in found.group(1)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_cancellation_started_without_a_reason_cannot_be_called_or_sent(
    team, book, recruiter_client, lang
) -> None:
    interview = book(hours_ahead=5)
    workspace = team["workspace"].pk
    started = recruiter_client.post(
        reverse("employer_cancel", args=[workspace, interview.pk]),
        {"reason_category": "emergency", "reason_text": "", "emergency": "on"},
    )
    change = Change.objects.get(interview=interview)
    url = reverse("employer_change", args=[workspace, change.pk])
    assert started["Location"] == url
    # The change page, reached by its URL: reason.missing blocks.
    page = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert _finding(page, "reason.missing", lang)
    # The call, logged by its URL: refused, and the page it returns to says why.
    called = recruiter_client.post(
        reverse("employer_change_call", args=[workspace, change.pk]),
        {"outcome": "reached"},
        HTTP_ACCEPT_LANGUAGE=lang,
        follow=True,
    )
    assert not ContactAttempt.objects.exists()
    assert _finding(called.content.decode(), "reason.missing", lang)
    # The send, posted straight away with every warning "seen": refused by the verb.
    sent = recruiter_client.post(
        url,
        {"reason_text": "", "seen": ["notice.short", "reason.too_long"]},
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert sent.status_code == 200
    assert _finding(sent.content.decode(), "reason.missing", lang)
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED
    assert not Message.objects.exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_offer_started_without_a_reason_cannot_be_sent_by_its_url(
    team, book, recruiter_client, lang
) -> None:
    interview = book(hours_ahead=72)
    workspace = team["workspace"].pk
    started = recruiter_client.post(
        reverse("employer_offer", args=[workspace, interview.pk]),
        {"reason_category": "conflict", "reason_text": ""},
    )
    page = recruiter_client.get(started["Location"], HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert _finding(page, "reason.missing", lang)
    keep = re.findall(r'name="keep" value="([^"]+)"', page)
    sent = recruiter_client.post(
        started["Location"],
        {"reason_text": "", "keep": keep[:3], "seen": ["notice.short"]},
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert sent.status_code == 200
    assert _finding(sent.content.decode(), "reason.missing", lang)
    assert not Message.objects.exists() and not CandidateLink.objects.exists()
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_long_reason_on_the_start_page_is_shown_and_nothing_is_started(
    team, book, recruiter_client, lang
) -> None:
    from tests.employer.footprint import long_reason

    interview = book(hours_ahead=72)
    url = reverse("employer_offer", args=[team["workspace"].pk, interview.pk])
    data = {"reason_category": "conflict", "reason_text": long_reason()}
    first = recruiter_client.post(url, data, HTTP_ACCEPT_LANGUAGE=lang)
    page = first.content.decode()
    assert first.status_code == 200 and 'data-rule="reason.too_long"' in page
    assert not Change.objects.exists()
    seen = re.findall(r'name="seen" value="([^"]+)"', page)
    second = recruiter_client.post(url, {**data, "seen": seen}, HTTP_ACCEPT_LANGUAGE=lang)
    change = Change.objects.get(interview=interview)
    assert second["Location"] == reverse("employer_change", args=[team["workspace"].pk, change.pk])
    assert {o["rule"] for o in change.overridden} == {"reason.too_long"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_closing_a_position_by_its_url_while_someone_is_untold_shows_who(
    team, recruiter_client, django_capture_on_commit_callbacks, lang
) -> None:
    from takt.core.models import Application

    workspace, position = team["workspace"], team["position"]
    # No e-mail address: the batches cannot reach them, only a call can.
    silent = Person.objects.create(workspace=workspace, name="Utan Adress", email="")
    Application.objects.create(position=position, person=silent)
    with django_capture_on_commit_callbacks(execute=True):
        recruiter_client.post(reverse("employer_fill", args=[workspace.pk, position.pk]), {})
    closed = recruiter_client.post(
        reverse("employer_close", args=[workspace.pk, position.pk]),
        HTTP_ACCEPT_LANGUAGE=lang,
        follow=True,
    )
    page = closed.content.decode()
    assert _finding(page, "position_filled.uninformed", lang)
    assert "Utan Adress" in page
    position.refresh_from_db()
    assert position.status == Position.Status.FILLED


def test_the_choice_of_offering_times_survives_the_warning_on_the_start_page(
    team, book, recruiter_client
) -> None:
    from tests.employer.footprint import long_reason

    interview = book(hours_ahead=72)
    url = reverse("employer_cancel", args=[team["workspace"].pk, interview.pk])
    data = {"reason_category": "conflict", "reason_text": long_reason(), "next": "times"}
    page = recruiter_client.post(url, data).content.decode()
    assert 'value="times" checked' in page
    seen = re.findall(r'name="seen" value="([^"]+)"', page)
    second = recruiter_client.post(url, {**data, "seen": seen})
    assert second["Location"].endswith("?times=1")
