"""The mailbox poll: `takt worker` reads the IMAP mailbox every TAKT_IMAP_POLL_SECONDS."""

import imaplib
import logging

from django.conf import settings
from django.tasks import task

from takt import periodic
from takt.inbox.imap import Mailbox, MailboxError, poll

log = logging.getLogger(__name__)


@task(queue_name="inbox")
def poll_mailbox() -> dict[str, int]:
    """Read the unseen replies once each; the counts are kept as the task's result."""
    mailbox = Mailbox.from_settings()
    if mailbox is None:
        return {}
    try:
        return poll(mailbox).counts()
    except (MailboxError, imaplib.IMAP4.error, OSError) as error:
        # The server is away or refuses us: the next poll tries again, nothing is lost.
        log.warning("polling the IMAP mailbox failed: %s", error)
        return {"unreachable": 1}


@periodic.every(settings.TAKT_IMAP_POLL_SECONDS, "inbox.poll")
def enqueue_poll() -> object:
    if not settings.TAKT_IMAP_HOST:
        return None
    return poll_mailbox.enqueue()
