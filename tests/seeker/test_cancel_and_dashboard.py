"""Method 2 (cancel for good), and the dashboard's reminders for the job seeker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from takt.core.cancelling import cancel_interview
from takt.core.models import Change, Interview
from takt.outbox.models import Message
from tests.seeker.conftest import reschedule_and_reach_them, step_url

pytestmark = pytest.mark.django_db

REASON = {
    "reason_category": "other_offer",
    "reason_text": "Jag har tackat ja till ett annat erbjudande.",
}


def test_cancelling_by_e_mail_sends_at_once_and_cancels(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    page = client.get(step_url(interview, "why", "cancel")).content.decode()
    assert 'value="other_offer"' in page and 'value="not_interested"' in page
    assert client.post(step_url(interview, "why", "cancel"), REASON).status_code == 302
    page = client.get(step_url(interview, "send", "cancel")).content.decode()
    assert "I need to cancel the interview and withdraw my application" in page  # the script
    assert "Jag måste tyvärr tacka nej till intervjun" in page  # the e-mail, in Anna's Swedish
    assert 'href="tel:+46855501000"' in page
    draft = {
        "subject": "Jag återkallar min ansökan",
        "text": "Hej Anna, jag har tackat ja till ett annat erbjudande. "
        "Jag ber om ursäkt för besväret.",
        "action": "send",
    }
    response = client.post(step_url(interview, "send", "cancel"), draft)
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert not interview.bookings.filter(active=True).exists()
    message = Message.objects.get()
    assert message.kind == "candidate_cancel" and "change:" in message.idempotency_key
    ics = client.get(f"/w/{interview.workspace_id}/interviews/{interview.pk}/interview.ics")
    assert "METHOD:CANCEL" in ics.content.decode()


def test_cancelling_by_phone_cancels_when_they_were_told(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why", "cancel"), REASON)
    client.post(step_url(interview, "send", "cancel"), {"action": "call", "outcome": "no_answer"})
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED
    client.post(step_url(interview, "send", "cancel"), {"action": "call", "outcome": "reached"})
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert not Message.objects.exists()


def test_a_cancellation_without_a_reason_is_blocked(seeker) -> None:
    interview = seeker["interview"]
    response = seeker["client"].post(
        step_url(interview, "why", "cancel"), {"reason_category": "other", "reason_text": ""}
    )
    assert 'data-rule="reason.missing"' in response.content.decode()
    # The send step opened by its address shows what blocks, not the call and e-mail forms.
    send = seeker["client"].get(step_url(interview, "send", "cancel")).content.decode()
    assert 'data-rule="reason.missing"' in send
    assert 'name="outcome"' not in send and 'name="subject"' not in send
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED


def test_a_rude_cancellation_needs_continue_anyway(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why", "cancel"), REASON)
    rude = {
        "subject": "Nej",
        "text": "Ert företag är en skämt och ni är idioter.",
        "action": "send",
    }
    response = client.post(step_url(interview, "send", "cancel"), rude)
    assert 'data-rule="message.rude"' in response.content.decode()
    assert not Message.objects.exists()


def test_a_draft_cancellation_left_unsent_nudges_on_the_dashboard(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why", "cancel"), REASON)
    dashboard = f"/w/{interview.workspace_id}/"
    assert "Sending early" not in client.get(dashboard).content.decode()
    Change.objects.update(known_since=timezone.now() - timedelta(hours=13))
    page = client.get(dashboard).content.decode()
    assert step_url(interview, "send", "cancel") in page
    assert "13 hours" in page  # notice.delayed names how long it has waited


def test_the_follow_up_reminder_stays_until_it_is_sent(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    reschedule_and_reach_them(
        client,
        interview,
        {
            "reason_category": "illness",
            "reason_text": "Jag har blivit sjuk.",
            "other_plans_movable": "no",
        },
    )
    dashboard = f"/w/{interview.workspace_id}/"
    url = step_url(interview, "after")
    page = client.get(dashboard).content.decode()
    assert f'class="finding advice"><a href="{url}">' in page
    Change.objects.update(contacted_at=timezone.now() - timedelta(hours=30))
    page = client.get(dashboard).content.decode()
    assert f'class="finding warn"><a href="{url}">' in page
    client.post(
        url,
        {
            "subject": "Tack",
            "text": "Hej Anna! Jag ber om ursäkt igen och är fortfarande intresserad av tjänsten.",
            "action": "own_mail",
        },
    )
    page = client.get(dashboard).content.decode()
    assert url not in page


def _reached_by_phone(seeker) -> Change:
    """A reschedule where the call got through: the follow-up note is now owed (M1.5)."""
    client, interview = seeker["client"], seeker["interview"]
    reschedule_and_reach_them(
        client,
        interview,
        {
            "reason_category": "illness",
            "reason_text": "Jag har blivit sjuk.",
            "other_plans_movable": "no",
        },
    )
    change = Change.objects.get(interview=interview)
    assert change.contacted_at is not None
    return change


def test_the_follow_up_reminder_says_what_to_do(seeker) -> None:
    _reached_by_phone(seeker)
    client, interview = seeker["client"], seeker["interview"]
    dashboard = f"/w/{interview.workspace_id}/"
    page = client.get(dashboard).content.decode()
    assert "Send Anna Berg a short follow-up note: your apology and your interest again." in page
    Change.objects.update(contacted_at=timezone.now() - timedelta(hours=30))
    page = client.get(dashboard).content.decode()
    assert "It is 30 hours since you were in touch." in page
    assert "Send a short follow-up now that repeats your apology and your interest." in page
    client.cookies["django_language"] = "sv"
    page = client.get(dashboard).content.decode()
    assert "Skicka en kort uppföljning nu som upprepar din ursäkt och ditt intresse." in page


def test_the_follow_up_reminder_ends_once_the_interview_has_happened(seeker) -> None:
    _reached_by_phone(seeker)
    client, interview = seeker["client"], seeker["interview"]
    dashboard = f"/w/{interview.workspace_id}/"
    url = step_url(interview, "after")
    # Agreed on a new time two hours from now: the note is still owed until it has happened.
    start = timezone.now() + timedelta(hours=2)
    Interview.objects.filter(pk=interview.pk).update(start=start, end=start + timedelta(hours=1))
    assert url in client.get(dashboard).content.decode()
    past = timezone.now() - timedelta(hours=3)
    Interview.objects.filter(pk=interview.pk).update(start=past, end=past + timedelta(hours=1))
    assert url not in client.get(dashboard).content.decode()


def test_the_follow_up_reminder_ends_when_the_interview_is_cancelled(seeker) -> None:
    change = _reached_by_phone(seeker)
    client, interview = seeker["client"], seeker["interview"]
    dashboard = f"/w/{interview.workspace_id}/"
    url = step_url(interview, "after")
    assert url in client.get(dashboard).content.decode()
    change.state = Change.State.AGREED
    change.save(update_fields=["state"])
    assert "Send the follow-up note" in client.get(interview.get_absolute_url()).content.decode()
    cancel_interview(interview, actor=seeker["user"])
    assert url not in client.get(dashboard).content.decode()
    assert (
        "Send the follow-up note" not in client.get(interview.get_absolute_url()).content.decode()
    )
