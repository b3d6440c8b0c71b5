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
from email.message import EmailMessage
from email.utils import formatdate

_METHOD_LINE = re.compile(rb"^METHOD:([A-Za-z-]+)\r?$", re.MULTILINE)


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
) -> EmailMessage:
    """The message: text and HTML alternatives, plus the invitation when a calendar is given."""
    message = EmailMessage()
    message["From"] = from_addr
    message["To"] = to_addr
    message["Subject"] = subject
    message["Message-ID"] = message_id if message_id.startswith("<") else f"<{message_id}>"
    extra = dict(headers or {})
    message["Date"] = extra.pop("Date", None) or formatdate(usegmt=True)
    for name, value in extra.items():
        message[name] = value

    # Quoted-printable keeps the bodies readable in raw form and to spam filters.
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if calendar is None:
        if method is not None:
            raise ValueError("method given without a calendar")
        return message

    inside = calendar_method(calendar)
    if method is None or method.upper() != inside:
        raise ValueError(f"MIME method={method!r} must equal the calendar's METHOD:{inside}")
    # base64 keeps the calendar's CRLF line ends and folded lines byte for byte.
    message.add_alternative(
        calendar,
        maintype="text",
        subtype="calendar",
        params={"method": inside, "charset": "utf-8"},
        cte="base64",
    )
    message.add_attachment(
        calendar,
        maintype="application",
        subtype="ics",
        filename="invite.ics",
        params={"name": "invite.ics"},
        cte="base64",
    )
    return message


def calendar_method(calendar: bytes) -> str:
    """The METHOD of an iCalendar text, upper case; ValueError when it has none."""
    found = _METHOD_LINE.search(calendar)
    if found is None:
        raise ValueError("the calendar has no METHOD, so it is no invitation")
    return found.group(1).decode("ascii").upper()
