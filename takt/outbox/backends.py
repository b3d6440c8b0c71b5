"""A mail backend for running without a mail server: one .eml file per message."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class EmlFolderBackend(BaseEmailBackend):
    def __init__(self, *, folder: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = Path(folder)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            raw = message.message()
            # Named after the Message-ID, so a resend after a crash overwrites, never doubles.
            ident = str(raw["Message-ID"] or id(message)).strip("<>").replace("/", "_")
            (self.folder / f"{ident}.eml").write_bytes(raw.as_bytes())
        return len(email_messages)
