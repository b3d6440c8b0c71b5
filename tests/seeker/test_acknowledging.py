"""The "continue anyway" tick acknowledges the warnings the page showed, by rule id, only."""

import pytest

from takt.core.models import Change
from tests.seeker.conftest import step_url

pytestmark = pytest.mark.django_db

LEISURE = {
    "reason_category": "leisure",
    "reason_text": "Jag ska på en helgresa.",
    "other_plans_movable": "no",
}


def _overridden(interview) -> set[str]:
    return {entry["rule"] for entry in Change.objects.get(interview=interview).overridden}


def test_the_page_sends_back_the_ids_of_the_warnings_it_showed(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    page = client.post(step_url(interview, "why"), LEISURE).content.decode()
    assert '<input type="hidden" name="seen" value="reason.leisure">' in page


def test_a_warning_that_appeared_after_the_tick_is_not_gone_past(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why"), {**LEISURE, "other_plans_movable": "yes"})
    # The page showed last_resort only... then they changed the reason to a weekend trip.
    response = client.post(
        step_url(interview, "why"),
        {
            **LEISURE,
            "other_plans_movable": "yes",
            "continue_anyway": "on",
            "seen": ["reschedule.last_resort"],
        },
    )
    assert response.status_code == 200
    assert 'data-rule="reason.leisure"' in response.content.decode()
    assert _overridden(interview) == set()
    go = client.post(
        step_url(interview, "why"),
        {
            **LEISURE,
            "other_plans_movable": "yes",
            "continue_anyway": "on",
            "seen": ["reschedule.last_resort", "reason.leisure"],
        },
    )
    assert go.status_code == 302
    assert _overridden(interview) == {"reschedule.last_resort", "reason.leisure"}


def test_going_on_without_the_tick_past_warnings_already_shown_says_to_tick_it(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.cookies["django_language"] = "sv"
    client.post(step_url(interview, "why"), LEISURE)
    response = client.post(step_url(interview, "why"), {**LEISURE, "seen": ["reason.leisure"]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kryssa i rutan för att gå vidare trots varningarna" in page
    assert 'name="continue_anyway"' in page
    assert _overridden(interview) == set()
