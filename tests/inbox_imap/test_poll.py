"""The mailbox poll against a real Dovecot: real-world replies land on their change, once each.

Every mail is delivered into the server with APPEND and read back through
takt.inbox.imap.poll, the same code the worker runs. These tests commit for
real (transaction=True): the poll marks a mail seen only after receive() has
committed, and refuses to run inside a transaction where that cannot hold.
"""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import OperationalError, transaction
from django.test import override_settings

from takt.core.models import AuditEvent, Change
from takt.hiring import employer
from takt.hiring.receiving import read_words
from takt.inbox import imap
from takt.inbox.imap import poll
from takt.inbox.models import InboundMail
from takt.outbox.models import Message
from takt.outbox.reply_address import reply_address
from tests.imap_server import Dovecot
from tests.inbox_imap import mails

pytestmark = pytest.mark.django_db(transaction=True)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
DOMAIN = "svar.takt.example"
MAJA = "Maja Holm <maja@example.se>"


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 5, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


@pytest.fixture
def offers(team, book, second_candidate) -> dict[str, Message]:
    """Erik (Swedish) and Maja (English) are each offered Tue 5, Wed 6 and Thu 7 May at 14.00."""
    maja, maja_application = second_candidate
    sent = {}
    for name, interview in (
        ("erik", book()),
        ("maja", book(hours_ahead=75, person=maja, application=maja_application)),
    ):
        change = employer.start_offer(
            interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
        )
        times = [(_at(d, 14), _at(d, 15)) for d in (5, 6, 7)]
        employer.send_offer(change, times, actor=team["recruiter"])
        sent[name] = Message.objects.get(change=change, recipient_email=interview.counterpart.email)
    return sent


def _to(row: Message) -> str:
    with override_settings(TAKT_REPLY_DOMAIN=DOMAIN):
        return reply_address(row)


def _thread(row: Message) -> str:
    return f"<{row.message_id.strip('<>')}>"


def _offered(change: Change) -> list[tuple[datetime, datetime]]:
    return [(a.start, a.end) for a in change.alternatives.all()]


# Who answers, with which client, in their own words, and what those words mean.
READ = [
    (
        "erik",
        lambda to, words: mails.gmail_swedish(to, words, message_id="CAG-sv-1@mail.gmail.com"),
        "Onsdag passar bra för mig.",
        {"intent": "accept", "chosen": 1},
    ),
    (
        "maja",
        lambda to, words: mails.outlook_html_only(
            to, words, message_id="AM0PR-en-1@outlook.example", sender=MAJA
        ),
        "The third option works best for me – thanks!",
        {"intent": "accept", "chosen": 2},
    ),
    (
        "erik",
        lambda to, words: mails.outlook_swedish_plain(to, words, message_id="AM0PR-sv-2@x"),
        "Jag har tyvärr tackat ja till ett annat jobb och drar tillbaka min ansökan.",
        {"intent": "withdraw", "chosen": None},
    ),
    (
        "maja",
        "thread",
        "None of those work, sorry. Could we do Friday after lunch?",
        {
            "intent": "propose",
            "chosen": None,
            "windows": [{"start": _at(8, 13).isoformat(), "end": _at(8, 17).isoformat()}],
        },
    ),
    (
        "erik",
        "thread-sv",
        "Nästa onsdag går bra för mig, hela dagen.",
        {
            "intent": "propose",
            "chosen": None,
            "windows": [{"start": _at(13, 8).isoformat(), "end": _at(13, 17).isoformat()}],
        },
    ),
    (
        "erik",
        lambda to, words: mails.apple_mail_html_only(to, words, message_id="A1B2-sv@icloud.x"),
        "Tisdag kl. 14 passar mig utmärkt.",
        {"intent": "accept", "chosen": 0},
    ),
    (
        "maja",
        lambda to, words: mails.outlook_html_only(
            to, words, message_id="AM0PR-en-3@outlook.example", sender=MAJA
        ),
        "Unfortunately none of these times work for me.",
        {"intent": "decline", "chosen": None, "windows": []},
    ),
]


@pytest.mark.parametrize(
    ("writer", "client", "words", "meaning"),
    READ,
    ids=[
        "gmail-sv",
        "outlook-html-en",
        "outlook-plain-sv",
        "apple-thread-en",
        "apple-thread-sv",
        "apple-html-sv",
        "outlook-decline-en",
    ],
)
def test_a_real_world_reply_is_read_on_its_change(
    dovecot: Dovecot, offers: dict[str, Message], writer: str, client: Any, words: str, meaning
) -> None:
    row = offers[writer]
    if isinstance(client, str):
        reply = mails.apple_mail_plain(
            _thread(row),
            words,
            message_id="5E1A-APPLE@example.se",
            sender=MAJA if writer == "maja" else mails.ERIK,
            swedish=client == "thread-sv",
        )
    else:
        reply = client(_to(row), words)
    dovecot.deliver(reply.raw)

    polled = poll(dovecot.mailbox())

    mail = InboundMail.objects.get()
    assert polled.read == [mail.message_id] and not polled.again and not polled.failed
    assert mail.status == InboundMail.Status.READ, (reply.client, mail.why)
    assert mail.change_id == row.change_id and mail.interview_id == row.interview_id
    assert words in mail.text  # decoded from its transfer encoding and charset, letter for letter
    for key, value in meaning.items():
        assert mail.reading[key] == value, (reply.client, mail.reading)
    # The reading is the reader's own answer to the words alone: the quoted history (which
    # names other days), the greeting and the signature changed nothing.
    alone = read_words(row.interview, words, now=mail.received_at, offered=_offered(row.change))
    assert mail.reading == alone
    assert dovecot.flags() == [{r"\Seen"}]
    event = AuditEvent.objects.get(verb="reply.read")
    assert event.interview_id == row.interview_id and event.data["channel"] == "email"


def test_mail_from_others_or_for_no_change_is_kept_and_never_acted_on(
    dovecot: Dovecot, offers: dict[str, Message]
) -> None:
    erik, maja = offers["erik"], offers["maja"]
    kept = [
        # Erik's colleague answers from her own address on his reply token.
        mails.gmail_swedish(
            _to(erik), "Onsdag passar.", message_id="other-1@x", sender="Lisa <lisa@example.se>"
        ),
        # Maja answers on Erik's reply token: she is not his change's counterpart.
        mails.outlook_html_only(
            _to(erik), "The second option works.", message_id="other-2@x", sender=MAJA
        ),
        # A token that was tampered with, a stranger's address, a thread Takt never sent.
        mails.gmail_swedish(
            _to(maja).replace(f"reply+{maja.pk}.", f"reply+{erik.pk}."),
            "Onsdag passar.",
            message_id="forged-1@x",
        ),
        mails.outlook_html_only("hello@takt.example", "Tuesday is fine.", message_id="stray@x"),
        mails.apple_mail_plain("<unknown@elsewhere.example>", "Friday is fine.", message_id="u@x"),
    ]
    for reply in kept:
        dovecot.deliver(reply.raw)
    states = {pk: state for pk, state in Change.objects.values_list("pk", "state")}

    polled = poll(dovecot.mailbox())

    assert len(polled.read) == len(kept) and not polled.failed
    rows = {m.message_id: m for m in InboundMail.objects.all()}
    assert set(rows) == {"other-1@x", "other-2@x", "forged-1@x", "stray@x", "u@x"}
    assert all(m.status == InboundMail.Status.KEPT and m.reading == {} for m in rows.values())
    assert rows["other-1@x"].why == rows["other-2@x"].why == InboundMail.Why.OTHER_SENDER
    assert rows["other-1@x"].change_id == erik.change_id  # kept beside it for a person
    for message_id in ("forged-1@x", "stray@x", "u@x"):
        assert rows[message_id].why == InboundMail.Why.NO_CHANGE
        assert rows[message_id].change_id is None
    assert not AuditEvent.objects.filter(verb="reply.read").exists()
    assert dict(Change.objects.values_list("pk", "state")) == states
    # Kept is done with: seen, so the next poll does not hand them over again.
    assert dovecot.flags() == [{r"\Seen"}] * len(kept)


def test_several_replies_are_read_in_one_poll_oldest_first_and_a_second_poll_finds_none(
    dovecot: Dovecot, offers: dict[str, Message]
) -> None:
    first = mails.gmail_swedish(_to(offers["erik"]), "Onsdag går bra.", message_id="one@x")
    second = mails.outlook_html_only(
        _to(offers["maja"]), "Thursday works.", message_id="two@x", sender=MAJA
    )
    dovecot.deliver(first.raw)
    dovecot.deliver(second.raw)
    assert poll(dovecot.mailbox()).read == ["one@x", "two@x"]
    assert poll(dovecot.mailbox()).counts() == {"read": 0, "again": 0, "broken": 0, "failed": 0}
    assert InboundMail.objects.filter(status=InboundMail.Status.READ).count() == 2


def test_a_mail_seen_again_after_a_crash_is_not_read_twice(
    dovecot: Dovecot, offers: dict[str, Message]
) -> None:
    dovecot.deliver(mails.gmail_swedish(_to(offers["erik"]), "Onsdag.", message_id="m@x").raw)
    assert poll(dovecot.mailbox()).read == ["m@x"]
    # What a worker killed after receive() committed, before \Seen was stored, leaves.
    dovecot.unsee()

    polled = poll(dovecot.mailbox())

    assert polled.read == [] and polled.again == ["m@x"]
    assert InboundMail.objects.count() == 1
    assert AuditEvent.objects.filter(verb="reply.read").count() == 1
    assert dovecot.flags() == [{r"\Seen"}]


def test_a_mail_that_could_not_be_read_stays_unseen_for_the_next_poll(
    dovecot: Dovecot, offers: dict[str, Message], monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot.deliver(mails.gmail_swedish(_to(offers["erik"]), "Onsdag.", message_id="m@x").raw)

    def database_away(raw: bytes) -> None:
        raise OperationalError("the database is away")

    with monkeypatch.context() as patch:
        patch.setattr(imap, "receive", database_away)
        polled = poll(dovecot.mailbox())
    assert polled.failed and not polled.read
    assert dovecot.flags() == [set()]
    assert not InboundMail.objects.exists()

    assert poll(dovecot.mailbox()).read == ["m@x"]
    assert dovecot.flags() == [{r"\Seen"}]


def test_a_mail_that_breaks_the_reading_is_kept_once_and_the_next_mail_is_read(
    dovecot: Dovecot, offers: dict[str, Message], monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot.deliver(mails.gmail_swedish(_to(offers["erik"]), "Onsdag.", message_id="bad@x").raw)
    dovecot.deliver(mails.gmail_swedish(_to(offers["erik"]), "Torsdag.", message_id="ok@x").raw)
    real = imap.receive

    def breaks_on_one(raw: bytes):
        if b"bad@x" in raw:
            raise ValueError("something in this mail breaks the reader")
        return real(raw)

    with monkeypatch.context() as patch:
        patch.setattr(imap, "receive", breaks_on_one)
        polled = poll(dovecot.mailbox())
        again = poll(dovecot.mailbox())

    assert (polled.broken, polled.read, polled.failed) == (["bad@x"], ["ok@x"], [])
    assert again.counts() == {"read": 0, "again": 0, "broken": 0, "failed": 0}
    kept = InboundMail.objects.get(message_id="bad@x")
    assert (kept.status, kept.why) == (InboundMail.Status.KEPT, InboundMail.Why.BROKEN)
    assert "Message-ID: <bad@x>" in kept.raw  # the whole mail is there for a person to read
    assert dovecot.flags() == [{r"\Seen"}, {r"\Seen"}]


def test_the_poll_refuses_to_run_inside_a_transaction(
    dovecot: Dovecot, offers: dict[str, Message]
) -> None:
    dovecot.deliver(mails.gmail_swedish(_to(offers["erik"]), "Onsdag.", message_id="m@x").raw)
    with pytest.raises(RuntimeError, match="outside a database transaction"), transaction.atomic():
        poll(dovecot.mailbox())
    assert dovecot.flags() == [set()]
    assert not InboundMail.objects.exists()
