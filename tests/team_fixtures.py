"""Fixtures for the hiring team's pages (candidates, employer): a signed-in recruiter, bookings."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from takt.core.models import Application, Interview


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


@pytest.fixture
def recruiter_client(team: dict[str, Any]) -> Client:
    client = Client()
    client.force_login(team["recruiter"])
    return client


@pytest.fixture
def book(team: dict[str, Any], book_interview: Callable[..., Interview]):
    def make(hours_ahead: float = 72, person=None, application=None) -> Interview:
        start = (timezone.now() + timedelta(hours=hours_ahead)).replace(second=0, microsecond=0)
        return book_interview(
            start,
            interviewers=[team["recruiter"], team["colleague"]],
            counterpart=person or team["candidate"],
            position=team["position"],
            application=application or team["application"],
        )

    return make


@pytest.fixture
def second_candidate(team: dict[str, Any]):
    from takt.core.models import Person

    person = Person.objects.create(
        workspace=team["workspace"], name="Maja Holm", email="maja@example.se", language="en"
    )
    return person, Application.objects.create(position=team["position"], person=person)
