"""The candidate's "none of these suit me" note is read, kept with its reading, and told back."""

import pytest
from django.test import Client
from django.utils import timezone

from takt.core.models import AuditEvent
from takt.hiring import employer
from takt.outbox.models import Message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db


def _token(team, interview) -> str:
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    return mailed_token()


def test_the_note_is_read_and_told_back_to_the_candidate(team, book) -> None:
    token = _token(team, book())
    done = Client().post(
        f"/c/{token}/other-times/", {"note": "Ingen av tiderna passar. Jag kan fredag efter lunch."}
    )
    assert done.status_code == 200
    assert "Vi läser det som att du kan fredag 8 maj kl. 13.00–17.00." in done.content.decode()
    asked = AuditEvent.objects.get(verb="candidate.asked_other_times")
    assert asked.data["reading"]["intent"] == "propose"
    assert asked.data["reading"]["windows"] == [
        {"start": "2026-05-08T11:00:00+00:00", "end": "2026-05-08T15:00:00+00:00"}
    ]
    note = Message.objects.get(recipient_email="anna@norrsken.example")
    assert "Takt tolkar det som: Erik kan fredag 8 maj kl. 13.00–17.00." in note.text


def test_an_english_note_is_read_in_the_candidates_zone(team, book) -> None:
    team["candidate"].language = "en"
    team["candidate"].timezone = "Europe/London"
    team["candidate"].save()
    token = _token(team, book())
    done = Client().post(
        f"/c/{token}/other-times/",
        {"note": "None of those work, sorry. I can do Friday 9am to 11am."},
    )
    # 09–11 in London is 10–12 in Stockholm; the candidate sees their own clock.
    assert "We read it as: you can Friday 8 May, 09:00–11:00." in done.content.decode()
    asked = AuditEvent.objects.get(verb="candidate.asked_other_times")
    assert asked.data["reading"]["windows"] == [
        {"start": "2026-05-08T08:00:00+00:00", "end": "2026-05-08T10:00:00+00:00"}
    ]


def test_a_note_without_times_is_kept_as_unclear_and_nothing_is_claimed(team, book) -> None:
    token = _token(team, book())
    done = Client().post(f"/c/{token}/other-times/", {"note": "Jag återkommer nästa vecka."})
    assert "Vi läser det som" not in done.content.decode()
    asked = AuditEvent.objects.get(verb="candidate.asked_other_times")
    assert asked.data["reading"]["intent"] == "unclear"
    note = Message.objects.get(recipient_email="anna@norrsken.example")
    assert "Takt kan inte avgöra vad Erik menar" in note.text


def test_the_note_and_its_reading_stay_on_the_timeline(team, book, recruiter_client) -> None:
    interview = book()
    token = _token(team, interview)
    Client().post(f"/c/{token}/other-times/", {"note": "Fredag efter lunch passar."})
    page = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert "Kandidaten bad om andra tider" in page
    assert "Erik kan fredag 8 maj kl. 13.00–17.00" in page
