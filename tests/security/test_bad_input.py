"""Bad input is a clear error, never a 500 and never a silent failure (issue 11, must 8)."""

import pytest
from django.test import Client

from takt.outbox.delivery import deliver_due_messages
from takt.outbox.models import Message
from takt.outbox.services import queue_message

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "words"), [("en", "nested too deeply"), ("sv", "för många")])
def test_deeply_nested_json_is_answered_422(make_user, lang: str, words: str) -> None:
    client = Client()
    client.force_login(make_user("sara"))
    for body in ("[" * 100_000, '{"a":' * 100_000):
        answer = client.post(f"/api/v1/check?lang={lang}", body, content_type="application/json")
        assert answer.status_code == 422
        assert words in answer.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    "field", [{"subject": "Hej\r\nBcc: all@example.com"}, {"recipient_name": "Eve\r\nBcc: x@y.z"}]
)
def test_a_header_that_cannot_be_written_fails_for_good_at_once(
    team, settings, smtp_server, field: dict[str, str]
) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 10},
        }
    }
    fields = {"subject": "Hej", "recipient_name": "Erik Lind", **field}
    message = queue_message(
        workspace=team["workspace"],
        kind="note",
        recipient_email="erik@example.se",
        language="sv",
        text="Hej!",
        key="header-test",
        **fields,
    )
    assert deliver_due_messages() == 0
    message.refresh_from_db()
    # Not retried eight times as if the server were away: the same header fails every time.
    assert (message.status, message.attempts) == (Message.Status.FAILED, 1)
    assert message.last_error and not smtp_server.messages
