"""An API caller: the team's recruiter with a bearer token, and a stranger's workspace."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from takt.api.models import ApiToken
from takt.core.models import Membership, Person, Workspace


class Caller:
    """Posts and gets JSON with a bearer token, as another system would."""

    def __init__(self, key: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {key}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def post(self, path: str, body: object, **headers: str) -> Any:
        return self.client.post(
            f"/api/v1{path}",
            data=json.dumps(body),
            content_type="application/json",
            headers={**self.headers, **headers},
        )


@pytest.fixture
def recruiter_api(team: dict[str, Any]) -> Caller:
    _, key = ApiToken.issue(team["recruiter"], "ats")
    return Caller(key)


@pytest.fixture
def seeker(make_user: Callable[..., Any]) -> dict[str, Any]:
    """A job seeker's personal workspace with its own token."""
    user = make_user("seeker", first_name="Sara", last_name="Holm", email="sara@example.se")
    workspace = Workspace.objects.create(name="Sara", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    _, key = ApiToken.issue(user, "cli")
    return {"user": user, "workspace": workspace, "api": Caller(key)}


@pytest.fixture
def stranger(make_user: Callable[..., Any]) -> dict[str, Any]:
    """Someone else's team: its ids must answer 404 to the recruiter."""
    user = make_user("stranger")
    workspace = Workspace.objects.create(name="Other AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    person = Person.objects.create(workspace=workspace, name="Ola Nord", email="ola@example.se")
    return {"user": user, "workspace": workspace, "person": person}


def span(start: Any, hours: int = 1) -> dict[str, str]:
    from datetime import timedelta

    return {"start": start.isoformat(), "end": (start + timedelta(hours=hours)).isoformat()}
