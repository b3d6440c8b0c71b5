"""The employer cancels: the call first when it is urgent, then the e-mail with CANCEL."""

import re
from typing import Any

import pytest
from django.urls import reverse

from takt.core.models import Change, ContactAttempt, Interview
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


def _start(client, team, interview, **data: Any):
    url = reverse("employer_cancel", args=[team["workspace"].pk, interview.pk])
    return client.post(url, {"reason_category": "emergency", "reason_text": "", **data})


def test_it_cancels_an_emergency_with_the_call_first(team, book, recruiter_client) -> None:
    interview = book(hours_ahead=5)
    response = _start(
        recruiter_client,
        team,
        interview,
        emergency="on",
        reason_text="En av intervjuarna har blivit akut sjuk.",
    )
    change = Change.objects.get(interview=interview)
    assert response["Location"] == reverse(
        "employer_change", args=[team["workspace"].pk, change.pk]
    )
    page = recruiter_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="tel:+46701234567"' in page
    assert page.index('id="call"') < page.index("The e-mail")
    assert 'data-rule="contact.phone_first"' in page
    # The call is logged; reaching them marks the change as contacted.
    recruiter_client.post(
        reverse("employer_change_call", args=[team["workspace"].pk, change.pk]),
        {"outcome": "no_answer"},
    )
    recruiter_client.post(
        reverse("employer_change_call", args=[team["workspace"].pk, change.pk]),
        {"outcome": "reached"},
    )
    assert ContactAttempt.objects.filter(change=change).count() == 2
    url = reverse("employer_change", args=[team["workspace"].pk, change.pk])
    first = recruiter_client.post(url, {"reason_text": change.reason_text or "x"})
    # notice.short is a warning: shown once, then the second press goes on.
    assert first.status_code == 200
    assert 'data-rule="notice.short"' in first.content.decode()
    assert interview.status == Interview.Status.SCHEDULED
    seen = re.findall(r'name="seen" value="([^"]+)"', first.content.decode())
    second = recruiter_client.post(url, {"reason_text": change.reason_text, "seen": seen})
    assert second.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    message = Message.objects.get(interview=interview, kind="employer_cancel")
    assert message.ical_method == "CANCEL"
    assert "METHOD:CANCEL" in message.ical
    assert f"SEQUENCE:{interview.sequence}" in message.ical
    assert "återkommer" in message.text  # the promise to come back with new times
    change.refresh_from_db()
    assert {o["rule"] for o in change.overridden} >= {"notice.short"}


def test_a_missing_reason_blocks_the_send(team, book, recruiter_client) -> None:
    interview = book(hours_ahead=72)
    _start(recruiter_client, team, interview, reason_category="other")
    change = Change.objects.get(interview=interview)
    url = reverse("employer_change", args=[team["workspace"].pk, change.pk])
    response = recruiter_client.post(url, {"reason_text": ""})
    assert response.status_code == 200
    assert 'data-rule="reason.missing"' in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED
    assert not Message.objects.exists()


def test_a_cancellation_can_carry_the_new_times(team, book, recruiter_client) -> None:
    interview = book(hours_ahead=72)
    response = _start(
        recruiter_client,
        team,
        interview,
        reason_category="conflict",
        reason_text="Vår chef måste vara med och är bortrest.",
        next="times",
    )
    assert response["Location"].endswith("?times=1")
    page = recruiter_client.get(response["Location"])
    keep = re.findall(r'name="keep" value="([^"]+)"', page.content.decode())
    assert len(keep) >= 3
    sent = recruiter_client.post(
        response["Location"],
        {
            "reason_text": "Vår chef måste vara med och är bortrest.",
            "keep": keep[:3],
            "seen": ["x"],
        },
    )
    assert sent.status_code == 302, sent.content.decode()[:3000]
    message = Message.objects.get(interview=interview, kind="employer_cancel")
    assert message.link_sequence == interview.sequence + 1 and message.ical_method == "CANCEL"
    assert Change.objects.get(interview=interview).alternatives.count() == 3


def test_a_personal_workspace_gets_404(make_user, soon) -> None:
    from django.test import Client

    from takt.core.models import Membership, Person, Workspace
    from takt.core.schedule import schedule_interview

    user = make_user("seeker")
    own = Workspace.objects.create(name="Mine", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=own, user=user)
    person = Person.objects.create(workspace=own, name="HR")
    interview = schedule_interview(
        workspace=own,
        counterpart=person,
        start=soon(3),
        end=soon(3, 10),
        timezone="Europe/Stockholm",
        interviewers=[user],
        actor=user,
    )
    client = Client()
    client.force_login(user)
    for name in ("employer_cancel", "employer_offer"):
        assert client.get(reverse(name, args=[own.pk, interview.pk])).status_code == 404
