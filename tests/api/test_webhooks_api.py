"""Webhook endpoints through the API: add (secret once), rotate, switch, delete, the log; 404s."""

import socket
from typing import Any, get_args

import pytest

from takt.api.routers.webhooks import EventKind
from takt.api.webhook_events import DATA, example
from takt.core.events import KINDS
from takt.core.models import Event
from takt.webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db
URL = "https://hooks.example.com/takt"


@pytest.fixture
def public_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """hooks.example.com resolves to a public address, as it would on the Internet."""

    def public(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]

    monkeypatch.setattr(socket, "getaddrinfo", public)


def _add(api: Any, ws: int, url: str = URL, **extra: Any) -> Any:
    return api.post(f"/workspaces/{ws}/webhooks", {"url": url, "events": list(KINDS), **extra})


def test_it_adds_an_endpoint_and_shows_the_secret_once(team, recruiter_api, public_dns) -> None:
    ws = team["workspace"].pk
    added = _add(recruiter_api, ws)
    assert added.status_code == 201, added.content
    body = added.json()
    assert body["secret"].startswith("whsec_") and body["enabled"] is True
    assert body["events"] == list(KINDS)
    read = recruiter_api.get(f"/workspaces/{ws}/webhooks/{body['id']}").json()
    assert "secret" not in read
    assert [e["url"] for e in recruiter_api.get(f"/workspaces/{ws}/webhooks").json()] == [URL]


def test_a_private_address_is_refused_in_the_callers_language(team, recruiter_api) -> None:
    ws = team["workspace"].pk
    for url in ("http://127.0.0.1:8000/", "http://10.0.0.5/", "http://169.254.169.254/"):
        refused = _add(recruiter_api, ws, url)
        assert refused.status_code == 409, url
    refused = recruiter_api.client.post(
        f"/api/v1/workspaces/{ws}/webhooks?lang=en",
        data={"url": "http://192.168.1.10/", "events": ["position.filled"]},
        content_type="application/json",
        headers=recruiter_api.headers,
    )
    assert "private or local network" in refused.json()["detail"]
    assert not Endpoint.objects.exists()


def test_an_allowed_network_may_be_a_target(team, recruiter_api, settings) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ("10.0.0.0/8",)
    assert _add(recruiter_api, team["workspace"].pk, "http://10.0.0.5/hook").status_code == 201


def test_rotate_switch_off_and_on_then_delete(team, recruiter_api, public_dns) -> None:
    ws = team["workspace"].pk
    first = _add(recruiter_api, ws).json()
    at = f"/workspaces/{ws}/webhooks/{first['id']}"
    rotated = recruiter_api.post(f"{at}/rotate", {}).json()
    assert rotated["secret"] != first["secret"] and rotated["previous_secret_until"]
    assert recruiter_api.post(f"{at}/disable", {}).json()["enabled"] is False
    assert recruiter_api.post(f"{at}/enable", {}).json()["enabled"] is True
    assert (
        recruiter_api.client.delete(f"/api/v1{at}", headers=recruiter_api.headers).status_code
        == 204
    )
    assert not Endpoint.objects.exists()


def test_the_delivery_log_and_send_again(
    team, recruiter_api, public_dns, book_interview, soon
) -> None:
    ws = team["workspace"].pk
    endpoint = _add(recruiter_api, ws).json()
    book_interview(soon(3))
    at = f"/workspaces/{ws}/webhooks/{endpoint['id']}"
    [delivery] = recruiter_api.get(f"{at}/deliveries").json()
    assert delivery["type"] == "interview.scheduled" and delivery["state"] == "pending"
    assert delivery["webhook_id"].startswith("msg_")
    again = recruiter_api.post(f"{at}/deliveries/{delivery['id']}/resend", {})
    assert again.status_code == 202
    assert again.json()["webhook_id"] == delivery["webhook_id"]
    assert Delivery.objects.count() == 2


def test_another_workspaces_endpoints_answer_404(team, recruiter_api, stranger) -> None:
    theirs = Endpoint.objects.create(
        workspace=stranger["workspace"], url=URL, events=list(KINDS), secret="whsec_x"
    )
    ws = team["workspace"].pk
    at = f"/workspaces/{ws}/webhooks/{theirs.pk}"
    assert recruiter_api.get(at).status_code == 404
    assert recruiter_api.post(f"{at}/rotate", {}).status_code == 404
    assert recruiter_api.post(f"{at}/disable", {}).status_code == 404
    assert recruiter_api.get(f"{at}/deliveries").status_code == 404
    assert (
        recruiter_api.client.delete(f"/api/v1{at}", headers=recruiter_api.headers).status_code
        == 404
    )
    their_ws = f"/workspaces/{stranger['workspace'].pk}/webhooks"
    assert recruiter_api.get(their_ws).status_code == 404
    assert _add(recruiter_api, stranger["workspace"].pk).status_code == 404
    theirs.refresh_from_db()
    assert theirs.enabled and theirs.secret == "whsec_x"


def test_every_event_is_documented_with_an_example_that_fits_its_schema(recruiter_api) -> None:
    schema = recruiter_api.client.get("/api/v1/openapi.json").json()
    assert set(schema["webhooks"]) == set(KINDS)
    for kind in KINDS:
        body = schema["webhooks"][kind]["post"]["requestBody"]["content"]["application/json"]
        assert body["example"] == example(kind)
        DATA[kind].model_validate(example(kind)["data"])


def test_a_job_seekers_cancel_through_the_api_says_the_seeker_cancelled(seeker, soon) -> None:
    ws = seeker["workspace"].pk
    made = seeker["api"].post(
        f"/workspaces/{ws}/interviews",
        {
            "start": soon(5).isoformat(),
            "timezone": "Europe/Stockholm",
            "company": "Norrsken AB",
            "role": "Backendutvecklare",
            "contact": {"name": "Anna Berg", "email": "anna@norrsken.example"},
        },
    )
    assert made.status_code == 201, made.content
    at = f"/workspaces/{ws}/interviews/{made.json()['id']}/cancel"
    body: dict[str, Any] = {
        "reason_category": "other_offer",
        "reason_text": "Jag har tackat ja till ett annat erbjudande.",
        "channel": "phone",
    }
    answer = seeker["api"].post(at, body)
    if answer.status_code == 409:
        answer = seeker["api"].post(at, {**body, "acknowledge": answer.json()["unacknowledged"]})
    assert answer.status_code == 201, answer.content
    data = Event.objects.get(kind="interview.cancelled").data
    assert data["cancelled_by"] == "seeker" and data["new_time_sought"] is False
    assert data["reason_category"] == "other_offer"
    assert [e.kind for e in Event.objects.order_by("pk")][:2] == [
        "interview.scheduled",
        "change.opened",
    ]


def test_the_schema_names_exactly_the_events_the_verbs_record():
    assert get_args(EventKind) == KINDS
