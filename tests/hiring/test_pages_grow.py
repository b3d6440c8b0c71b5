"""The positions list and one position's page run as many queries at 40 rows as at 160."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.workload import fill_position, fill_team

pytestmark = pytest.mark.django_db
SMALL, LARGE = 40, 160


@pytest.fixture
def recruiter(team) -> Client:
    client = Client()
    client.force_login(team["recruiter"])
    return client


def _count(client: Client, url: str, **query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(url, query)
    assert answer.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("query", [{}, {"status": "open", "q": "tjänst"}])
def test_the_positions_list_costs_the_same_at_any_size(team, recruiter, query) -> None:
    workspace = team["workspace"]
    url = reverse("positions", args=[workspace.pk])
    fill_team(workspace, SMALL * 10)
    small = _count(recruiter, url, **query)
    fill_team(workspace, (LARGE - SMALL) * 10)
    assert _count(recruiter, url, **query) == small


@pytest.mark.parametrize("query", [{}, {"day": ""}, {"q": "sökande 1", "stage": "booked"}])
def test_a_positions_page_costs_the_same_at_any_size(team, recruiter, query) -> None:
    position = team["position"]
    url = reverse("position", args=[position.workspace_id, position.pk])
    fill_position(position, SMALL)
    small = _count(recruiter, url, **query)
    fill_position(position, LARGE - SMALL)
    assert _count(recruiter, url, **query) == small
