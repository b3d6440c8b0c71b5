"""A workspace tunes the rules' thresholds; bad values are refused in the user's language."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone


@pytest.fixture
def client_for(team) -> Client:
    client = Client()
    client.force_login(team["recruiter"])
    return client


def _form(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "min_notice_hours": 24,
        "max_delay_hours": 12,
        "max_reason_words": 50,
        "min_alternatives_candidate": 2,
        "min_alternatives_employer": 3,
        "phone_attempts_before_message": 2,
        "followup_hours": 24,
    }
    values.update(changes)
    return values


@pytest.mark.django_db
def test_only_what_differs_from_the_guide_is_stored(team, client_for) -> None:
    url = reverse("policy", args=[team["workspace"].pk])
    response = client_for.post(url, _form(min_notice_hours=48))
    assert response.status_code == 302
    team["workspace"].refresh_from_db()
    assert team["workspace"].policy == {"min_notice_hours": 48.0}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "words"), [("sv", "större än eller lika med 1"), ("en", "greater than or equal to 1")]
)
def test_a_bad_value_is_refused_next_to_the_field_and_nothing_saved(
    team, client_for, lang, words
) -> None:
    url = reverse("policy", args=[team["workspace"].pk])
    response = client_for.post(url, _form(min_alternatives_employer=0), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert 'value="0"' in response.content.decode()
    team["workspace"].refresh_from_db()
    assert team["workspace"].policy == {}


@pytest.mark.django_db
def test_the_stored_notice_changes_what_the_interview_page_says(
    team, client_for, book_interview
) -> None:
    start = timezone.now() + timedelta(hours=30)
    interview = book_interview(start)
    assert (
        'data-rule="notice.short"'
        not in client_for.get(interview.get_absolute_url()).content.decode()
    )
    # A key the rules do not know (another product setting) must not break the page:
    # only the etiquette keys go to the checker, which refuses unknown ones.
    team["workspace"].policy = {"min_notice_hours": 48, "some_other_setting": 72}
    team["workspace"].save()
    assert (
        'data-rule="notice.short"' in client_for.get(interview.get_absolute_url()).content.decode()
    )
