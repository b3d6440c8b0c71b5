"""An outbox row as the e-mail Django's mailers send: our own MIME, our own Message-ID."""

import email.message
import email.policy
from datetime import UTC
from email.headerregistry import Address
from email.utils import format_datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.html import linebreaks

from takt.outbox import links
from takt.outbox.invitation_address import sender_for
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
            from_email=sender_of(row),
            to=[row.recipient_email],
            reply_to=[row.reply_to] if row.reply_to else None,
        )
        self.row = row
        self.filled: tuple[str, str] | None = None

    def message(  # type: ignore[override]
        self, *, policy: email.policy.Policy | None = None
    ) -> email.message.Message:
        # The candidate's link, if the message carries one, is made now, as a mailer sends
        # it, and lives only in this object and the mail server's copy (links.py).
        if self.filled is None:
            self.filled = links.filled(self.row)
            self.body = self.filled[0]
        # Built and flattened with the classic policy (see mime.py: it is the fast
        # one), with the CRLF line ends SMTP wants, whatever policy the mailer asks for.
        return self._build(_SMTP_COMPAT32, *self.filled)

    def at_rest(self) -> email.message.Message:
        """The message as stored, with the link's placeholder: for copies kept on disk."""
        return self._build(_SMTP_COMPAT32, self.row.text, self.row.html)

    def _build(self, policy: email.policy.Policy, text: str, html: str) -> email.message.Message:
        row = self.row
        headers = {"Date": format_datetime(row.created_at.astimezone(UTC), usegmt=True)}
        # A job seeker's own e-mail is answered to them; everything else comes back to
        # Takt through its reply address, when one is set up.
        if row.reply_to:
            headers["Reply-To"] = str(Address(addr_spec=row.reply_to))
        elif reply := reply_address(row):
            headers["Reply-To"] = reply
        built = build_email(
            from_addr=sender_of(row),
            to_addr=str(Address(display_name=row.recipient_name, addr_spec=row.recipient_email)),
            subject=row.subject,
            text=text,
            html=html or linebreaks(text, autoescape=True),
            calendar=row.ical.encode() if row.ical else None,
            method=(row.ical_method or None) if row.ical else None,
            message_id=row.message_id,
            # Dated when it was queued, so a resend after a crash carries the same
            # headers as the first copy, not only the same Message-ID.
            headers=headers,
        )
        built.policy = policy
        return built


def sender_of(row: Message) -> str:
    """Takt's own address; a relayed message says whose words it carries ("Sara Lind via Takt").

    An invitation comes from its ORGANIZER (the recruiter's name at Takt's address), as
    RFC 6047 expects and calendar clients check (invitation_address.py).
    """
    organizer = sender_for(row.ical)
    if organizer:
        return organizer
    return str(Address(display_name=row.from_name, addr_spec=settings.DEFAULT_FROM_EMAIL))
