"""Positions and candidates through the API; filling and closing through the verbs."""

import pytest

from takt.core.models import Application, Position
from takt.hiring.positions import inform_all

pytestmark = pytest.mark.django_db


def test_it_opens_lists_and_reads_positions_and_candidates(team, recruiter_api) -> None:
    ws = team["workspace"].pk
    created = recruiter_api.post(f"/workspaces/{ws}/positions", {"title": "Designer"})
    assert created.status_code == 201
    pid = created.json()["id"]
    assert pid in [p["id"] for p in recruiter_api.get(f"/workspaces/{ws}/positions").json()]
    added = recruiter_api.post(
        f"/workspaces/{ws}/positions/{pid}/candidates",
        {"name": "Lisa Ek", "email": "lisa@example.se"},
    )
    assert added.status_code == 201, added.content
    listed = recruiter_api.get(f"/workspaces/{ws}/positions/{pid}/candidates").json()
    assert [c["person"]["name"] for c in listed] == ["Lisa Ek"]
    one = recruiter_api.get(f"/workspaces/{ws}/candidates/{listed[0]['id']}")
    assert one.json()["stage"] == "applied"


def test_a_bad_email_is_a_422(team, recruiter_api) -> None:
    ws, pid = team["workspace"].pk, team["position"].pk
    response = recruiter_api.post(
        f"/workspaces/{ws}/positions/{pid}/candidates", {"name": "X", "email": "not-an-address"}
    )
    assert response.status_code == 422


def test_filling_then_closing_once_everyone_is_told(team, recruiter_api) -> None:
    ws, pid = team["workspace"].pk, team["position"].pk
    filled = recruiter_api.post(f"/workspaces/{ws}/positions/{pid}/fill", {})
    assert filled.status_code == 202, filled.content
    assert filled.json()["position"]["status"] == "filled"
    # Not everyone told yet: position_filled.uninformed blocks the close.
    refused = recruiter_api.post(f"/workspaces/{ws}/positions/{pid}/close", {})
    assert refused.status_code == 409
    assert "position_filled.uninformed" in [f["rule"] for f in refused.json()["findings"]]
    assert Position.objects.get(pk=pid).status == "filled"

    inform_all(team["position"], actor=team["recruiter"], now=team["position"].created_at)
    progress = recruiter_api.get(f"/workspaces/{ws}/positions/{pid}/progress").json()
    assert progress["informed"] == progress["total"] == 1 and progress["closable"]
    closed = recruiter_api.post(f"/workspaces/{ws}/positions/{pid}/close", {})
    assert closed.status_code == 200, closed.content
    assert Position.objects.get(pk=pid).status == "closed"


def test_another_workspaces_position_answers_404(team, recruiter_api, stranger) -> None:
    theirs = Position.objects.create(workspace=stranger["workspace"], title="Secret")
    Application.objects.create(position=theirs, person=stranger["person"])
    ws = team["workspace"].pk
    assert recruiter_api.get(f"/workspaces/{ws}/positions/{theirs.pk}").status_code == 404
    assert recruiter_api.post(f"/workspaces/{ws}/positions/{theirs.pk}/fill", {}).status_code == 404
    assert (
        recruiter_api.get(f"/workspaces/{ws}/positions/{theirs.pk}/candidates").status_code == 404
    )
    assert Position.objects.get(pk=theirs.pk).status == "open"
