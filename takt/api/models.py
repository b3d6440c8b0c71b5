import hashlib
import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 is kept, the key is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # None: until revoked.
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now

    @classmethod
    def issue(
        cls, user: object, name: str, expires_at: datetime | None = None
    ) -> tuple["ApiToken", str]:
        """A new token and its key; the key is never kept, so it can be shown only now."""
        key = "takt_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_hash=digest(key), expires_at=expires_at
        )
        return token, key


# Registered with the app from its own module, beside the tokens.
from takt.api.idempotency import IdempotentRequest  # noqa: E402

__all__ = ["ApiToken", "IdempotentRequest", "digest"]
