"""An answer by e-mail, read by `takt receive`, is posted as candidate.reply_received."""

from email.message import EmailMessage

import pytest
from django.utils import timezone

from takt.core.models import Event
from takt.hiring import employer
from takt.inbox.receive import receive
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


def test_a_reply_by_e_mail_writes_candidate_reply_received(team, book) -> None:
    interview = book()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"], acknowledged=["notice.short"])
    sent = Message.objects.get(change=change, recipient_email="erik@example.se")
    mail = EmailMessage()
    mail["From"] = "Erik Lind <erik@example.se>"
    mail["To"] = "anna@norrsken.example"
    mail["Subject"] = "Re: Ny tid"
    mail["Message-ID"] = "<erik-1@example.se>"
    mail["In-Reply-To"] = sent.message_id
    mail.set_content("Tyvärr passar ingen av dem. Jag kan fredag efter lunch.")
    receive(bytes(mail))
    event = Event.objects.get(kind="candidate.reply_received")
    assert event.data["channel"] == "email" and event.data["change_id"] == change.pk
    assert event.data["note"].startswith("Tyvärr passar ingen av dem")
    assert event.data["reading"]["intent"] == "propose"
