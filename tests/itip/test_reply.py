"""An iTIP REPLY from the candidate's calendar sets their attendance and the timeline, once."""

import pytest
from django.utils import translation

from takt.core.models import AuditEvent, Interview
from takt.core.moving import move_interview
from takt.core.timeline import timeline_of
from takt.inbox.models import InboundMail
from takt.inbox.receive import receive
from tests.itip.shapes import apple, at, google, outlook

pytestmark = pytest.mark.django_db


def _fresh(interview: Interview) -> Interview:
    return Interview.objects.get(pk=interview.pk)


def _titles(interview: Interview, language: str) -> list[str]:
    with translation.override(language):
        return [entry.title for entry in timeline_of(interview)]


def test_a_google_accept_marks_the_candidate_accepted(invited):
    interview, _row = invited

    received = receive(google(interview, partstat="ACCEPTED"))

    assert received.mail.status == InboundMail.Status.READ
    assert received.mail.interview == interview
    assert _fresh(interview).calendar_answer == Interview.Attendance.ACCEPTED
    assert "Kandidaten tackade ja i sin kalender" in _titles(interview, "sv")
    assert "The candidate accepted in their calendar" in _titles(interview, "en")


def test_an_outlook_decline_without_organizer_marks_the_candidate_declined(invited):
    interview, _row = invited

    received = receive(outlook(interview, partstat="DECLINED", comment="Jag kan tyvärr inte."))

    assert received.mail.status == InboundMail.Status.READ
    assert _fresh(interview).calendar_answer == Interview.Attendance.DECLINED
    entry = AuditEvent.objects.get(interview=interview, verb="calendar.declined")
    assert entry.data["note"] == "Jag kan tyvärr inte."
    assert "Kandidaten tackade nej i sin kalender" in _titles(interview, "sv")


def test_an_apple_tentative_as_an_ics_attachment_marks_the_candidate_maybe(invited):
    interview, _row = invited

    receive(apple(interview, partstat="TENTATIVE"))

    assert _fresh(interview).calendar_answer == Interview.Attendance.TENTATIVE
    assert "The candidate answered maybe in their calendar" in _titles(interview, "en")


def test_the_interview_page_shows_the_answer_in_both_languages(invited, recruiter_client):
    interview, _row = invited
    receive(google(interview, partstat="ACCEPTED"))

    swedish = recruiter_client.get(interview.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv")
    english = recruiter_client.get(interview.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")

    assert "Tackat ja" in swedish.content.decode()
    assert "Kandidaten tackade ja i sin kalender" in swedish.content.decode()
    assert "In their calendar" in english.content.decode()
    assert "The candidate accepted in their calendar" in english.content.decode()


def test_the_same_reply_handed_over_twice_is_read_once(invited):
    interview, _row = invited
    raw = google(interview, partstat="ACCEPTED")

    first, second = receive(raw), receive(raw)

    assert (first.again, second.again) == (False, True)
    assert AuditEvent.objects.filter(interview=interview, verb="calendar.accepted").count() == 1


def test_a_reply_from_another_sender_is_kept_and_not_acted_on(invited):
    interview, _row = invited

    received = receive(google(interview, sender="Mallory <mallory@example.net>"))

    assert received.mail.status == InboundMail.Status.KEPT
    assert received.mail.why == InboundMail.Why.OTHER_SENDER
    assert _fresh(interview).calendar_answer == ""


def test_a_reply_for_another_attendee_is_kept_and_not_acted_on(invited):
    interview, _row = invited

    received = receive(google(interview, attendee="johan@norrsken.example"))

    assert received.mail.why == InboundMail.Why.OTHER_SENDER
    assert not AuditEvent.objects.filter(interview=interview, verb="calendar.accepted").exists()


def test_a_reply_for_an_unknown_uid_is_kept(invited):
    interview, _row = invited

    received = receive(google(interview, uid="someone-else@google.com"))

    assert received.mail.status == InboundMail.Status.KEPT
    assert received.mail.why == InboundMail.Why.UNKNOWN_INVITATION
    assert received.mail.interview is None


def test_a_reply_to_an_older_sequence_is_kept_and_not_acted_on(invited, team):
    interview, _row = invited
    moved = move_interview(interview, start=at(8, 10), end=at(8, 11), actor=team["recruiter"])

    received = receive(google(moved, partstat="DECLINED", sequence=moved.sequence - 1))

    assert received.mail.why == InboundMail.Why.OLD_SEQUENCE
    assert received.mail.interview == moved
    assert _fresh(moved).calendar_answer == ""


def test_an_answer_to_the_old_time_says_nothing_of_the_new_one(invited, team):
    interview, _row = invited
    receive(google(interview, partstat="ACCEPTED"))
    assert _fresh(interview).calendar_answer == Interview.Attendance.ACCEPTED

    moved = move_interview(interview, start=at(8, 10), end=at(8, 11), actor=team["recruiter"])

    assert _fresh(moved).calendar_answer == ""


def test_a_reply_with_no_answer_in_it_is_kept_for_a_person(invited):
    interview, _row = invited

    received = receive(google(interview, partstat="NEEDS-ACTION"))

    assert received.mail.why == InboundMail.Why.UNREADABLE


def test_a_written_reply_without_a_calendar_still_goes_the_words_way(invited):
    raw = (
        "From: Erik Lind <erik@example.se>\r\nTo: someone@example.org\r\n"
        "Subject: Hej\r\nMessage-ID: <plain-1@example.se>\r\n\r\nOnsdag kl. 13 går bra.\r\n"
    ).encode()

    received = receive(raw)

    assert received.mail.why == InboundMail.Why.NO_CHANGE
