"""A mail backend for running without a mail server: one .eml file per message.

A file is a copy at rest, like the Message row: an e-mail that carries a
candidate's link is written with the placeholder where the link goes, so the
folder holds no working link (outbox/links.py). Candidate links reach a
candidate only through a real mail server.
"""

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

from takt.outbox.outgoing import OutboxEmail


def eml_name(message_id: str) -> str:
    """The file a message is kept in: named after its Message-ID, so a resend overwrites."""
    return message_id.strip().strip("<>").replace("/", "_") + ".eml"


class EmlFolderBackend(BaseEmailBackend):
    def __init__(self, *, folder: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = Path(folder)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for message in email_messages:
            # A file rests on disk: it keeps the placeholder, never a working candidate link.
            raw = message.at_rest() if isinstance(message, OutboxEmail) else message.message()
            # A resend after a crash overwrites its file, never doubles it.
            _write_private(
                self.folder / eml_name(str(raw["Message-ID"] or id(message))), raw.as_bytes()
            )
        return len(email_messages)


def _write_private(path: Path, data: bytes) -> None:
    """Write the file readable by its owner only (0600): a message holds personal details."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        os.fchmod(file.fileno(), 0o600)  # also a file an earlier version left at 0644
        file.write(data)
