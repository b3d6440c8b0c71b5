"""The link rate limit: repeat requests cause no database errors, random tokens are limited."""

import secrets

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from takt.candidates import ratelimit

pytestmark = pytest.mark.django_db


def test_a_repeat_request_updates_its_counter_without_a_failing_insert() -> None:
    cache.clear()
    request = RequestFactory().get("/c/x/", REMOTE_ADDR="203.0.113.7")
    assert ratelimit.allow(request, "some-token")
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert ratelimit.allow(request, "some-token")
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    # Each INSERT on an existing key is a duplicate-key ERROR in PostgreSQL's log.
    assert inserts == []


def test_the_count_goes_on_after_the_first_request() -> None:
    cache.clear()
    request = RequestFactory().get("/c/x/", REMOTE_ADDR="203.0.113.8")
    answers = [ratelimit.allow(request, "t") for _ in range(ratelimit.LIMIT + 2)]
    assert answers == [True] * ratelimit.LIMIT + [False, False]


def test_random_tokens_are_limited_per_address() -> None:
    cache.clear()
    client = Client(REMOTE_ADDR="198.51.100.4")
    codes = [
        client.get(f"/c/{secrets.token_urlsafe(32)}/").status_code
        for _ in range(ratelimit.MISSES + 1)
    ]
    assert codes[: ratelimit.MISSES] == [404] * ratelimit.MISSES
    assert codes[-1] == 429
    # Another address is not held back by this one's guessing.
    assert Client(REMOTE_ADDR="198.51.100.5").get("/c/unknown/").status_code == 404
