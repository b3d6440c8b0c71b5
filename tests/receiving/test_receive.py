"""`takt receive`: real-world shaped replies find their change, are read once, or are kept."""

import base64
import io
import quopri
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import override_settings

from takt.core.models import AuditEvent
from takt.hiring import employer, receiving
from takt.inbox.models import InboundMail
from takt.inbox.receive import receive
from takt.outbox.models import Message
from takt.outbox.outgoing import OutboxEmail
from takt.outbox.reply_address import reply_address

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")
DOMAIN = "svar.takt.example"


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 5, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


@pytest.fixture
def offer(team, book) -> Message:
    """Erik is offered Tue 5, Wed 6 and Thu 7 May at 14.00; the e-mail that carried them."""
    interview = book()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = [(_at(d, 14), _at(d, 15)) for d in (5, 6, 7)]
    employer.send_offer(change, times, actor=team["recruiter"])
    return Message.objects.get(change=change, recipient_email="erik@example.se")


def _token_address(row: Message) -> str:
    with override_settings(TAKT_REPLY_DOMAIN=DOMAIN):
        return reply_address(row)


def _gmail(to: str, words: str, *, message_id: str = "CAGmail-1@mail.gmail.com") -> bytes:
    """Gmail: multipart/alternative, quoted-printable UTF-8, the Swedish 'skrev:' quote."""
    plain = (
        f"{words}\n\nMvh Erik\n\n"
        "Den mån 4 maj 2026 kl 10:12 skrev Anna Berg <anna@norrsken.example>:\n\n"
        "> Hej Erik! Passar tisdag 5 maj kl. 14.00?\n"
    )
    html = (
        f'<div dir="ltr">{words}<div><br></div><div>Mvh Erik</div></div><br>'
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Den mån 4 maj 2026 kl 10:12 '
        "skrev Anna Berg &lt;anna@norrsken.example&gt;:<br></div>"
        '<blockquote class="gmail_quote">Hej Erik! Passar tisdag 5 maj kl. 14.00?'
        "</blockquote></div>"
    )
    qp = quopri.encodestring(plain.encode()).decode()
    qh = quopri.encodestring(html.encode()).decode()
    return (
        "From: Erik Lind <erik@example.se>\r\n"
        f"To: {to}\r\n"
        "Subject: Re: Nya tider för intervjun\r\n"
        "Date: Mon, 4 May 2026 10:30:00 +0200\r\n"
        f"Message-ID: <{message_id}>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="000000000000abc"\r\n\r\n'
        "--000000000000abc\r\n"
        'Content-Type: text/plain; charset="UTF-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{qp}\r\n"
        "--000000000000abc\r\n"
        'Content-Type: text/html; charset="UTF-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{qh}\r\n"
        "--000000000000abc--\r\n"
    ).encode()


def _outlook_html_only(to: str, words: str) -> bytes:
    """Outlook: HTML only, base64, windows-1252, the 'From: … Sent: …' header block."""
    html = (
        "<html><head><style>p{margin:0}</style></head><body>"
        f'<div style="font-family:Calibri">{words}</div><div>Kind regards,<br>Erik</div>'
        '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">'
        "<b>From:</b> Anna Berg &lt;anna@norrsken.example&gt;<br><b>Sent:</b> Monday, May 4, "
        "2026 10:12 AM<br><b>To:</b> Erik Lind<br><b>Subject:</b> New times</div>"
        "<div>Could you do Tuesday 5 May at 14:00? Björn will join.</div></body></html>"
    )
    body = base64.encodebytes(html.encode("cp1252")).decode()
    return (
        "From: =?windows-1252?Q?Erik_Lind?= <Erik@Example.se>\r\n"
        f"To: {to}\r\n"
        "Subject: RE: New times\r\n"
        "Date: Mon, 4 May 2026 08:40:00 +0000\r\n"
        "Message-ID: <AM0PR01MB1234@outlook.example>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/html; charset="windows-1252"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def _apple_mail(in_reply_to: str, words: str) -> bytes:
    """Apple Mail: plain, ISO-8859-1 quoted-printable, 'On … wrote:', threaded only by headers."""
    plain = (
        f"{words}\n\nErik\n\n"
        "On 4 May 2026, at 10:12, Anna Berg <anna@norrsken.example> wrote:\n\n"
        "> Would Tuesday at 14:00 work? Otherwise Friday after lunch.\n"
    )
    body = quopri.encodestring(plain.encode("iso-8859-1")).decode()
    return (
        "From: Erik Lind <erik@example.se>\r\n"
        "To: Anna Berg <noreply@takt.example>\r\n"
        "Subject: Re: New times\r\n"
        "Date: Mon, 4 May 2026 10:45:00 +0200\r\n"
        "Message-ID: <5E1A-APPLE@example.se>\r\n"
        f"In-Reply-To: {in_reply_to}\r\n"
        f"References: <older@takt.example> {in_reply_to}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=iso-8859-1\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def _reading(mail: InboundMail) -> dict:
    mail.refresh_from_db()
    return mail.reading


def test_every_message_carries_a_reply_address_that_leads_back(offer) -> None:
    with override_settings(TAKT_REPLY_DOMAIN=DOMAIN):
        built = OutboxEmail(offer).message()
    assert built["Reply-To"] == _token_address(offer)
    assert built["Reply-To"].startswith(f"reply+{offer.pk}.")
    assert built["Reply-To"].endswith(f"@{DOMAIN}")
    # Without a reply domain nothing changes.
    assert OutboxEmail(offer).message()["Reply-To"] is None


def test_a_gmail_reply_with_other_times_reaches_the_change_page(offer) -> None:
    got = receive(
        _gmail(_token_address(offer), "Tyvärr passar ingen av dem. Jag kan fredag efter lunch.")
    )
    assert got.mail.status == InboundMail.Status.READ
    assert got.mail.change_id == offer.change_id
    reading = _reading(got.mail)
    assert reading["intent"] == "propose"
    assert reading["windows"] == [{"start": _at(8, 13).isoformat(), "end": _at(8, 17).isoformat()}]
    event = AuditEvent.objects.get(verb="reply.read")
    assert event.data["channel"] == "email"
    assert "skrev" not in event.data["note"] and "> " not in event.data["note"]
    proposal = receiving.latest_proposal(offer.interview, now=_at(4, 11))
    assert proposal is not None and proposal.slots[0] == (_at(8, 13), _at(8, 14))


def test_an_outlook_html_only_reply_in_windows_1252_is_read(offer) -> None:
    got = receive(_outlook_html_only(_token_address(offer), "The second option works for me."))
    assert got.mail.status == InboundMail.Status.READ  # the sender's case does not matter
    reading = _reading(got.mail)
    assert reading["intent"] == "accept" and reading["chosen"] == 1
    assert reading["chosen_start"] == _at(6, 14).isoformat()
    assert "Björn" in got.mail.text  # the quoted part was decoded too, then left out by the reader


def test_an_apple_mail_reply_is_found_by_its_thread(offer) -> None:
    thread = f"<{offer.message_id.strip('<>')}>"
    got = receive(_apple_mail(thread, "Thursday 7 May at 2pm is fine."))
    assert got.mail.change_id == offer.change_id
    reading = _reading(got.mail)
    assert reading["intent"] == "accept" and reading["chosen"] == 2


def test_a_mail_read_twice_is_read_once(offer) -> None:
    raw = _gmail(_token_address(offer), "Fredag efter lunch passar.")
    first, second = receive(raw), receive(raw)
    assert not first.again and second.again
    assert InboundMail.objects.count() == 1
    assert AuditEvent.objects.filter(verb="reply.read").count() == 1


def test_mail_from_another_address_is_kept_and_not_acted_on(offer) -> None:
    raw = _gmail(_token_address(offer), "Fredag efter lunch passar.").replace(
        b"erik@example.se", b"someone@elsewhere.example"
    )
    got = receive(raw)
    assert got.mail.status == InboundMail.Status.KEPT
    assert got.mail.why == InboundMail.Why.OTHER_SENDER
    assert got.mail.reading == {}
    assert not AuditEvent.objects.filter(verb="reply.read").exists()


def test_mail_that_matches_no_change_is_kept(offer) -> None:
    forged = _token_address(offer).replace(f"reply+{offer.pk}.", f"reply+{offer.pk + 1}.")
    for raw in (
        _gmail(forged, "Fredag passar.", message_id="forged@x"),
        _gmail("hello@takt.example", "Fredag passar.", message_id="stray@x"),
        _apple_mail("<unknown@elsewhere>", "Friday is fine."),
    ):
        got = receive(raw)
        assert got.mail.status == InboundMail.Status.KEPT
        assert got.mail.why == InboundMail.Why.NO_CHANGE
        assert got.mail.change is None
    assert not AuditEvent.objects.filter(verb="reply.read").exists()


def test_takt_receive_reads_standard_input(offer, monkeypatch, capsys) -> None:
    raw = _gmail(_token_address(offer), "Jag kan fredag efter lunch.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    call_command("receive")
    assert "read propose" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    call_command("receive")
    assert "already read" in capsys.readouterr().out


def test_an_emailed_reply_and_its_reading_stay_on_the_timeline(offer, recruiter_client) -> None:
    receive(_gmail(_token_address(offer), "Jag kan fredag efter lunch."))
    page = recruiter_client.get(offer.interview.get_absolute_url()).content.decode()
    assert "Svar läst" in page
    assert "Erik kan fredag 8 maj kl. 13.00–17.00" in page
    assert "skrev Anna Berg" not in page
