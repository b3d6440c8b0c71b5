"""Outbox fixtures: an interview to write about, messages in the queue, a real SMTP server."""

from collections.abc import Callable
from typing import Any

import pytest

from takt.core.models import Interview
from takt.outbox.invitations_for import invitation_for
from takt.outbox.models import Message
from takt.outbox.services import queue_message
from tests.servers import SmtpServer, smtp_server  # noqa: F401 (fixture)

ORGANIZER = ("Anna Berg", "anna@norrsken.example")


@pytest.fixture
def mail_server(settings: Any, smtp_server: SmtpServer) -> SmtpServer:  # noqa: F811
    """The test SMTP server, set as Takt's default mailer."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 10},
        }
    }
    return smtp_server


@pytest.fixture
def interview(
    team: dict[str, Any], soon: Callable[..., Any], book_interview: Callable[..., Interview]
) -> Interview:
    return book_interview(soon(3), position=team["position"])


@pytest.fixture
def queue(team: dict[str, Any], interview: Interview) -> Callable[..., list[Message]]:
    """Queue `count` invitation e-mails about the interview, each its own message."""

    def make(count: int = 1, email: str = "erik@example.se", tag: str = "") -> list[Message]:
        calendar = invitation_for(interview, "REQUEST", ORGANIZER)
        return [
            queue_message(
                workspace=team["workspace"],
                interview=interview,
                kind="invitation",
                recipient_name="Erik Lind",
                recipient_email=email,
                language="sv",
                subject=f"Intervju {number}",
                text=f"Hej Erik!\n\nVälkommen på intervju. ({number})",
                html=f"<p>Hej Erik!</p><p>Välkommen på intervju. ({number})</p>",
                ical=calendar,
                ical_method="REQUEST",
                key=f"test|{tag}{number}|{email}",
            )
            for number in range(count)
        ]

    return make
