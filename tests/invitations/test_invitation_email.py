import email.policy
import smtplib
from email.message import EmailMessage, Message
from email.parser import BytesParser

import pytest
from icalendar import Calendar

from takt.outbox.invitation import build_invitation
from takt.outbox.mime import build_email, calendar_method
from tests.invitations.helpers import interview


def invitation_email(method: str = "REQUEST", sequence: int = 0) -> Message:
    calendar = build_invitation(interview(method=method, sequence=sequence))
    return build_email(
        from_addr="Anna Berg <anna@norrsken.example>",
        to_addr="Erik Lind <erik@example.se>",
        subject="Intervju måndag 30 mars kl. 10.00",
        text="Hej Erik!\n\nVälkommen på intervju.",
        html="<p>Hej Erik!</p><p>Välkommen på intervju.</p>",
        calendar=calendar,
        method=method,
        message_id="interview-8f3k2.request.0@takt.example",
    )


def reparsed(message: Message) -> EmailMessage:
    parsed = BytesParser(policy=email.policy.default).parsebytes(message.as_bytes())
    assert isinstance(parsed, EmailMessage)
    return parsed


def structure(message: EmailMessage) -> list[str]:
    return [part.get_content_type() for part in message.walk()]


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
def test_the_calendar_is_an_alternative_with_method_equal_to_its_method(method):
    message = reparsed(invitation_email(method))

    assert structure(message) == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/ics",
    ]
    alternative = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert alternative.get_param("method") == method
    assert alternative.get_content_charset() == "utf-8"
    assert Calendar.from_ical(alternative.get_content())["METHOD"] == method


def test_the_ics_is_also_attached_as_invite_ics():
    message = reparsed(invitation_email("CANCEL", sequence=2))
    attachment = next(p for p in message.walk() if p.get_content_type() == "application/ics")

    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_content_disposition() == "attachment"
    event = Calendar.from_ical(attachment.get_content()).walk("VEVENT")[0]
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 2


def test_the_calendar_bytes_arrive_unchanged_with_crlf():
    calendar = build_invitation(interview())
    message = reparsed(invitation_email())
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")

    assert part.get_payload(decode=True) == calendar


def test_headers_and_swedish_text_survive():
    message = reparsed(invitation_email())

    assert message["Message-ID"] == "<interview-8f3k2.request.0@takt.example>"
    assert message["Subject"] == "Intervju måndag 30 mars kl. 10.00"
    assert message["Date"]
    text = message.get_body(preferencelist=("plain",))
    assert text is not None and "Välkommen" in text.get_content()
    html = message.get_body(preferencelist=("html",))
    assert html is not None and "<p>Hej Erik!</p>" in html.get_content()


def test_extra_headers_are_added():
    message = build_email(
        from_addr="a@takt.example",
        to_addr="b@example.se",
        subject="Hej",
        text="Hej",
        html="<p>Hej</p>",
        calendar=None,
        method=None,
        message_id="<x@takt.example>",
        headers={"Auto-Submitted": "auto-generated", "Date": "Mon, 30 Mar 2026 08:00:00 +0000"},
    )

    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Date"] == "Mon, 30 Mar 2026 08:00:00 +0000"
    assert message["Message-ID"] == "<x@takt.example>"


def test_without_a_calendar_it_is_plain_alternative():
    message = build_email(
        from_addr="a@takt.example",
        to_addr="b@example.se",
        subject="Uppföljning",
        text="Tack",
        html="<p>Tack</p>",
        calendar=None,
        method=None,
        message_id="f@takt.example",
    )

    assert structure(reparsed(message)) == ["multipart/alternative", "text/plain", "text/html"]


def test_a_mime_method_that_differs_from_the_calendar_is_refused():
    # The bug that left cancellations in calendars: CANCEL data labelled as a REQUEST.
    with pytest.raises(ValueError, match="METHOD:CANCEL"):
        build_email(
            from_addr="a@takt.example",
            to_addr="b@example.se",
            subject="Inställd",
            text="Inställd",
            html="<p>Inställd</p>",
            calendar=build_invitation(interview(method="CANCEL")),
            method="REQUEST",
            message_id="c@takt.example",
        )


def test_calendar_method_reads_the_method_line():
    assert calendar_method(build_invitation(interview(method="CANCEL"))) == "CANCEL"
    with pytest.raises(ValueError):
        calendar_method(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")


def test_an_invitation_sent_over_smtp_arrives_whole(smtp_server):
    message = invitation_email("REQUEST", sequence=1)
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
        client.send_message(message, from_addr="bounces@takt.example")

    (received,) = smtp_server.messages
    assert received.rcpt_tos == ["erik@example.se"]
    assert received.mail_from == "bounces@takt.example"
    assert received["Message-ID"] == "<interview-8f3k2.request.0@takt.example>"
    part = next(p for p in received.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    event = Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
    assert event["UID"] == "interview-8f3k2@takt.example"
    assert event["SEQUENCE"] == 1


def test_the_smtp_fixture_refuses_temporarily_then_accepts(smtp_server):
    smtp_server.fail_next(2)
    message = invitation_email()
    codes = []
    for _ in range(3):
        with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
            try:
                client.send_message(message)
                codes.append(250)
            except smtplib.SMTPDataError as error:
                codes.append(error.smtp_code)

    assert codes == [451, 451, 250]
    assert len(smtp_server.messages) == 1
    assert smtp_server.attempts == 3


def test_the_smtp_fixture_refuses_a_recipient_for_good(smtp_server):
    smtp_server.refuse("erik@example.se")
    with (
        smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client,
        pytest.raises(smtplib.SMTPRecipientsRefused) as refused,
    ):
        client.send_message(invitation_email())

    assert refused.value.recipients["erik@example.se"][0] == 550
    assert smtp_server.messages == []


def test_long_swedish_headers_survive_the_trip_over_the_wire():
    subject = (
        "Intervjun för tjänsten som backendutvecklare på Norrsken AB tisdag 31 mars "
        "kl. 10.00 är tyvärr inställd – vi återkommer med nya tider"
    )
    message = build_email(
        from_addr="Anna Bergström <anna@norrsken.example>",
        to_addr="Örjan Åkesson-Lindqvist <orjan@example.se>",
        subject=subject,
        text="Hej Örjan!",
        html="<p>Hej Örjan!</p>",
        calendar=None,
        method=None,
        message_id="<x@takt>",
    )
    message.policy = email.policy.compat32.clone(linesep="\r\n")
    raw = message.as_bytes()
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n"))
    parsed = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert parsed["Subject"] == subject
    assert parsed["To"].addresses[0].display_name == "Örjan Åkesson-Lindqvist"
    assert parsed["From"].addresses[0].addr_spec == "anna@norrsken.example"
