"""Calendar passwords kept encrypted in the database, with a key derived from SECRET_KEY.

A copy of the database (a backup, a dump handed to support) then holds no
password anyone can use. Keys from SECRET_KEY_FALLBACKS still decrypt, so the
secret key can be rotated; a password that no key opens reads as empty, and
the calendar's next refresh asks the person to enter it again.
"""

import base64
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models

PREFIX = "fernet:"


def _key(secret: str) -> bytes:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"takt", info=b"calendar-credentials"
    ).derive(secret.encode())
    return base64.urlsafe_b64encode(derived)


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([Fernet(_key(secret)) for secret in secrets])


def seal(plain: str) -> str:
    return PREFIX + _fernet().encrypt(plain.encode()).decode()


def unseal(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before passwords were encrypted
    try:
        return _fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        return ""


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text the code reads and writes in the clear and the database stores sealed."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else unseal(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return value
        return value if str(value).startswith(PREFIX) else seal(str(value))
