"""The replies page: where a person finds the mail Takt read, and the mail it kept."""

import re
from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse

from takt.core.models import Membership, Workspace
from takt.hiring import employer
from takt.inbox.models import InboundMail
from takt.inbox.receive import receive
from takt.outbox.models import Message
from takt.outbox.reply_address import reply_address

pytestmark = pytest.mark.django_db
DOMAIN = "svar.takt.example"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 5, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


@pytest.fixture
def asked(team, book) -> Message:
    """Erik was told his interview must move; the e-mail that told him."""
    interview = book()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = [(_at(day, 14), _at(day, 15)) for day in (5, 6, 7)]
    employer.send_offer(change, times, actor=team["recruiter"])
    return Message.objects.get(change=change, recipient_email="erik@example.se")


def _mail(row: Message, sender: str, words: str, message_id: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    with override_settings(TAKT_REPLY_DOMAIN=DOMAIN):
        mail["To"] = reply_address(row)
    mail["Subject"] = "Sv: " + row.subject
    mail["Message-ID"] = f"<{message_id}@mail.example>"
    mail.set_content(words)
    return mail.as_bytes()


def test_read_and_kept_mail_are_listed_with_why_in_both_languages(asked, recruiter_client):
    workspace = asked.workspace
    receive(_mail(asked, "Erik Lind <erik@example.se>", "Jag avstår, tack.", "read-1"))
    receive(_mail(asked, "Kollega <kollega@example.se>", "Erik är sjuk i dag.", "kept-1"))
    url = reverse("replies", args=[workspace.pk])

    swedish = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    english = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "kollega@example.se" in swedish and "erik@example.se" in swedish
    assert "Skickat av någon annan än kontaktpersonen" in swedish
    assert "Alla (2)" in swedish and "Sparat åt en människa (1)" in swedish
    assert "Sent by someone else than the counterpart" in english
    kept = recruiter_client.get(url + "?status=kept").content.decode()
    assert "kollega@example.se" in kept and "erik@example.se" not in kept


def test_a_kept_mail_shows_its_words_and_that_nothing_was_done(asked, recruiter_client):
    receive(_mail(asked, "kollega@example.se", "Erik är sjuk i dag.", "kept-2"))
    mail = InboundMail.objects.get()
    url = reverse("reply", args=[asked.workspace_id, mail.pk])

    page = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()

    assert mail.workspace_id == asked.workspace_id
    assert "Erik är sjuk i dag." in page
    assert "Takt sparade mejlet och gjorde ingenting med det" in page


def test_a_read_mail_says_what_takt_made_of_it(asked, recruiter_client):
    receive(_mail(asked, "erik@example.se", "Jag drar tillbaka min ansökan.", "read-2"))
    mail = InboundMail.objects.get()
    url = reverse("reply", args=[asked.workspace_id, mail.pk])

    english = recruiter_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert mail.status == InboundMail.Status.READ
    assert "What Takt read: Erik leaves the process" in english


def test_mail_that_matches_no_interview_is_on_no_workspace_page(asked, recruiter_client):
    stray = EmailMessage()
    stray["From"] = "someone@example.se"
    stray["To"] = f"reply+forged@{DOMAIN}"
    stray["Message-ID"] = "<stray@mail.example>"
    stray.set_content("Hej!")
    with override_settings(TAKT_REPLY_DOMAIN=DOMAIN):
        receive(stray.as_bytes())

    page = recruiter_client.get(reverse("replies", args=[asked.workspace_id])).content.decode()

    assert InboundMail.objects.get().workspace_id is None
    assert "someone@example.se" not in page


def test_another_workspaces_mail_is_a_404(asked, recruiter_client, make_user):
    receive(_mail(asked, "kollega@example.se", "Hej.", "kept-3"))
    mail = InboundMail.objects.get()
    other = Workspace.objects.create(name="Annan", kind="team")
    stranger = make_user("stranger")
    Membership.objects.create(workspace=other, user=stranger, role="owner")
    recruiter_client.force_login(stranger)

    assert recruiter_client.get(reverse("reply", args=[other.pk, mail.pk])).status_code == 404
    assert (
        recruiter_client.get(reverse("reply", args=[asked.workspace_id, mail.pk])).status_code
        == 404
    )


def test_the_next_page_keeps_the_status_filter(asked, recruiter_client):
    interview = asked.interview
    for number in range(51):
        InboundMail.objects.create(
            message_id=f"kept-{number}@mail.example",
            received_at=interview.start,
            sender=f"kollega{number}@example.se",
            interview=interview,
            status=InboundMail.Status.KEPT,
            why=InboundMail.Why.OTHER_SENDER,
        )
    url = reverse("replies", args=[asked.workspace_id])

    first = recruiter_client.get(url + "?status=kept").content.decode()
    older = re.search(r'href="(\?status=kept&amp;after=[^"]+)"', first)

    assert older is not None
    rest = recruiter_client.get(url + older.group(1).replace("&amp;", "&")).content.decode()
    assert rest.count("kollega") == 1
