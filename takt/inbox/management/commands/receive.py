"""Read one mail from standard input, as Postfix and Exim hand mail to a program."""

import sys
from typing import Any

from django.core.management.base import BaseCommand

from takt.inbox.receive import receive


class Command(BaseCommand):
    help = "Read one RFC 822 mail on standard input: a reply to a change, or kept for a person."

    def handle(self, *args: Any, **options: Any) -> None:
        raw = sys.stdin.buffer.read()
        if not raw.strip():
            self.stderr.write("takt receive: no mail on standard input")
            raise SystemExit(2)
        got = receive(raw)
        mail = got.mail
        state = "already read" if got.again else mail.status
        intent = mail.reading.get("intent", "") if mail.reading else ""
        self.stdout.write(f"{state} {mail.why or intent} {mail.message_id}".strip())
