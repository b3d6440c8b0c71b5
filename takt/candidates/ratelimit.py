"""Plain counters in Django's cache, shared by every web process.

A link is limited to LIMIT requests per WINDOW per (token, address). Tokens that
open nothing are counted per address alone, so guessing links is slow however
many random tokens a guesser tries.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

LIMIT = 30
MISSES = 30
WINDOW_SECONDS = 600


def _address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _key(*parts: str) -> str:
    return "takt:link-rate:" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _count(key: str) -> int:
    """This request counted; how many there were in the current window.

    The database cache's `add` is an INSERT that fails on an existing key, so it
    is only tried when the key is missing; a repeat request only updates it.
    """
    if cache.get(key) is not None:
        try:
            return int(cache.incr(key))
        except ValueError:  # expired between the two calls
            pass
    if cache.add(key, 1, WINDOW_SECONDS):
        return 1
    try:
        return int(cache.incr(key))  # another request added it just now
    except ValueError:
        return 1


def allow(request: HttpRequest, token: str) -> bool:
    """Count this request; False once the pair went over the limit in the current window."""
    return _count(_key(token, _address(request))) <= LIMIT


def guessing(request: HttpRequest) -> bool:
    """True once this address has opened too many unknown tokens in the current window."""
    return (cache.get(_key("miss", _address(request))) or 0) >= MISSES


def missed(request: HttpRequest) -> None:
    """Count a token that opened nothing against the address alone."""
    _count(_key("miss", _address(request)))
