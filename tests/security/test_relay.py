"""A job seeker's e-mail through Takt: to the interview's contact only, framed, limited per day."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from takt.core.models import Change, Membership, Person, Workspace
from takt.core.rules import Blocked, Unacknowledged
from takt.core.schedule import schedule_interview
from takt.outbox.delivery import deliver_due_messages
from takt.outbox.models import Message
from takt.outbox.services import Relayed, queue_message
from takt.seeker import services as verbs
from tests.servers import SmtpServer

pytestmark = pytest.mark.django_db
WORDS = "Hej Anna!\n\nJag har tackat ja till ett annat erbjudande. Tack för att ni ville ses."


@pytest.fixture
def seeker(make_user) -> dict[str, Any]:
    user = make_user("sara", first_name="Sara", last_name="Lind", email="sara@example.se")
    workspace = Workspace.objects.create(name="Saras jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    contact = Person.objects.create(
        workspace=workspace, name="Anna Berg", email="anna@norrsken.example", language="sv"
    )
    start = (timezone.now() + timedelta(days=5)).replace(minute=0, second=0, microsecond=0)
    interview = schedule_interview(
        workspace=workspace,
        counterpart=contact,
        start=start,
        end=start + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[user],
        actor=user,
        company="Norrsken AB",
        role="backendutvecklare",
    )
    return {"user": user, "interview": interview, "workspace": workspace}


@pytest.fixture
def sink(settings: Any, smtp_server: SmtpServer) -> SmtpServer:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 10},
        }
    }
    return smtp_server


def _cancel_by_email(seeker: dict[str, Any], subject: str = "Min intervju") -> None:
    change = verbs.save_reason(
        seeker["interview"],
        kind=Change.Kind.CANCEL,
        actor=seeker["user"],
        reason_category="other_offer",
        reason_text="Jag har tackat ja till ett annat erbjudande.",
    )

    def send(acknowledged: list[str]) -> None:
        verbs.send_cancellation(
            change,
            actor=seeker["user"],
            channel="email",
            outcome="sent",
            subject=subject,
            text=WORDS,
            through_takt=True,
            acknowledged=acknowledged,
        )

    try:
        send([])
    except Unacknowledged as waiting:
        send(waiting.rules)


def test_the_relayed_email_says_who_sent_it_and_answers_go_to_them(seeker, sink) -> None:
    _cancel_by_email(seeker, subject="URGENT: wire the money\r\nBcc: everyone@example.com")
    assert deliver_due_messages() == 1
    (received,) = sink.messages
    assert received.rcpt_tos == ["anna@norrsken.example"]  # the interview's contact, no one else
    assert received["From"].addresses[0].display_name == "Sara Lind via Takt"
    assert received["From"].addresses[0].addr_spec == "takt@localhost"
    assert received["Reply-To"].addresses[0].addr_spec == "sara@example.se"
    # Takt's subject, in the contact's language; the person's subject is not sent.
    assert received["Subject"] == "backendutvecklare · Norrsken AB: ett meddelande från Sara Lind"
    assert "Bcc" not in received
    text = received.get_body(("plain",)).get_content().replace("\r\n", "\n")
    intro, words, outro = text.split("\n---\n")
    assert "Sara Lind skickar dig det här meddelandet genom Takt" in intro
    assert words.strip() == WORDS
    assert "Skickat genom Takt för Sara Lind (sara@example.se)" in outro


def test_the_daily_limit_per_user_refuses_the_next_one_and_writes_nothing(seeker, settings) -> None:
    settings.TAKT_RELAY_DAILY_LIMIT = 2
    relayed = Relayed("Sara Lind via Takt", "sara@example.se", seeker["user"])
    for number in range(2):
        queue_message(
            workspace=seeker["workspace"],
            kind="candidate_followup",
            recipient_name="Anna Berg",
            recipient_email="anna@norrsken.example",
            language="sv",
            subject="x",
            text="x",
            key=f"earlier-{number}",
            relayed_for=relayed,
        )
    before = Message.objects.count()
    with pytest.raises(Blocked) as refused:
        _cancel_by_email(seeker)
    assert [f.rule for f in refused.value.blocking] == ["relay.daily_limit"]
    assert "2" in refused.value.blocking[0].message
    assert Message.objects.count() == before
    seeker["interview"].refresh_from_db()
    assert seeker["interview"].status == "scheduled"
    # A day later the earlier ones no longer count.
    Message.objects.update(created_at=timezone.now() - timedelta(hours=25))
    _cancel_by_email(seeker)
    assert Message.objects.count() == before + 1


def test_without_an_own_address_nothing_is_relayed(seeker) -> None:
    seeker["user"].email = ""
    seeker["user"].save()
    with pytest.raises(Blocked) as refused:
        _cancel_by_email(seeker)
    assert [f.rule for f in refused.value.blocking] == ["relay.no_address"]
    assert not Message.objects.exists()
