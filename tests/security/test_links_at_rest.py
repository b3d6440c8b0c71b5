"""No working candidate link at rest: the row, the outbox page, the admin and .eml files.

The link is made by the worker as it hands the e-mail to the mail server; only
the server's copy holds it.
"""

import email.policy
import re
from email import message_from_bytes
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.hiring import employer
from takt.hiring.models import CandidateLink
from takt.outbox import links
from takt.outbox.delivery import deliver_due_messages
from takt.outbox.models import Message
from tests.servers import SmtpServer

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s<>\"]+(/c/[\w-]+/)")


def _offer(team: dict[str, Any], book: Any) -> Message:
    interview = book(hours_ahead=72)
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    message = employer.send_offer(change, times, actor=team["recruiter"])
    assert message is not None
    return message


@pytest.fixture
def sink(settings: Any, smtp_server: SmtpServer) -> SmtpServer:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 10},
        }
    }
    return smtp_server


def _paths(received: Any) -> tuple[list[str], str]:
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    return LINK.findall(text), html


def test_the_stored_message_holds_the_placeholder_and_no_link(team, book) -> None:
    message = _offer(team, book)
    message.refresh_from_db()
    for body in (message.text, message.html):
        assert links.PLACEHOLDER in body
        assert "/c/" not in body
    # Nothing to open either: no token exists before the e-mail is sent.
    assert not CandidateLink.objects.exists()


def test_the_email_at_the_mail_server_holds_a_link_that_opens_the_candidate_page(
    team, book, sink
) -> None:
    message = _offer(team, book)
    assert deliver_due_messages() == 1
    paths, html = _paths(sink.messages[0])
    assert len(paths) == 1 and links.PLACEHOLDER not in html
    assert re.search(rf'<a href="[^"]+{re.escape(paths[0])}">', html)
    page = Client().get(paths[0])
    assert page.status_code == 200 and 'name="alternative"' in page.content.decode()
    link = CandidateLink.objects.get()
    assert (link.interview_id, link.change_id, link.sequence) == (
        message.interview_id,
        message.change_id,
        message.link_sequence,
    )
    # The row as sent still holds only the placeholder.
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and "/c/" not in message.text + message.html


def test_the_outbox_page_and_the_admin_show_no_link_that_opens_anything(
    team, book, sink, recruiter_client, make_user
) -> None:
    message = _offer(team, book)
    deliver_due_messages()
    outbox = recruiter_client.get(reverse("outbox", args=[team["workspace"].pk]))
    admin_client = Client()
    admin_client.force_login(make_user("root", is_staff=True, is_superuser=True))
    admin = admin_client.get(reverse("admin:outbox_message_change", args=[message.pk]))
    for page in (outbox, admin):
        assert page.status_code == 200
        content = page.content.decode()
        assert "Erik" in content and not re.findall(r"/c/[\w-]{20,}", content)
        for token in re.findall(r"[\w-]{40,}", content):
            assert Client().get(f"/c/{token}/").status_code == 404


def test_the_eml_file_holds_no_working_link(team, book, settings, tmp_path) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "takt.outbox.backends.EmlFolderBackend",
            "OPTIONS": {"folder": str(tmp_path)},
        }
    }
    _offer(team, book)
    assert deliver_due_messages() == 1
    (eml,) = tmp_path.glob("*.eml")
    saved = message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    text = saved.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert links.PLACEHOLDER in text and "/c/" not in eml.read_text()
    assert not CandidateLink.objects.exists()


def test_a_resend_after_a_crash_makes_a_new_token_and_the_first_stays_live(
    team, book, sink
) -> None:
    message = _offer(team, book)
    deliver_due_messages()
    # The worker died after the server's 250, before the row was marked sent.
    Message.objects.filter(pk=message.pk).update(status=Message.Status.QUEUED)
    deliver_due_messages()
    first, second = (_paths(received)[0][0] for received in sink.messages)
    assert first != second
    assert sink.messages[0]["Message-ID"] == sink.messages[1]["Message-ID"]
    # The recipient's client keeps whichever copy came first, so both open the page.
    assert Client().get(first).status_code == 200
    assert Client().get(second).status_code == 200
