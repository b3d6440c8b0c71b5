"""A COUNTER ("propose a new time") is a proposal on the change page: accept it, or say no."""

import email
import email.policy
from email.message import EmailMessage
from email.utils import parseaddr

import pytest
from django.urls import reverse
from icalendar import Calendar

from takt.core.booking import DoubleBooking
from takt.core.models import AuditEvent, Change, Interview
from takt.hiring import calendar_answers, employer, receiving
from takt.inbox.models import InboundMail
from takt.inbox.receive import receive
from takt.outbox.invitation_address import organizer_address
from takt.outbox.models import Message
from takt.outbox.outgoing import OutboxEmail
from tests.itip.shapes import at, google, outlook

pytestmark = pytest.mark.django_db
FRIDAY_13 = (at(8, 13), at(8, 14))


def _sent(row: Message) -> tuple[EmailMessage, Calendar]:
    raw = OutboxEmail(row).message().as_bytes()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return message, Calendar.from_ical(part.get_content())


def _google_counter(interview: Interview, **extra) -> InboundMail:
    start, end = FRIDAY_13
    raw = google(
        interview,
        "COUNTER",
        partstat="TENTATIVE",
        start=start,
        end=end,
        comment="Torsdag krockar, fredag efter lunch går bra.",
        **extra,
    )
    return receive(raw).mail


def test_a_google_counter_opens_a_change_with_the_proposed_time(invited):
    interview, _row = invited

    mail = _google_counter(interview)

    assert mail.status == InboundMail.Status.READ
    change = Change.objects.get(interview=interview)
    assert (change.state, change.side) == (Change.State.DRAFT, "employer")
    assert mail.change == change
    counter = calendar_answers.pending_counter(interview, change)
    assert counter is not None
    assert (counter.start, counter.end) == FRIDAY_13
    assert counter.comment == "Torsdag krockar, fredag efter lunch går bra."


def test_the_proposal_is_offered_like_written_words_intersected_with_free_time(invited):
    interview, _row = invited
    _google_counter(interview)

    proposal = receiving.latest_proposal(interview, now=at(4, 10))

    assert proposal is not None
    assert proposal.reading["intent"] == "propose"
    assert proposal.slots == [FRIDAY_13]


def test_an_outlook_counter_in_a_windows_zone_attaches_to_the_open_change(invited, team):
    interview, _row = invited
    started = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    start, end = FRIDAY_13

    receive(outlook(interview, "COUNTER", partstat="TENTATIVE", start=start, end=end))

    assert Change.objects.filter(interview=interview).count() == 1
    counter = calendar_answers.pending_counter(interview, started)
    assert counter is not None
    # 13.00 in "W. Europe Standard Time" is 13.00 in Stockholm: 11.00 UTC in May.
    assert (counter.start, counter.end) == FRIDAY_13


def test_the_recruiter_is_told_with_a_link_to_answer(invited):
    interview, _row = invited
    mail = _google_counter(interview)

    told = Message.objects.get(kind__startswith="counter_", recipient_email="anna@norrsken.example")

    assert reverse("employer_counter", args=[interview.workspace_id, mail.change_id]) in told.text


def test_the_change_page_shows_the_proposal_with_one_click_each_way(invited, recruiter_client):
    interview, _row = invited
    mail = _google_counter(interview)
    url = reverse("employer_change", args=[interview.workspace_id, mail.change_id])

    swedish = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    english = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Erik Lind föreslår en ny tid i sin kalender" in swedish
    assert "Flytta intervjun till den här tiden" in swedish
    assert "Tacka nej till förslaget" in swedish
    assert "Move the interview to this time" in english
    assert "Decline the proposal" in english
    assert "Offer this time" in english  # the free-time one click of written proposals


def test_accepting_moves_the_interview_and_sends_the_request_with_sequence_up(
    invited, recruiter_client
):
    interview, _row = invited
    before = interview.sequence
    mail = _google_counter(interview)

    response = recruiter_client.post(
        reverse("employer_counter_accept", args=[interview.workspace_id, mail.change_id])
    )

    assert response.status_code == 302
    moved = Interview.objects.get(pk=interview.pk)
    assert (moved.start, moved.end) == FRIDAY_13
    assert moved.sequence == before + 1
    assert Change.objects.get(pk=mail.change_id).state == Change.State.AGREED
    row = Message.objects.get(kind__startswith="counter_accepted_")
    message, calendar = _sent(row)
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "REQUEST"
    assert event["UID"] == interview.uid
    assert event["SEQUENCE"] == before + 1
    assert event.decoded("DTSTART") == FRIDAY_13[0]
    assert parseaddr(str(message["From"]))[1] == organizer_address(interview)
    assert AuditEvent.objects.filter(interview=interview, verb="counter.accepted").exists()
    assert calendar_answers.pending_counter(moved) is None


def test_declining_sends_a_declinecounter_with_the_same_uid_and_sequence(invited, recruiter_client):
    interview, _row = invited
    mail = _google_counter(interview)

    recruiter_client.post(
        reverse("employer_counter_decline", args=[interview.workspace_id, mail.change_id])
    )

    kept = Interview.objects.get(pk=interview.pk)
    assert (kept.start, kept.sequence) == (interview.start, interview.sequence)
    row = Message.objects.get(kind__startswith="counter_declined_")
    assert row.ical_method == "DECLINECOUNTER"
    message, calendar = _sent(row)
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "DECLINECOUNTER"
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "DECLINECOUNTER"
    assert (event["UID"], event["SEQUENCE"]) == (interview.uid, interview.sequence)
    assert event["ATTENDEE"] == "mailto:erik@example.se"
    assert event["ORGANIZER"] == f"mailto:{organizer_address(interview)}"
    assert message["To"].addresses[0].addr_spec == "erik@example.se"
    assert "Tyvärr passar den tiden inte oss" in row.text
    # The change was opened for the proposal alone, so it goes with it.
    assert Change.objects.get(pk=mail.change_id).state == Change.State.WITHDRAWN
    assert receiving.latest_proposal(kept, now=at(4, 10)) is None


def test_declining_leaves_a_change_the_recruiter_started_open(invited, team):
    interview, _row = invited
    started = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    _google_counter(interview)

    calendar_answers.decline_counter(started, actor=team["recruiter"])

    assert Change.objects.get(pk=started.pk).state == Change.State.DRAFT


def test_a_counter_is_answered_once(invited, team):
    interview, _row = invited
    mail = _google_counter(interview)
    change = Change.objects.get(pk=mail.change_id)
    calendar_answers.decline_counter(change, actor=team["recruiter"])

    with pytest.raises(calendar_answers.NoCounter):
        calendar_answers.accept_counter(change, actor=team["recruiter"])


def test_a_time_taken_in_takt_meanwhile_is_refused_and_nothing_moves(invited, team, book_interview):
    interview, _row = invited
    mail = _google_counter(interview)
    other = book_interview(
        FRIDAY_13[0], FRIDAY_13[1], interviewers=[team["recruiter"]], counterpart=team["candidate"]
    )

    with pytest.raises(DoubleBooking):
        calendar_answers.accept_counter(
            Change.objects.get(pk=mail.change_id), actor=team["recruiter"]
        )

    assert Interview.objects.get(pk=interview.pk).start == interview.start
    assert other.start == FRIDAY_13[0]
    assert not Message.objects.filter(kind__startswith="counter_accepted_").exists()


def test_a_counter_to_an_older_sequence_is_kept_and_opens_nothing(invited):
    interview, _row = invited
    Interview.objects.filter(pk=interview.pk).update(sequence=interview.sequence + 1)

    mail = _google_counter(interview)

    assert mail.why == InboundMail.Why.OLD_SEQUENCE
    assert not Change.objects.filter(interview=interview).exists()


def test_a_counter_from_someone_else_opens_nothing(invited):
    interview, _row = invited

    mail = _google_counter(interview, sender="Mallory <mallory@example.net>")

    assert mail.why == InboundMail.Why.OTHER_SENDER
    assert not Change.objects.filter(interview=interview).exists()


def test_a_counter_on_a_sent_offer_is_answered_on_its_own_page(invited, team, recruiter_client):
    interview, _row = invited
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    employer.send_offer(
        change, [(at(d, 14), at(d, 15)) for d in (5, 6, 7)], actor=team["recruiter"]
    )
    mail = _google_counter(interview)
    assert mail.change_id == change.pk
    page = reverse("employer_counter", args=[interview.workspace_id, change.pk])

    shown = recruiter_client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    recruiter_client.post(
        reverse("employer_counter_accept", args=[interview.workspace_id, change.pk])
    )

    assert "Erik Lind proposes a new time from their calendar" in shown
    assert Interview.objects.get(pk=interview.pk).start == FRIDAY_13[0]
    assert Change.objects.get(pk=change.pk).state == Change.State.AGREED


def test_a_proposal_during_a_cancellation_cannot_move_the_interview(
    invited, team, recruiter_client
):
    interview, _row = invited
    calling_off = employer.start_cancel(
        interview,
        reason_category="other",
        reason_text="Tjänsten dras in.",
        emergency=False,
        actor=team["recruiter"],
    )
    mail = _google_counter(interview)
    assert mail.change == calling_off
    before = (interview.start, interview.end, interview.sequence)

    with pytest.raises(calendar_answers.CancelUnderway):
        calendar_answers.accept_counter(calling_off, actor=team["recruiter"])

    interview.refresh_from_db()
    calling_off.refresh_from_db()
    assert (interview.start, interview.end, interview.sequence) == before
    assert calling_off.state == Change.State.DRAFT
    page = recruiter_client.get(
        reverse("employer_counter", args=[interview.workspace_id, calling_off.pk]),
        HTTP_ACCEPT_LANGUAGE="sv",
    ).content.decode()
    assert "Du håller på att ställa in intervjun" in page
    assert "Flytta intervjun till den här tiden" not in page
