"""`takt receive`: one mail on standard input, read once, tied to its change or kept for a person.

The change is found by the signed token in the address the mail was sent to
(the Reply-To Takt set), else by In-Reply-To/References naming a message Takt
sent. A mail that matches no change, or comes from another address than the
change's counterpart, is kept and never acted on. Reading never books: the
reading goes on the interview's timeline and the change page, and a person
confirms. The row and the timeline entry commit together, and the Message-ID
is unique, so a mail handed over twice (or again after a crash) is read once.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from takt.core import audit, events
from takt.core.models import Change, Side
from takt.hiring.receiving import first_name, read_words
from takt.inbox import itip
from takt.inbox.mail_text import parse, words_of
from takt.inbox.models import InboundMail
from takt.outbox.models import Message
from takt.outbox.reply_address import row_for
from takt.replies.own_words import own_words

RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


@dataclass(frozen=True)
class Received:
    mail: InboundMail
    again: bool  # True: this mail was read before, nothing was done now


def receive(raw: bytes, *, now: datetime | None = None) -> Received:
    """Read one RFC 822 mail; the row says what became of it."""
    message = parse(raw)
    identity = _identity(message, raw)
    known = InboundMail.objects.filter(message_id=identity).first()
    if known is not None:
        return Received(known, again=True)
    try:
        with transaction.atomic():
            return Received(_take(message, raw, identity, now or timezone.now()), again=False)
    except IntegrityError:
        # Another process took the same mail a moment ago.
        return Received(InboundMail.objects.get(message_id=identity), again=True)


def keep_broken(raw: bytes, *, now: datetime | None = None) -> InboundMail:
    """A mail whose reading failed for a reason of its own: kept for a person, never read again.

    Best effort on the headers, since the mail may be what broke the reading.
    """
    try:
        message = parse(raw)
        identity = _identity(message, raw)
        sender = parseaddr(str(message.get("From", "")))[1].lower()[:320]
        subject = str(message.get("Subject", ""))[:500]
    except Exception:
        identity, sender, subject = "sha256:" + hashlib.sha256(raw).hexdigest(), "", ""
    mail, _created = InboundMail.objects.get_or_create(
        message_id=identity,
        defaults={
            "received_at": now or timezone.now(),
            "sender": sender,
            "subject": subject,
            "raw": raw.decode("utf-8", "replace")[:1_000_000],
            "status": InboundMail.Status.KEPT,
            "why": InboundMail.Why.BROKEN,
        },
    )
    return mail


def _take(message: EmailMessage, raw: bytes, identity: str, now: datetime) -> InboundMail:
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    row = _answered(message)
    mail = InboundMail(
        message_id=identity,
        received_at=_written_at(message, now),
        sender=sender[:320],
        subject=str(message.get("Subject", ""))[:500],
        text=words_of(message)[:100_000],
        raw=raw.decode("utf-8", "replace")[:1_000_000],
        status=InboundMail.Status.KEPT,
    )
    # A calendar's answer (iTIP REPLY or COUNTER) goes by its UID, not by the words.
    answer = itip.answer_in(message)
    if answer is not None:
        return itip.take(mail, message, answer, sender)
    change = row.change if row is not None else None
    if change is None:
        mail.why = InboundMail.Why.NO_CHANGE
        mail.save()
        return mail
    interview = change.interview
    mail.interview, mail.change = interview, change
    if not sender or sender != interview.counterpart.email.strip().lower():
        mail.why = InboundMail.Why.OTHER_SENDER
    elif not mail.text.strip():
        mail.why = InboundMail.Why.NO_WORDS
    if mail.why:
        mail.save()
        return mail
    mail.reading = read_words(interview, mail.text, now=mail.received_at, offered=_offered(change))
    mail.status = InboundMail.Status.READ
    mail.save()
    audit.record(
        "reply.read",
        workspace=interview.workspace,
        interview=interview,
        actor_label="e-mail",
        change=change.pk,
        channel="email",
        note=own_words(mail.text)[:2000],
        reading=mail.reading,
        writer=first_name(interview),
    )
    events.about_interview(
        "candidate.reply_received",
        interview,
        channel="email",
        change_id=change.pk,
        note=own_words(mail.text)[:2000],
        reading=mail.reading,
    )
    return mail


def _answered(message: EmailMessage) -> Message | None:
    """The message Takt sent that this mail answers: the reply token first, then the thread."""
    to = ", ".join(
        addr
        for _name, addr in getaddresses(
            [str(v) for h in RECIPIENT_HEADERS for v in message.get_all(h, [])]
        )
    )
    row = row_for(to)
    if row is not None:
        return row
    thread = " ".join(str(message.get(h, "")) for h in ("In-Reply-To", "References"))
    ids = _MESSAGE_ID.findall(thread)
    if not ids:
        return None
    wanted = ids + [f"<{i}>" for i in ids]
    found = Message.objects.filter(message_id__in=wanted).select_related("change")
    by_id = {m.message_id.strip("<>"): m for m in found}
    # In-Reply-To comes first; References lists the thread oldest first, so the newest wins.
    for candidate in [ids[0], *reversed(ids[1:])]:
        if candidate in by_id:
            return by_id[candidate]
    return None


def _offered(change: Change) -> list[tuple[datetime, datetime]]:
    """The times the mail can answer: those the employer offered on this change."""
    if change.side != Side.EMPLOYER:
        return []
    return [(a.start, a.end) for a in change.alternatives.all()]


def _identity(message: EmailMessage, raw: bytes) -> str:
    found = _MESSAGE_ID.findall(str(message.get("Message-ID", "")))
    if found:
        return found[0][:500]
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _written_at(message: EmailMessage, now: datetime) -> datetime:
    try:
        written = parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError):
        return now
    # A date in the future or without a zone is not to be trusted for "i morgon".
    if written.tzinfo is None or written > now:
        return now
    return written
