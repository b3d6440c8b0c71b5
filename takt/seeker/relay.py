"""Takt relays a job seeker's own words to the interview's contact, and says so.

The e-mail goes from Takt's address, so it must not pass for Takt's own words
or for anyone else's: the subject is Takt's, a framing line names the person and
the interview around their words, the display name reads "Sara Lind via Takt",
and answers go to the person's own address (Reply-To). Only the interview's
contact receives it, and a person relays at most TAKT_RELAY_DAILY_LIMIT e-mails
in any 24 hours, so an account is no open relay.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from takt.core.models import Interview
from takt.core.rules import Blocked, Finding, Severity
from takt.outbox.models import Message
from takt.outbox.services import Relayed

DEFAULT_DAILY_LIMIT = 20


def daily_limit() -> int:
    return int(getattr(settings, "TAKT_RELAY_DAILY_LIMIT", DEFAULT_DAILY_LIMIT))


@dataclass(frozen=True)
class Framed:
    subject: str
    text: str
    relayed: Relayed


def _one_line(value: str) -> str:
    # A name goes into a header: no line breaks or control characters survive.
    return " ".join("".join(c if c.isprintable() else " " for c in value).split())


def _refuse(rule: str, message: str) -> Blocked:
    return Blocked([Finding(rule=rule, severity=Severity.BLOCK, source="", message=message)])


def frame(interview: Interview, actor: User, words: str) -> Framed:
    """The e-mail Takt sends for `actor`; Blocked when they may not send one now."""
    if not actor.email:
        raise _refuse(
            "relay.no_address",
            _("Add your own e-mail address to your account first: answers go there."),
        )
    since = timezone.now() - timedelta(days=1)
    if Message.objects.filter(sender=actor, created_at__gte=since).count() >= daily_limit():
        raise _refuse(
            "relay.daily_limit",
            _(
                "Takt sends at most %(limit)d e-mails for you a day. "
                "Send this one from your own e-mail instead."
            )
            % {"limit": daily_limit()},
        )
    name = _one_line(actor.get_full_name() or actor.get_username())
    title = _one_line(interview.title)
    with translation.override(interview.counterpart.language or "sv"):
        subject = _("%(title)s: a message from %(name)s") % {"title": title, "name": name}
        intro = _(
            "%(name)s sends you this message through Takt, about the interview %(title)s. "
            "Reply to this e-mail and your answer goes straight to %(name)s."
        ) % {"name": name, "title": title}
        outro = _("Sent through Takt for %(name)s (%(email)s).") % {
            "name": name,
            "email": actor.email,
        }
    text = f"{intro}\n\n---\n\n{words.strip()}\n\n---\n{outro}"
    return Framed(subject, text, Relayed(f"{name} via Takt", actor.email, actor))
