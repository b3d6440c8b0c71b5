"""An outbox row as the e-mail Django's mailers send: our own MIME, our own Message-ID."""

import email.message
import email.policy
from datetime import UTC
from email.headerregistry import Address
from email.utils import format_datetime

from django.conf import settings
from django.core.mail import EmailMessage

from takt.outbox.mime import build_email
from takt.outbox.models import Message
from takt.outbox.reply_address import reply_address

_SMTP_COMPAT32 = email.policy.compat32.clone(linesep="\r\n")


class OutboxEmail(EmailMessage):
    """Hands a mailer the message `build_email` makes, not one Django assembles.

    Django's own EmailMessage would add a fresh Message-ID and lay the parts out
    its way; the invitation needs the iMIP layout and a resend needs the
    Message-ID the row was given when it was queued.
    """

    def __init__(self, row: Message) -> None:
        super().__init__(
            subject=row.subject,
            body=row.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[row.recipient_email],
        )
        self.row = row

    def message(  # type: ignore[override]
        self, *, policy: email.policy.Policy | None = None
    ) -> email.message.Message:
        # Built and flattened with the classic policy (see mime.py: it is the fast
        # one), with the CRLF line ends SMTP wants, whatever policy the mailer asks for.
        return self._build(_SMTP_COMPAT32)

    def _build(self, policy: email.policy.Policy) -> email.message.Message:
        row = self.row
        built = build_email(
            from_addr=settings.DEFAULT_FROM_EMAIL,
            to_addr=str(Address(display_name=row.recipient_name, addr_spec=row.recipient_email)),
            subject=row.subject,
            text=row.text,
            html=row.html or _html_from_text(row.text),
            calendar=row.ical.encode() if row.ical else None,
            method=(row.ical_method or None) if row.ical else None,
            message_id=row.message_id,
            # Dated when it was queued, so a resend after a crash carries the same
            # headers as the first copy, not only the same Message-ID.
            headers={
                "Date": format_datetime(row.created_at.astimezone(UTC), usegmt=True),
                **({"Reply-To": reply} if (reply := reply_address(row)) else {}),
            },
        )
        built.policy = policy
        return built


def _html_from_text(text: str) -> str:
    from django.utils.html import linebreaks

    return linebreaks(text, autoescape=True)
