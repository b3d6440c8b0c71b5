"""The job seeker pastes the employer's answer; Takt says what it means and moves on one click."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest

from takt.core.models import AuditEvent, Change, Interview
from takt.seeker import services as verbs
from tests.seeker.conftest import step_url

pytestmark = pytest.mark.django_db

REASON = {
    "reason_category": "conflict",
    "reason_text": "Jag är kallad som vittne till en rättegång den dagen.",
    "other_plans_movable": "no",
}
WEDNESDAY_AT_ONE = datetime(2026, 5, 6, 11, 0, tzinfo=UTC)  # 13.00 in Stockholm


def _after(seeker, language: str = "sv") -> Change:
    """Up to the follow-up: own times 11 and 12 May at 10.00, then a call that got through."""
    client, interview = seeker["client"], seeker["interview"]
    client.cookies["django_language"] = language
    assert client.post(step_url(interview, "why"), REASON).status_code == 302
    assert client.post(step_url(interview, "notice")).status_code == 302
    change = Change.objects.get(interview=interview)
    base = interview.start + timedelta(days=2)
    times = [
        (base, base + timedelta(hours=1)),
        (base + timedelta(days=1), base + timedelta(days=1, hours=1)),
    ]
    verbs.choose_alternatives(change, times, actor=seeker["user"])
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
    return change


def _paste(seeker, answer: str) -> str:
    client, interview = seeker["client"], seeker["interview"]
    pasted = client.post(step_url(interview, "after"), {"action": "read_answer", "answer": answer})
    assert pasted.status_code == 302
    return unescape(client.get(step_url(interview, "after")).content.decode())


def _yes(seeker, page: str):
    fields = dict(re.findall(r'name="(day|start_time)" value="([^"]+)"', page))
    return seeker["client"].post(
        step_url(seeker["interview"], "after"), {"action": "new_time", **fields}
    )


def test_an_answer_with_a_time_moves_the_interview_on_one_click(seeker) -> None:
    change = _after(seeker)
    interview = seeker["interview"]
    sequence = interview.sequence
    page = _paste(
        seeker,
        "Hej Erik!\n\nTyvärr passar ingen av de tiderna. Kan du onsdag kl. 13?\n\n"
        "Vänliga hälsningar\nAnna\n\nDen mån 4 maj 2026 kl 09:40 skrev Erik Lind:\n"
        "> Kan vi flytta till tisdag?",
    )
    assert "Flytta intervjun till onsdag 6 maj kl. 13.00?" in page
    assert "Anna kan onsdag 6 maj kl. 13.00–14.00" in page
    assert _yes(seeker, page).status_code == 302
    interview.refresh_from_db()
    change.refresh_from_db()
    assert interview.start == WEDNESDAY_AT_ONE
    assert interview.status == Interview.Status.SCHEDULED
    assert change.state == Change.State.AGREED
    ics = seeker["client"].get(
        f"/w/{interview.workspace_id}/interviews/{interview.pk}/interview.ics"
    )
    body = ics.content.decode()
    assert "DTSTART;TZID=Europe/Stockholm:20260506T130000" in body
    assert f"SEQUENCE:{sequence + 1}" in body


def test_an_answer_in_english_that_takes_one_of_the_times(seeker) -> None:
    _after(seeker, "en")
    interview = seeker["interview"]
    second = interview.start + timedelta(days=3)
    page = _paste(seeker, "Hi Erik, the second option works for us. Best, Anna")
    assert "Move the interview to Tuesday 12 May at 10:00?" in page
    assert _yes(seeker, page).status_code == 302
    interview.refresh_from_db()
    assert interview.start == second


def test_a_span_is_shown_but_the_time_is_left_to_the_person(seeker) -> None:
    _after(seeker)
    page = _paste(seeker, "Onsdag eftermiddag går bra, säg vilken tid som passar dig.")
    assert "Anna kan onsdag 6 maj kl. 13.00–17.00" in page
    assert "Flytta intervjun till onsdag" not in page
    assert 'type="hidden" name="day"' not in page


def test_words_without_a_time_are_unclear_and_move_nothing(seeker) -> None:
    change = _after(seeker)
    page = _paste(seeker, "Tack för beskedet, jag återkommer när jag pratat med chefen.")
    assert "Takt kan inte avgöra vad Anna menar" in page
    change.refresh_from_db()
    assert change.state != Change.State.AGREED


def test_every_answer_read_stays_on_the_timeline(seeker) -> None:
    _after(seeker)
    _paste(seeker, "Kan du onsdag kl. 13?")
    event = AuditEvent.objects.get(verb="reply.read")
    assert event.data["reading"]["intent"] == "propose"
    assert event.data["note"] == "Kan du onsdag kl. 13?"
    page = seeker["client"].get(seeker["interview"].get_absolute_url()).content.decode()
    assert "Svar läst" in page
    assert "Anna kan onsdag 6 maj kl. 13.00–14.00" in unescape(page)


def test_an_empty_answer_is_asked_for_again(seeker) -> None:
    _after(seeker, "en")
    response = seeker["client"].post(
        step_url(seeker["interview"], "after"), {"action": "read_answer", "answer": ""}
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not AuditEvent.objects.filter(verb="reply.read").exists()
