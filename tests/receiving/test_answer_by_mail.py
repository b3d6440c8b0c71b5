"""A candidate answers a sent offer by e-mail: the recruiter books the time they took, or offers
other times, each with one click. Before, the sent offer stayed open and "offer new times"
only said a change was already in progress."""

from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from icalendar import Calendar

from takt.calendars.models import BusyTime, CalendarSource
from takt.core.models import Change, Event, Interview
from takt.core.rules import Blocked
from takt.hiring import answers, employer
from takt.inbox.receive import receive
from takt.outbox.models import Message
from takt.outbox.reply_address import reply_address

pytestmark = pytest.mark.django_db
DOMAIN = "svar.takt.example"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 5, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


@pytest.fixture
def offer(team, book) -> Message:
    """Erik was offered Tue 5, Wed 6 and Thu 7 May at 14.00; the e-mail that carried them."""
    interview = book()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = [(_at(day, 14), _at(day, 15)) for day in (5, 6, 7)]
    employer.send_offer(change, times, actor=team["recruiter"])
    return Message.objects.get(change=change, recipient_email="erik@example.se")


def _answer(row: Message, words: str, message_id: str = "answer") -> None:
    mail = EmailMessage()
    mail["From"] = "Erik Lind <erik@example.se>"
    with override_settings(TAKT_REPLY_DOMAIN=DOMAIN):
        mail["To"] = reply_address(row)
    mail["Subject"] = "Sv: " + row.subject
    mail["Message-ID"] = f"<{message_id}@mail.example>"
    mail.set_content(words)
    receive(mail.as_bytes())


def _sent_page(client, change: Change, lang: str = "sv") -> str:
    url = reverse("employer_change_sent", args=[change.interview.workspace_id, change.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def test_the_interview_page_leads_to_the_sent_offer(offer, recruiter_client):
    page = recruiter_client.get(
        offer.change.interview.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv"
    ).content.decode()

    assert reverse("employer_change_sent", args=[offer.workspace_id, offer.change_id]) in page
    assert "Ditt erbjudande är skickat" in page


def test_a_time_taken_by_mail_is_booked_with_one_click(offer, recruiter_client):
    change = offer.change
    sequence = change.interview.sequence
    _answer(offer, "Onsdag passar bra, tack!")

    page = _sent_page(recruiter_client, change)
    assert "Onsdag passar bra, tack!" in page
    assert "Boka onsdag 6 maj" in page

    url = reverse("employer_book_answer", args=[offer.workspace_id, change.pk])
    assert recruiter_client.post(url).status_code == 302

    interview = Interview.objects.get(pk=change.interview_id)
    change.refresh_from_db()
    assert (interview.start, interview.end) == (_at(6, 14), _at(6, 15))
    assert change.state == Change.State.AGREED
    assert interview.sequence > sequence
    confirmed = Message.objects.get(change=change, kind="time_confirmed")
    assert confirmed.recipient_email == "erik@example.se"
    sent = Calendar.from_ical(confirmed.ical)
    assert str(sent["METHOD"]) == "REQUEST"
    assert Event.objects.filter(kind="candidate.time_picked", interview=interview).exists()
    assert interview.audit.filter(verb="reply.booked").exists()


def test_a_time_taken_by_mail_is_not_booked_over_an_interviewers_calendar(
    team, offer, recruiter_client
):
    source = CalendarSource.objects.create(
        workspace=team["workspace"], owner=team["colleague"], kind="ics_file", name="Jobb"
    )
    BusyTime.objects.create(source=source, start=_at(6, 14), end=_at(6, 15))
    change = offer.change
    before = (change.interview.start, change.interview.end)
    _answer(offer, "Onsdag passar bra.")

    with pytest.raises(Blocked):
        answers.book_answered_time(change, actor=team["recruiter"])

    interview = Interview.objects.get(pk=change.interview_id)
    change.refresh_from_db()
    assert (interview.start, interview.end) == before
    assert change.state == Change.State.SENT
    assert "disabled" in _sent_page(recruiter_client, change)


def test_none_of_them_closes_the_offer_and_a_new_one_offers_their_own_time(offer, recruiter_client):
    change = offer.change
    _answer(offer, "Tyvärr passar ingen av dem. Jag kan fredag efter lunch.")

    page = _sent_page(recruiter_client, change)
    assert "Boka" not in page
    assert "Erik kan fredag 8 maj" in page

    url = reverse("employer_offer_again", args=[offer.workspace_id, change.pk])
    moved_on = recruiter_client.post(url)

    change.refresh_from_db()
    assert change.state == Change.State.DECLINED
    fresh = Change.objects.get(interview=change.interview, state=Change.State.DRAFT)
    assert fresh.reason_text == "Krock."
    assert moved_on["Location"] == reverse("employer_change", args=[offer.workspace_id, fresh.pk])
    new_page = recruiter_client.get(moved_on["Location"]).content.decode()
    assert "Erbjud den här tiden" in new_page


def test_an_unanswered_offer_is_replaced_as_withdrawn(offer, recruiter_client):
    change = offer.change

    english = _sent_page(recruiter_client, change, "en")
    recruiter_client.post(reverse("employer_offer_again", args=[offer.workspace_id, change.pk]))

    assert "No answer by e-mail yet." in english
    change.refresh_from_db()
    assert change.state == Change.State.WITHDRAWN
    assert Change.objects.filter(interview=change.interview, state=Change.State.DRAFT).exists()
    assert change.interview.audit.filter(verb="change.replaced").exists()
