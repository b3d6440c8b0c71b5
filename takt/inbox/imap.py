"""Replies fetched from an IMAP mailbox: each unseen mail handed to receive(), then marked seen.

Read once, even when the worker dies halfway: a mail is fetched with BODY.PEEK[]
(which leaves it unseen) and marked \\Seen only after receive() has committed
its row. A worker killed before that commit leaves nothing behind and the mail
unseen; one killed after the commit but before \\Seen leaves the mail unseen
too, and the next poll hands it over again, where receive() knows its
Message-ID and does nothing. So the mailbox should be Takt's own: a person who
opens it in a mail client and reads a reply first marks it seen, and Takt then
leaves it alone.

imaplib (the standard library) is enough for the five commands used here
(LOGIN, SELECT, UID SEARCH, UID FETCH, UID STORE, with STARTTLS or TLS); a
client library would add a dependency to parse one kind of FETCH answer.
"""

import base64
import imaplib
import logging
import re
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection

from takt.inbox.receive import keep_broken, receive

log = logging.getLogger(__name__)

# One poll reads at most this many mails; the rest wait for the next poll, so a
# flooded mailbox never holds the worker for long.
BATCH = 200


class MailboxError(Exception):
    """The mailbox could not be reached, logged in to or opened; the message says why."""


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    user: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    security: str = "ssl"
    timeout: float = 30.0
    ca_file: str = ""

    @classmethod
    def from_settings(cls) -> "Mailbox | None":
        """The mailbox the TAKT_IMAP_* settings name, or None when TAKT_IMAP_HOST is unset."""
        if not settings.TAKT_IMAP_HOST:
            return None
        return cls(
            host=settings.TAKT_IMAP_HOST,
            port=settings.TAKT_IMAP_PORT,
            user=settings.TAKT_IMAP_USER,
            password=settings.TAKT_IMAP_PASSWORD,
            folder=settings.TAKT_IMAP_FOLDER,
            security=settings.TAKT_IMAP_SECURITY,
            timeout=settings.TAKT_IMAP_TIMEOUT,
            ca_file=settings.TAKT_IMAP_CA_FILE,
        )


@dataclass
class Polled:
    """What one poll did: mails read now, read before, kept unreadable, failed (left unseen)."""

    read: list[str] = field(default_factory=list)
    again: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "read": len(self.read),
            "again": len(self.again),
            "broken": len(self.broken),
            "failed": len(self.failed),
        }


def poll(mailbox: Mailbox) -> Polled:
    """Read every unseen mail in the folder, oldest first, each once; mark each seen after."""
    if connection.in_atomic_block:
        # receive() must really commit before \Seen is set; inside an outer transaction
        # its commit is only a savepoint, and a crash would lose a mail marked seen.
        raise RuntimeError("poll() must run outside a database transaction")
    polled = Polled()
    with _session(mailbox) as imap:
        for uid in _unseen(imap)[:BATCH]:
            raw = _fetch(imap, uid)
            if raw is None:  # expunged meanwhile by another client
                continue
            try:
                got = receive(raw)
            except DatabaseError:
                # Left unseen, so the next poll tries again (a database that was away, say).
                log.exception("reading mail UID %s from %s failed", uid, mailbox.folder)
                polled.failed.append(uid)
                continue
            except Exception:
                # Something in this mail breaks the reading: tried again it would fail again,
                # every poll, at the head of the queue. Kept for a person instead, and seen.
                log.exception("mail UID %s from %s cannot be read; kept", uid, mailbox.folder)
                try:
                    kept = keep_broken(raw)
                except DatabaseError:
                    polled.failed.append(uid)
                    continue
                _mark_seen(imap, uid)
                polled.broken.append(kept.message_id)
                continue
            _mark_seen(imap, uid)
            (polled.again if got.again else polled.read).append(got.mail.message_id)
    return polled


@contextmanager
def _session(box: Mailbox) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection with the folder selected; logged out however the block ends."""
    imap: imaplib.IMAP4 | None = None
    try:
        try:
            imap = _connect(box)
            imap.login(box.user, box.password)
            typ, data = imap.select(_quoted(box.folder))
        except (imaplib.IMAP4.error, OSError) as error:
            raise MailboxError(f"IMAP {box.host}:{box.port}: {error}") from error
        if typ != "OK":
            raise MailboxError(f"IMAP folder {box.folder!r} cannot be opened: {data!r}")
        yield imap
    finally:
        if imap is not None:
            with suppress(imaplib.IMAP4.error, OSError):  # the server went away: nothing to close
                imap.logout()


def _connect(box: Mailbox) -> imaplib.IMAP4:
    context = ssl.create_default_context(cafile=box.ca_file or None)
    if box.security == "ssl":
        return imaplib.IMAP4_SSL(box.host, box.port, ssl_context=context, timeout=box.timeout)
    if box.security not in ("starttls", "none"):
        # Never clear text by mistake: only "none" itself means no TLS.
        raise MailboxError(f"IMAP security must be ssl, starttls or none, not {box.security!r}")
    imap = imaplib.IMAP4(box.host, box.port, timeout=box.timeout)
    if box.security == "starttls":
        try:
            imap.starttls(ssl_context=context)
        except BaseException:
            with suppress(OSError):  # the socket may be half-wrapped already
                imap.shutdown()
            raise
    return imap


def _unseen(imap: imaplib.IMAP4) -> list[str]:
    typ, data = imap.uid("SEARCH", "UNSEEN", "UNDELETED")
    if typ != "OK":
        raise MailboxError(f"IMAP search failed: {data!r}")
    uids = b" ".join(part for part in data if isinstance(part, bytes)).split()
    return sorted((uid.decode() for uid in uids), key=int)


_BODY = re.compile(rb"BODY\[\]")


def _fetch(imap: imaplib.IMAP4, uid: str) -> bytes | None:
    # PEEK: fetching must not mark the mail seen; only a committed read does.
    typ, data = imap.uid("FETCH", uid, "(BODY.PEEK[])")
    if typ != "OK":
        raise MailboxError(f"IMAP fetch of UID {uid} failed: {data!r}")
    for part in data:
        if isinstance(part, tuple) and _BODY.search(part[0]):
            return bytes(part[1])
    return None


def _mark_seen(imap: imaplib.IMAP4, uid: str) -> None:
    typ, data = imap.uid("STORE", uid, "+FLAGS.SILENT", r"(\Seen)")
    if typ != "OK":
        raise MailboxError(f"IMAP could not mark UID {uid} seen: {data!r}")


def _quoted(folder: str) -> str:
    """A folder name as IMAP writes it: modified UTF-7 ("Svar fr&AOU-n"), in quotes."""
    name = folder_name(folder)
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def folder_name(folder: str) -> str:
    """A folder name in IMAP's modified UTF-7 (RFC 3501, 5.1.3), so "Svar från" opens too."""
    out: list[str] = []
    wide: list[str] = []

    def close_wide() -> None:
        if wide:
            encoded = base64.b64encode("".join(wide).encode("utf-16-be")).decode("ascii")
            out.append("&" + encoded.rstrip("=").replace("/", ",") + "-")
            wide.clear()

    for char in folder:
        if 0x20 <= ord(char) <= 0x7E:
            close_wide()
            out.append("&-" if char == "&" else char)
        else:
            wide.append(char)
    close_wide()
    return "".join(out)
