"""Offering new times after a cancellation: the old time no longer matters."""

import pytest
from django.urls import reverse

from takt.core.models import Change, Interview
from takt.hiring import employer

pytestmark = pytest.mark.django_db


def _cancelled(team, book) -> Interview:
    interview = book(hours_ahead=5)
    change = employer.start_cancel(
        interview,
        reason_category="emergency",
        reason_text="En av intervjuarna har blivit akut sjuk.",
        emergency=True,
        actor=team["recruiter"],
    )
    # Five hours ahead: notice.short warns, and the recruiter went past it.
    return employer.send_cancellation(
        change, actor=team["recruiter"], acknowledged=["notice.short"]
    )


def test_the_offer_pages_say_nothing_about_the_old_times_notice(
    team, book, recruiter_client
) -> None:
    interview = _cancelled(team, book)
    assert interview.status == Interview.Status.CANCELLED
    workspace = team["workspace"].pk
    start = recruiter_client.get(
        reverse("employer_offer", args=[workspace, interview.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "in 4 h" not in start and "in 5 h" not in start
    assert "Cancelled" in start
    response = recruiter_client.post(
        reverse("employer_offer", args=[workspace, interview.pk]),
        {"reason_category": "emergency", "reason_text": "En av intervjuarna blev akut sjuk."},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    change = Change.objects.get(interview=interview, kind=Change.Kind.RESCHEDULE)
    assert response["Location"] == reverse("employer_change", args=[workspace, change.pk])
    page = recruiter_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-rule="notice.short"' not in page
    assert "starts in" not in page
    assert "in 4 h" not in page and "in 5 h" not in page
    assert "Cancelled" in page


def test_an_offer_for_a_coming_interview_still_warns_of_short_notice(
    team, book, recruiter_client
) -> None:
    interview = book(hours_ahead=5)
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Vår chef måste vara med.",
        actor=team["recruiter"],
    )
    url = reverse("employer_change", args=[team["workspace"].pk, change.pk])
    page = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-rule="notice.short"' in page
    assert "(in 4 h" in page


def test_the_offer_after_a_cancellation_speaks_of_the_cancellation(team, book) -> None:
    from django.utils import timezone

    from takt.outbox.models import Message

    interview = _cancelled(team, book)
    change = employer.start_offer(
        interview, reason_category="emergency", reason_text="Akut sjukdom.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    offer = Message.objects.filter(interview=interview).exclude(ical_method="CANCEL").get()
    assert "efter att vi fick ställa in intervjun" in offer.text
    assert "behöver flytta" not in offer.text
