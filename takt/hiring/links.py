"""Making and reading candidate links.

A token is 32 random bytes (secrets.token_urlsafe), so it cannot be guessed;
only its SHA-256 is stored, so a copy of the database gives no working links.
A link lives until the earliest of: its expiry (TAKT_LINK_EXPIRY_HOURS, by
default 14 days), its use, and any change to the interview (sequence bound).

The token of an e-mailed link is made by the worker as it sends the e-mail
(`link_for_message`, registered with outbox.links), bound to the interview's
sequence when the e-mail was queued: it never rests in the database or a file.
A resend (after a crash between the server's answer and the row marked sent, or
a failed message sent again) makes a new token for the same binding; the earlier
one stays live, since the recipient's mail client keeps whichever copy came
first (both carry one Message-ID). Both die together when the interview changes
(a picked time raises the sequence), when the next offer expires them, or at
their expiry.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from takt.core.models import Change, Interview
from takt.hiring.models import CandidateLink
from takt.outbox.models import Message

DEFAULT_EXPIRY_HOURS = 14 * 24


def expiry_hours() -> float:
    return float(getattr(settings, "TAKT_LINK_EXPIRY_HOURS", DEFAULT_EXPIRY_HOURS))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_link(
    interview: Interview, change: Change | None, *, now: datetime, sequence: int | None = None
) -> tuple[str, str]:
    """A link for the interview at `sequence` (as it stands now): (token, absolute URL)."""
    token = secrets.token_urlsafe(32)
    CandidateLink.objects.create(
        token_hash=hash_token(token),
        interview=interview,
        change=change,
        sequence=interview.sequence if sequence is None else sequence,
        created_at=now,
        expires_at=now + timedelta(hours=expiry_hours()),
    )
    return token, f"{settings.SITE_URL}{reverse('candidate_link', args=[token])}"


def link_for_message(message: Message) -> str:
    """The link an e-mail carries, made as it is sent: bound to what it was queued for."""
    interview = message.interview
    if interview is None or message.link_sequence is None:
        # A permanent failure: the message is not tried again (delivery.classify).
        raise ValueError("the interview this link was for is gone")
    _token, url = issue_link(
        interview, message.change, now=timezone.now(), sequence=message.link_sequence
    )
    return url


@dataclass(frozen=True)
class Opened:
    """A link looked up: `state` is "live", "expired", "used" or "changed"."""

    link: CandidateLink
    state: str

    @property
    def live(self) -> bool:
        return self.state == "live"


def open_link(token: str, *, now: datetime) -> Opened | None:
    """The link for this token and whether it may still act; None for an unknown token."""
    if not token or len(token) > 100:
        return None
    link = (
        CandidateLink.objects.select_related(
            "interview",
            "interview__counterpart",
            "interview__workspace",
            "interview__position",
            "change",
        )
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None:
        return None
    if link.used_at is not None:
        return Opened(link, "used")
    if link.interview.sequence != link.sequence:
        return Opened(link, "changed")
    if link.expires_at <= now:
        return Opened(link, "expired")
    return Opened(link, "live")
