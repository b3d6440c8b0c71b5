"""The reply address every message carries, so an answer by e-mail leads back to its change.

`reply+<message id>.<signature>@TAKT_REPLY_DOMAIN`: signed, so a guessed address
finds nothing; bound to the outbox row, which knows its interview, change and
recipient. With no TAKT_REPLY_DOMAIN set, messages carry no Reply-To, as before.
"""

import re

from django.conf import settings
from django.core import signing

from takt.outbox.models import Message

SALT = "takt.reply-address"
_TOKEN = re.compile(r"reply\+(\d+\.[\w-]+)@", re.IGNORECASE)


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT, sep=".")


def reply_address(row: Message) -> str:
    """The Reply-To for an outbox row, or "" when no reply domain is set."""
    domain = getattr(settings, "TAKT_REPLY_DOMAIN", "")
    if not domain or row.pk is None:
        return ""
    return f"reply+{_signer().sign(str(row.pk))}@{domain}"


def row_for(addresses: str) -> Message | None:
    """The outbox row whose reply address is among `addresses`; None for a forged or unknown one."""
    for token in _TOKEN.findall(addresses or ""):
        try:
            pk = int(_signer().unsign(token))
        except (signing.BadSignature, ValueError):
            continue
        row = Message.objects.filter(pk=pk).select_related("change", "interview").first()
        if row is not None:
            return row
    return None
