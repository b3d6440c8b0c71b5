"""A mail backend for running without a mail server: one .eml file per message."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


def eml_name(message_id: str) -> str:
    """The file a message is kept in: named after its Message-ID, so a resend overwrites."""
    return message_id.strip().strip("<>").replace("/", "_") + ".eml"


class EmlFolderBackend(BaseEmailBackend):
    def __init__(self, *, folder: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = Path(folder)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            raw = message.message()
            # A resend after a crash overwrites its file, never doubles it.
            (self.folder / eml_name(str(raw["Message-ID"] or id(message)))).write_bytes(
                raw.as_bytes()
            )
        return len(email_messages)
