"""The candidate's link, put into an e-mail only when it is sent.

A queued message holds PLACEHOLDER where the link goes, and what the link is
bound to (its interview, its change and the interview's sequence when it was
queued); the token is made by the worker while it sends, so it exists only in
the conversation with the mail server: not in the Message row, not on the
outbox page or in the admin, not in a .eml file. Who makes the token (the
hiring app, which owns candidate links) registers itself from its app's
ready(), so the outbox never imports it.
"""

from collections.abc import Callable

from django.utils.html import escape

from takt.outbox.models import Message

# Letters, colons and brackets only: it passes HTML escaping and quoted-printable unchanged,
# and it is no URL, so no mail client or page makes a link of it.
PLACEHOLDER = "[[takt:candidate-link]]"

Issuer = Callable[[Message], str]
_issuers: list[Issuer] = []


class NoIssuer(ValueError):
    """A message waits for a link and no app makes them; trying again cannot help."""


def register(issuer: Issuer) -> Issuer:
    """Make `issuer(message) -> absolute URL` the one that fills in candidate links."""
    _issuers[:] = [issuer]
    return issuer


def filled(message: Message) -> tuple[str, str]:
    """The message's text and HTML as sent: with a fresh link when it carries one."""
    if message.link_sequence is None:
        return message.text, message.html
    if not _issuers:
        raise NoIssuer("no app issues candidate links")
    url = _issuers[0](message)
    html = message.html.replace(PLACEHOLDER, f'<a href="{escape(url)}">{escape(url)}</a>')
    return message.text.replace(PLACEHOLDER, url), html
