"""The e-mail that carries an interview message and, when there is one, its invitation.

The layout is the one Gmail sends and Outlook, Apple Mail and Thunderbird
recognise (RFC 6047, iMIP):

    multipart/mixed
        multipart/alternative
            text/plain
            text/html
            text/calendar; method=REQUEST; charset="utf-8"   <- read as the invitation
        application/ics; name="invite.ics"                     <- for clients that only
                                                                  look at attachments

The calendar part's `method=` must equal the calendar's METHOD, or clients treat
a cancellation as something else.
"""

import re
from email import encoders
from email.charset import QP, Charset
from email.header import Header
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, parseaddr
from typing import cast

_METHOD_LINE = re.compile(rb"^METHOD:([A-Za-z-]+)\r?$", re.MULTILINE)

# Quoted-printable keeps the bodies readable in raw form and to spam filters.
_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP
_UTF8_QP.header_encoding = QP


def build_email(
    *,
    from_addr: str,
    to_addr: str,
    subject: str,
    text: str,
    html: str,
    calendar: bytes | None,
    method: str | None,
    message_id: str,
    headers: dict[str, str] | None = None,
) -> Message:
    """The message: text and HTML alternatives, plus the invitation when a calendar is given.

    Built with the classic `email.mime` classes: the worker sends one per
    recipient, and they flatten several times faster than `EmailMessage`,
    whose header objects are parsed again on every assignment. Read it back
    with `email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)`.
    """
    if calendar is None and method is not None:
        raise ValueError("method given without a calendar")
    inside = calendar_method(calendar) if calendar is not None else None
    if calendar is not None and (method is None or method.upper() != inside):
        raise ValueError(f"MIME method={method!r} must equal the calendar's METHOD:{inside}")

    alternative = MIMEMultipart("alternative")
    # MIMEText takes a Charset object too (the typing stubs only name str).
    alternative.attach(MIMEText(text, "plain", _UTF8_QP))  # type: ignore[arg-type]
    alternative.attach(MIMEText(html, "html", _UTF8_QP))  # type: ignore[arg-type]
    if calendar is None:
        message: Message = alternative
    else:
        message = MIMEMultipart("mixed")
        invitation = MIMEBase("text", "calendar", method=inside, charset="utf-8")
        invitation.set_payload(calendar)
        # base64 keeps the calendar's CRLF line ends and folded lines byte for byte.
        encoders.encode_base64(invitation)
        alternative.attach(invitation)
        message.attach(alternative)
        attachment = MIMEBase("application", "ics", name="invite.ics")
        attachment.set_payload(calendar)
        encoders.encode_base64(attachment)
        attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
        message.attach(attachment)

    message["From"] = _address(from_addr)
    message["To"] = _address(to_addr)
    message["Subject"] = _header("Subject", subject)
    message["Message-ID"] = message_id if message_id.startswith("<") else f"<{message_id}>"
    extra = dict(headers or {})
    message["Date"] = extra.pop("Date", "") or formatdate(usegmt=True)
    for name, value in extra.items():
        message[name] = _header(name, value)
    return message


def _header(name: str, value: str) -> str:
    # A Header object folds itself when flattened (knowing its name's length,
    # so no line passes 78 characters); the typing stubs only admit str.
    return value if value.isascii() else cast(str, Header(value, "utf-8", header_name=name))


def _address(value: str) -> str:
    """A display name in UTF-8 encoded for the header; the address itself stays as it is."""
    name, address = parseaddr(value)
    if not address:
        raise ValueError(f"not an e-mail address: {value!r}")
    return formataddr((name, address), charset="utf-8")


def calendar_method(calendar: bytes) -> str:
    """The METHOD of an iCalendar text, upper case; ValueError when it has none."""
    found = _METHOD_LINE.search(calendar)
    if found is None:
        raise ValueError("the calendar has no METHOD, so it is no invitation")
    return found.group(1).decode("ascii").upper()
