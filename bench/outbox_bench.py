"""1,000 e-mails through the outbox with one worker, against a bare smtplib loop.

Both send the same 1,000 messages (text, HTML and an invitation) to the same
local aiosmtpd server in the same run; the server runs in a process of its own,
as a mail server would, and parses every message it accepts. smtplib sends the
messages already built; the outbox builds each one (on a helper thread, while
it waits for the server) and records each answer. The outbox figure is the worker's:
claiming batches, building the MIME, sending over one connection and marking
each row sent (with its audit event) right after the server's answer; queueing
is timed apart. The figure that travels between machines is the ratio.
"""

import logging
import multiprocessing
import os
import smtplib
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from typing import Any

COUNT = 1000
ROUNDS = 3


def run() -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="takt-outbox-bench-") as data:
        os.environ["TAKT_DATA_DIR"] = data
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        # aiosmtpd logs every command at INFO; that is the server's cost, not ours.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        server = _Server()
        try:
            settings.MAILERS = {
                "default": {
                    "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                    "OPTIONS": {"host": server.host, "port": server.port, "timeout": 30},
                }
            }
            queue_s = _queue(COUNT)
            raw = _built_messages()
            outbox_s, smtplib_s = [], []
            # Rounds in turn, so a machine busy with something else slows both alike.
            for _ in range(ROUNDS):
                _requeue()
                server.reset()
                outbox_s.append(_timed(_deliver))
                if server.received() != COUNT:
                    raise AssertionError(f"the outbox sent {server.received()} of {COUNT}")
                server.reset()
                smtplib_s.append(_timed(lambda: _bare_smtplib(server.host, server.port, raw)))
                if server.received() != COUNT:
                    raise AssertionError(f"smtplib sent {server.received()} of {COUNT}")
        finally:
            server.stop()
    outbox_rate = COUNT / statistics.median(outbox_s)
    smtplib_rate = COUNT / statistics.median(smtplib_s)
    return {
        "outbox_1000_per_s": {"value": round(outbox_rate, 1), "unit": "msg/s"},
        "outbox_ratio_to_smtplib": {
            "value": round(outbox_rate / smtplib_rate, 2),
            "unit": "ratio",
        },
        "outbox_queue_1000_per_s": {"value": round(COUNT / queue_s, 1), "unit": "msg/s"},
    }


def _serve(port: int, count: Any, ready: Any, stop: Any) -> None:
    """The test SMTP server (it parses each message), counting what it accepts."""
    from aiosmtpd.controller import Controller

    from tests.servers import SmtpServer, _Handler

    class Counting(_Handler):
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            reply = await super().handle_DATA(server, session, envelope)
            self.server.messages.clear()
            with count.get_lock():
                count.value += 1
            return reply

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    controller = Controller(
        Counting(SmtpServer("127.0.0.1", port)), hostname="127.0.0.1", port=port
    )
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


class _Server:
    """The mail server in a process of its own, as a real one would be."""

    def __init__(self) -> None:
        from tests.servers import free_port, wait_for_port

        self.host, self.port = "127.0.0.1", free_port()
        self.count = multiprocessing.Value("i", 0)
        ready, self._stop = multiprocessing.Event(), multiprocessing.Event()
        self._process = multiprocessing.Process(
            target=_serve, args=(self.port, self.count, ready, self._stop), daemon=True
        )
        self._process.start()
        ready.wait(30)
        wait_for_port(self.port)

    def received(self) -> int:
        return int(self.count.value)

    def reset(self) -> None:
        with self.count.get_lock():
            self.count.value = 0

    def stop(self) -> None:
        self._stop.set()
        self._process.join(10)


def _queue(count: int) -> float:
    from django.db import transaction

    from takt.core.models import Workspace
    from takt.outbox.invitation import Invitation, build_invitation
    from takt.outbox.services import queue_message

    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    start = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    began = time.perf_counter()
    for number in range(count):
        calendar = build_invitation(
            Invitation(
                uid=f"bench-{number}@takt",
                sequence=0,
                method="REQUEST",
                start=start + timedelta(hours=number),
                end=start + timedelta(hours=number, minutes=45),
                timezone="Europe/Stockholm",
                summary="Intervju: backendutvecklare",
                description="",
                location="Sveavägen 1, Stockholm",
                organizer=("Anna Berg", "anna@norrsken.example"),
                attendees=[("Erik Lind", f"erik{number}@example.se")],
            )
        )
        with transaction.atomic():  # one change, one message: as the flows queue them
            queue_message(
                workspace=workspace,
                kind="invitation",
                recipient_name="Erik Lind",
                recipient_email=f"erik{number}@example.se",
                language="sv",
                subject=f"Intervju {number}",
                text=f"Hej Erik!\n\nVälkommen på intervju ({number}).",
                html=f"<p>Hej Erik!</p><p>Välkommen på intervju ({number}).</p>",
                ical=calendar,
                ical_method="REQUEST",
                key=f"bench|{number}",
            )
    return time.perf_counter() - began


def _requeue() -> None:
    """Every message due again, as if just queued (the server counts each arrival)."""
    from django.utils import timezone

    from takt.outbox.models import Message

    Message.objects.update(
        status=Message.Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), sent_at=None
    )


def _deliver() -> None:
    from takt.outbox.delivery import deliver_due_messages

    deliver_due_messages()


def _built_messages() -> list[tuple[str, bytes]]:
    """The same messages, built as the outbox builds them, for smtplib to send as they are."""
    import email.policy

    from takt.outbox.models import Message
    from takt.outbox.outgoing import OutboxEmail

    return [
        (row.recipient_email, OutboxEmail(row).message(policy=email.policy.SMTP).as_bytes())
        for row in Message.objects.order_by("pk")
    ]


def _bare_smtplib(host: str, port: int, raw: list[tuple[str, bytes]]) -> None:
    with smtplib.SMTP(host, port) as connection:
        for recipient, message in raw:
            connection.sendmail("takt@localhost", [recipient], message)


def _timed(work: Any) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


if __name__ == "__main__":
    for name, figure in run().items():
        print(f"{name}: {figure['value']} {figure['unit']}")
