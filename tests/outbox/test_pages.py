"""The outbox page, a message's page, sending a failed message again, and the .ics download."""

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from takt.core.models import AuditEvent
from takt.outbox.delivery import deliver_due_messages
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(team) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(team["recruiter"])
    return client


def test_it_lists_sent_and_failed_messages_and_filters_by_status(
    mail_server, queue, team, client_for
) -> None:
    mail_server.refuse("nobody@example.se", "550 5.1.1 No such user here")
    queue(2)
    queue(1, email="nobody@example.se", tag="bad")
    deliver_due_messages()
    url = reverse("outbox", args=[team["workspace"].pk])

    everything = client_for.get(url).content.decode()
    failed = client_for.get(url, {"status": "failed"}).content.decode()

    assert everything.count("Intervju 0") == 2 and "Intervju 1" in everything
    assert failed.count("Intervju 0") == 1
    assert "Intervju 1" not in failed
    assert "550 5.1.1 No such user here" in failed


def test_a_failed_message_shows_the_answer_and_can_be_sent_again(
    mail_server, queue, team, client_for
) -> None:
    mail_server.refuse("nobody@example.se", "550 5.1.1 No such user here")
    [message] = queue(1, email="nobody@example.se")
    deliver_due_messages()
    page_url = reverse("outbox_message", args=[team["workspace"].pk, message.pk])
    page = client_for.get(page_url)
    body = page.content.decode()
    assert "550 5.1.1 No such user here" in body
    assert message.message_id.replace("<", "&lt;").replace(">", "&gt;") in body
    again_url = reverse("outbox_send_again", args=[team["workspace"].pk, message.pk])

    assert client_for.post(again_url).status_code == 403  # no CSRF token, nothing changes
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED

    mail_server._refused.clear()  # the address was fixed at the other end
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or client_for.cookies["csrftoken"].value
    response = client_for.post(again_url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.QUEUED
    assert message.attempts == 0

    assert deliver_due_messages() == 1
    [arrived] = mail_server.messages
    assert arrived["Message-ID"] == message.message_id
    assert AuditEvent.objects.filter(verb="message.queued", data__again=True).count() == 1


def test_send_again_refuses_get_and_a_message_that_did_not_fail(
    mail_server, queue, team, client_for
) -> None:
    [message] = queue(1)
    deliver_due_messages()
    url = reverse("outbox_send_again", args=[team["workspace"].pk, message.pk])
    assert client_for.get(url).status_code == 405
    client = Client()
    client.force_login(team["recruiter"])
    client.post(url)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert len(mail_server.messages) == 1


def test_the_outbox_shows_the_eml_files_of_the_built_in_mailer(
    settings, tmp_path, queue, team, client_for
) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "takt.outbox.backends.EmlFolderBackend",
            "OPTIONS": {"folder": str(tmp_path)},
        }
    }
    [message] = queue(1)
    deliver_due_messages()
    listing = client_for.get(reverse("outbox", args=[team["workspace"].pk])).content.decode()
    assert str(tmp_path) in listing
    detail_url = reverse("outbox_message", args=[team["workspace"].pk, message.pk])
    eml_url = reverse("outbox_eml", args=[team["workspace"].pk, message.pk])
    assert eml_url in client_for.get(detail_url).content.decode()
    download = client_for.get(eml_url)
    assert download["Content-Type"] == "message/rfc822"
    assert f"Message-ID: {message.message_id}".encode() in b"".join(download.streaming_content)


def test_the_subnav_links_to_the_outbox(team, client_for) -> None:
    page = client_for.get(reverse("dashboard", args=[team["workspace"].pk])).content.decode()
    assert reverse("outbox", args=[team["workspace"].pk]) in page


def test_an_interview_downloads_as_a_published_ics(team, interview, client_for) -> None:
    url = reverse("interview_ics", args=[team["workspace"].pk, interview.pk])
    response = client_for.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == interview.uid
    assert int(event["SEQUENCE"]) == interview.sequence
    assert event.decoded("DTSTART") == interview.start
    assert str(event["STATUS"]) == "CONFIRMED"


def test_a_cancelled_interview_downloads_as_cancelled(team, interview, client_for) -> None:
    from takt.core.cancelling import cancel_interview

    cancel_interview(interview, actor=team["recruiter"])
    interview.refresh_from_db()
    response = client_for.get(reverse("interview_ics", args=[team["workspace"].pk, interview.pk]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == interview.uid
    assert int(event["SEQUENCE"]) == interview.sequence == 1


def test_the_failed_message_page_reads_in_swedish(mail_server, queue, team, client_for) -> None:
    mail_server.refuse("nobody@example.se", "550 5.1.1 No such user here")
    [message] = queue(1, email="nobody@example.se")
    deliver_due_messages()
    url = reverse("outbox_message", args=[team["workspace"].pk, message.pk])
    page = client_for.get(url, headers={"accept-language": "sv"}).content.decode()
    assert "Meddelandet kunde inte levereras" in page
    assert "Skicka igen" in page
