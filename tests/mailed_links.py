"""Candidate links as the candidate gets them: from the e-mail as sent, never from the database."""

import re

from django.core import mail
from django.test import override_settings

from takt.outbox.delivery import deliver_due_messages

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
_LINK = re.compile(r"https?://[^\s<>\"]+/c/([\w-]+)/")


def mailed_tokens() -> list[str]:
    """Send what is due (to memory) and return the tokens of the candidate links in it."""
    with override_settings(MAILERS=LOCMEM):
        mail.outbox = []
        deliver_due_messages()
        return [token for sent in mail.outbox for token in _LINK.findall(sent.filled[0])]


def mailed_token() -> str:
    """The token of the one link in what was just sent."""
    tokens = mailed_tokens()
    assert len(tokens) == 1, tokens
    return tokens[0]
