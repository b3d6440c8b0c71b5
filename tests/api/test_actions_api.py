"""The actions through the API: the verbs run the rules; a refusal is a 409 and writes nothing."""

from datetime import timedelta

import pytest

from takt.core.models import Change, ContactAttempt, Interview
from takt.outbox.models import Message
from tests.api.conftest import span

pytestmark = pytest.mark.django_db
REASON = "Intervjuaren har blivit sjuk och vi behöver hitta en ny tid."


def _path(team, interview, action):
    return f"/workspaces/{team['workspace'].pk}/interviews/{interview.pk}/{action}"


def test_offering_times_sends_the_offer_and_carries_the_findings(
    team, recruiter_api, book_interview, soon
) -> None:
    interview = book_interview(soon(5))
    times = [span(soon(days, 10)) for days in (7, 8, 9)]
    body = {"reason_category": "illness", "reason_text": REASON, "times": times}
    response = recruiter_api.post(_path(team, interview, "offer"), body)
    assert response.status_code == 201, response.content
    answer = response.json()
    assert answer["state"] == "sent" and len(answer["alternatives"]) == 3
    assert isinstance(answer["findings"], list)
    interview.refresh_from_db()
    assert interview.status == Interview.Status.RESCHEDULE_PENDING
    assert Message.objects.filter(interview=interview).count() == 1


def test_too_few_times_from_the_employer_block_with_the_findings(
    team, recruiter_api, book_interview, soon
) -> None:
    interview = book_interview(soon(5))
    body = {"reason_text": REASON, "times": [span(soon(7, 10))]}
    response = recruiter_api.post(_path(team, interview, "offer"), body)
    assert response.status_code == 409
    refusal = response.json()
    assert "alternatives.too_few" in [f["rule"] for f in refusal["findings"]]
    assert refusal["unacknowledged"] == []
    # Nothing written: not even the draft the offer started from.
    assert not Change.objects.exists()
    assert not Message.objects.exists()


def test_a_short_notice_cancel_needs_the_warning_acknowledged(
    team, recruiter_api, book_interview, soon
) -> None:
    interview = book_interview(soon(0, 20))
    body = {"reason_category": "illness", "reason_text": REASON, "emergency": True}
    first = recruiter_api.post(_path(team, interview, "cancel"), body)
    assert first.status_code == 409
    assert "notice.short" in first.json()["unacknowledged"]
    assert not Change.objects.exists()
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED

    seen = first.json()["unacknowledged"]
    second = recruiter_api.post(_path(team, interview, "cancel"), {**body, "acknowledge": seen})
    assert second.status_code == 201, second.content
    assert "notice.short" in second.json()["overridden"]
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED


def test_a_cancel_without_a_reason_is_refused_before_the_verb(
    team, recruiter_api, book_interview, soon
) -> None:
    interview = book_interview(soon(5))
    response = recruiter_api.post(_path(team, interview, "cancel"), {"reason_text": ""})
    assert response.status_code == 422
    assert not Change.objects.exists()


def test_another_workspaces_interview_answers_404(
    team, recruiter_api, stranger, book_interview, soon
) -> None:
    from takt.core.schedule import schedule_interview

    theirs = schedule_interview(
        workspace=stranger["workspace"],
        counterpart=stranger["person"],
        start=soon(5),
        end=soon(5) + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[stranger["user"]],
        actor=stranger["user"],
    )
    body = {"reason_text": REASON, "times": [span(soon(days, 10)) for days in (7, 8, 9)]}
    for action in ("offer", "cancel"):
        response = recruiter_api.post(_path(team, theirs, action), body)
        assert response.status_code == 404, action
    assert not Change.objects.exists()


def test_logging_a_call_about_the_employers_change(team, recruiter_api, book_interview, soon):
    interview = book_interview(soon(0, 20))
    from takt.hiring import employer

    change = employer.start_cancel(
        interview,
        reason_category="illness",
        reason_text=REASON,
        emergency=True,
        actor=team["recruiter"],
        acknowledged=["notice.short"],
    )
    path = f"/workspaces/{team['workspace'].pk}/changes/{change.pk}/contact-attempts"
    response = recruiter_api.post(path, {"outcome": "no_answer", "acknowledge": ["notice.short"]})
    assert response.status_code == 201, response.content
    attempt = ContactAttempt.objects.get(interview=interview)
    assert attempt.outcome == "no_answer" and attempt.channel == "phone"
    read = recruiter_api.get(f"/workspaces/{team['workspace'].pk}/changes/{change.pk}")
    assert read.json()["id"] == change.pk
    listed = recruiter_api.get(f"/workspaces/{team['workspace'].pk}/changes").json()
    assert [c["id"] for c in listed] == [change.pk]


def _seeker_interview(seeker, soon, days=5):
    body = {
        "start": soon(days).isoformat(),
        "timezone": "Europe/Stockholm",
        "company": "Norrsken AB",
        "role": "Backendutvecklare",
        "contact": {"name": "Anna Berg", "email": "anna@norrsken.example"},
    }
    ws = seeker["workspace"].pk
    response = seeker["api"].post(f"/workspaces/{ws}/interviews", body)
    assert response.status_code == 201, response.content
    return Interview.objects.get(pk=response.json()["id"])


def test_a_job_seeker_asks_for_a_new_time_and_sends_the_composed_request(seeker, soon) -> None:
    interview = _seeker_interview(seeker, soon)
    ws = seeker["workspace"].pk
    ask = {
        "reason_category": "illness",
        "reason_text": "Jag har fått feber och kan inte komma.",
        "times": [span(soon(days, 10)) for days in (8, 9)],
    }
    started = seeker["api"].post(
        f"/workspaces/{ws}/interviews/{interview.pk}/reschedule-request", ask
    )
    assert started.status_code == 201, started.content
    change_id = started.json()["id"]
    sent = seeker["api"].post(f"/workspaces/{ws}/changes/{change_id}/send", {})
    if sent.status_code == 409:
        sent = seeker["api"].post(
            f"/workspaces/{ws}/changes/{change_id}/send",
            {"acknowledge": sent.json()["unacknowledged"]},
        )
    assert sent.status_code == 200, sent.content
    assert sent.json()["state"] == "sent"
    message = Message.objects.get(interview=interview)
    assert message.recipient_email == "anna@norrsken.example"


def test_a_job_seeker_cancels_by_phone(seeker, soon) -> None:
    interview = _seeker_interview(seeker, soon)
    ws = seeker["workspace"].pk
    body = {
        "reason_category": "other_offer",
        "reason_text": "Jag har tackat ja till ett annat erbjudande.",
        "channel": "phone",
    }
    response = seeker["api"].post(f"/workspaces/{ws}/interviews/{interview.pk}/cancel", body)
    if response.status_code == 409:
        body["acknowledge"] = response.json()["unacknowledged"]
        response = seeker["api"].post(f"/workspaces/{ws}/interviews/{interview.pk}/cancel", body)
    assert response.status_code == 201, response.content
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED


def test_sending_without_an_address_is_a_409_that_leaves_the_request_unsent(seeker, soon):
    body = {
        "start": soon(5).isoformat(),
        "timezone": "Europe/Stockholm",
        "company": "Norrsken AB",
        "contact": {"name": "Anna Berg", "phone": "+46 8 555 010 00"},
    }
    ws = seeker["workspace"].pk
    interview_id = seeker["api"].post(f"/workspaces/{ws}/interviews", body).json()["id"]
    ask = {
        "reason_category": "illness",
        "reason_text": "Jag har fått feber och kan inte komma.",
        "times": [span(soon(days, 10)) for days in (8, 9)],
    }
    started = seeker["api"].post(
        f"/workspaces/{ws}/interviews/{interview_id}/reschedule-request", ask
    )
    change_id = started.json()["id"]
    sent = seeker["api"].post(
        f"/workspaces/{ws}/changes/{change_id}/send",
        {"acknowledge": ["contact.phone_first", "message.apology_missing"]},
    )
    assert sent.status_code == 409
    assert Change.objects.get(pk=change_id).state == Change.State.DRAFT
    assert not Message.objects.exists()
