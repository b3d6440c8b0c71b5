"""A plain counter in Django's cache: at most LIMIT requests per WINDOW per (token, address).

Unknown tokens count per address alone, so guessing links is slow as well.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

LIMIT = 30
WINDOW_SECONDS = 600


def _address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def allow(request: HttpRequest, token: str) -> bool:
    """Count this request; False once the pair went over the limit in the current window."""
    digest = hashlib.sha256(f"{token}|{_address(request)}".encode()).hexdigest()[:32]
    key = f"takt:link-rate:{digest}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return True
    return count <= LIMIT
