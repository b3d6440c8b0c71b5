"""Reaching the mailbox: TLS or STARTTLS with its certificate checked, the folder, the task."""

import logging

import pytest
from django.test import override_settings

from takt import periodic
from takt.inbox.imap import MailboxError, poll
from takt.inbox.models import InboundMail
from takt.inbox.tasks import enqueue_poll, poll_mailbox
from tests.imap_server import Dovecot
from tests.inbox_imap import mails
from tests.servers import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def _stray(message_id: str) -> bytes:
    """A mail for no change: kept, which is enough to show it was fetched and read."""
    return mails.gmail_swedish("hello@takt.example", "Onsdag.", message_id=message_id).raw


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_the_mailbox_is_reached_over_tls_with_its_certificate_verified(
    dovecot: Dovecot, security: str
) -> None:
    dovecot.deliver(_stray("tls@x"))
    assert poll(dovecot.mailbox(security)).read == ["tls@x"]
    assert dovecot.flags() == [{r"\Seen"}]


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_a_certificate_no_one_vouches_for_is_refused(dovecot: Dovecot, security: str) -> None:
    dovecot.deliver(_stray("tls@x"))
    with pytest.raises(MailboxError, match="CERTIFICATE_VERIFY_FAILED"):
        poll(dovecot.mailbox(security, ca_file=""))
    assert dovecot.flags() == [set()]


def test_an_unknown_security_never_falls_back_to_clear_text(dovecot: Dovecot) -> None:
    dovecot.deliver(_stray("tls@x"))
    with pytest.raises(MailboxError, match="ssl, starttls or none"):
        poll(dovecot.mailbox("tls"))
    assert dovecot.flags() == [set()]


def test_a_wrong_password_says_so_and_reads_nothing(dovecot: Dovecot) -> None:
    dovecot.deliver(_stray("pw@x"))
    with pytest.raises(MailboxError, match="Authentication failed"):
        poll(dovecot.mailbox(password="not-the-password"))
    assert not InboundMail.objects.exists()


def test_only_the_folder_named_is_read(dovecot: Dovecot) -> None:
    dovecot.deliver(_stray("inbox@x"))
    dovecot.deliver(_stray("replies@x"), folder="Svar 2026")
    assert poll(dovecot.mailbox(folder="Svar 2026")).read == ["replies@x"]
    assert dovecot.flags() == [set()]
    assert dovecot.flags("Svar 2026") == [{r"\Seen"}]


def test_a_folder_with_a_swedish_name_is_found_by_its_imap_spelling(dovecot: Dovecot) -> None:
    dovecot.deliver(_stray("svar@x"), folder="Svar från kandidater")
    assert "Svar fr&AOU-n kandidater" in dovecot.folders()
    assert poll(dovecot.mailbox(folder="Svar från kandidater")).read == ["svar@x"]


def test_a_folder_that_does_not_exist_says_so(dovecot: Dovecot) -> None:
    with pytest.raises(MailboxError, match="Saknas"):
        poll(dovecot.mailbox(folder="Saknas"))


def test_the_worker_task_polls_the_mailbox_the_settings_name(dovecot: Dovecot) -> None:
    dovecot.deliver(_stray("task@x"))
    env = dovecot.settings("starttls")
    with override_settings(
        TAKT_IMAP_HOST=env["TAKT_IMAP_HOST"],
        TAKT_IMAP_PORT=int(env["TAKT_IMAP_PORT"]),
        TAKT_IMAP_USER=env["TAKT_IMAP_USER"],
        TAKT_IMAP_PASSWORD=env["TAKT_IMAP_PASSWORD"],
        TAKT_IMAP_SECURITY="starttls",
        TAKT_IMAP_CA_FILE=env["TAKT_IMAP_CA_FILE"],
    ):
        assert poll_mailbox.call() == {"read": 1, "again": 0, "broken": 0, "failed": 0}
    assert InboundMail.objects.get().message_id == "task@x"


def test_an_unreachable_mailbox_is_logged_and_tried_again_later(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with (
        override_settings(TAKT_IMAP_HOST="127.0.0.1", TAKT_IMAP_PORT=free_port()),
        override_settings(TAKT_IMAP_SECURITY="none", TAKT_IMAP_TIMEOUT=5),
        caplog.at_level(logging.WARNING, logger="takt.inbox.tasks"),
    ):
        assert poll_mailbox.call() == {"unreachable": 1}
    assert "polling the IMAP mailbox failed" in caplog.text


def test_the_poll_is_periodic_and_enqueued_only_when_a_mailbox_is_set() -> None:
    assert any(job.name == "inbox.poll" and job.every == 60 for job in periodic.JOBS)
    with override_settings(TAKT_IMAP_HOST=""):
        assert enqueue_poll() is None
    with override_settings(TAKT_IMAP_HOST="127.0.0.1"):
        queued = enqueue_poll()
    assert queued is not None and queued.task.queue_name == "inbox"
