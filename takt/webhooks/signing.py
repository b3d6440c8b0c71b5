"""Standard Webhooks signing: the body, and the headers that let a receiver verify it.

The body is built from the stored event each time, with sorted keys, so every
attempt sends the same bytes under the same webhook-id; only webhook-timestamp
(the attempt's) and so the signature change.
"""

import base64
import json
import secrets
from datetime import datetime
from typing import Any

from standardwebhooks import Webhook

from takt.core.models import Event

PREFIX = "whsec_"


def new_secret() -> str:
    """A whsec_ secret: 32 random bytes, base64, as the specification describes."""
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def payload(event: Event) -> dict[str, Any]:
    return {"type": event.kind, "timestamp": event.occurred_at.isoformat(), "data": event.data}


def body_of(event: Event) -> bytes:
    text = json.dumps(payload(event), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode()


def headers_for(
    message_id: str, body: bytes, secrets_now: list[str], at: datetime
) -> dict[str, str]:
    """The three webhook-* headers; one signature per secret, space-separated."""
    text = body.decode()
    signatures = [Webhook(secret).sign(message_id, at, text) for secret in secrets_now]
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
