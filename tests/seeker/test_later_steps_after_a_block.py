"""A later step opened by its address while the reason blocks shows that finding, not its form."""

import pytest

from takt.core.models import AuditEvent, Change, ContactAttempt, Interview
from takt.outbox.models import Message
from tests.seeker.conftest import step_url

pytestmark = pytest.mark.django_db

LANGUAGES = [
    ("en", "There is no reason given", "Back to “Why” to fix it"),
    ("sv", "Det saknas en förklaring", "Tillbaka till ”Varför” för att rätta det"),
]
NO_REASON = {"reason_category": "conflict", "reason_text": "", "other_plans_movable": "no"}
FLOWS = [
    ("reschedule", NO_REASON, ["notice", "times", "contact", "after"]),
    ("cancel", {"reason_category": "other_offer", "reason_text": ""}, ["send"]),
]
# What each later step's own form would show, had it been let through.
FORMS = {
    "notice": "Continue to new times",
    "times": 'name="own_day_1"',
    "contact": 'name="outcome"',
    "after": 'name="start_time"',
    "send": 'name="outcome"',
}


@pytest.mark.parametrize(("flow", "reason", "later"), FLOWS)
@pytest.mark.parametrize(("language", "finding", "back"), LANGUAGES)
def test_every_later_step_shows_the_blocking_finding_with_the_way_back(
    seeker, flow, reason, later, language, finding, back
) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.cookies["django_language"] = language
    first = client.post(step_url(interview, "why", flow), reason)
    assert 'data-rule="reason.missing"' in first.content.decode()
    for step in later:
        response = client.get(step_url(interview, step, flow))
        page = response.content.decode()
        assert response.status_code == 200, step
        assert 'data-rule="reason.missing"' in page, step
        assert finding in page, step
        assert back in page and f'href="{step_url(interview, "why", flow)}"' in page, step
        assert FORMS[step] not in page, step


@pytest.mark.parametrize(("flow", "reason", "later"), FLOWS)
def test_posting_to_a_later_step_while_the_reason_blocks_writes_nothing(
    seeker, flow, reason, later
) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why", flow), reason)
    audit = AuditEvent.objects.count()
    for step in later:
        client.post(step_url(interview, step, flow), {"action": "call", "outcome": "reached"})
        client.post(
            step_url(interview, step, flow),
            {"action": "send", "subject": "Hej", "text": "Jag ber om ursäkt.", "seen": []},
        )
    assert not ContactAttempt.objects.exists() and not Message.objects.exists()
    assert AuditEvent.objects.count() == audit
    assert Change.objects.get().state == Change.State.DRAFT
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED


def test_once_the_reason_is_given_the_later_step_shows_its_form_again(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why", "cancel"), FLOWS[1][1])
    fixed = {"reason_category": "other_offer", "reason_text": "Jag har fått ett annat jobb."}
    assert client.post(step_url(interview, "why", "cancel"), fixed).status_code == 302
    page = client.get(step_url(interview, "send", "cancel")).content.decode()
    assert FORMS["send"] in page and 'data-rule="reason.missing"' not in page
