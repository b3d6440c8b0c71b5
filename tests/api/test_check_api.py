"""POST /api/v1/check answers to the same contract as `takt check`."""

import json

import pytest
from django.test import Client

from takt import etiquette
from takt.api.models import ApiToken

SITUATION = {
    "action": "reschedule",
    "side": "candidate",
    "now": "2026-03-28T08:30:00+01:00",
    "interview": {
        "start": "2026-03-29T09:00:00+02:00",
        "end": "2026-03-29T10:00:00+02:00",
        "timezone": "Europe/Stockholm",
    },
    "reason": {"category": "conflict", "text": "Jag har blivit kallad som vittne."},
    "other_plans_movable": False,
    "alternatives": [
        {"start": "2026-03-31T10:00:00+02:00", "end": "2026-03-31T11:00:00+02:00"},
        {"start": "2026-04-01T10:00:00+02:00", "end": "2026-04-01T11:00:00+02:00"},
    ],
}


@pytest.fixture
def token(make_user) -> str:
    _, key = ApiToken.issue(make_user("api-user"), "test")
    return key


def _post(client: Client, body: object, token: str | None, query: str = "") -> object:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        f"/api/v1/check{query}",
        data=json.dumps(body) if not isinstance(body, str) else body,
        content_type="application/json",
        headers=headers,
    )


@pytest.mark.django_db
def test_it_answers_what_the_checker_answers(token) -> None:
    response = _post(Client(), SITUATION, token, "?lang=en")
    assert response.status_code == 200
    body = response.json()
    assert body == etiquette.check(SITUATION, "en")
    assert "notice.short" in [finding["rule"] for finding in body["findings"]]


@pytest.mark.django_db
def test_it_refuses_a_caller_without_a_token_or_session() -> None:
    assert _post(Client(), SITUATION, None).status_code == 401
    assert _post(Client(), SITUATION, "takt_not-a-real-key").status_code == 401


@pytest.mark.django_db
def test_a_signed_in_session_may_call_it(make_user) -> None:
    client = Client()
    client.force_login(make_user("web-user"))
    response = _post(client, SITUATION, None)
    assert response.status_code == 200
    assert response.json() == etiquette.check(SITUATION, "sv")


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "words"), [("sv", "okänt fält"), ("en", "unknown field")])
def test_bad_input_is_a_422_naming_the_field_in_the_callers_language(token, lang, words) -> None:
    body = dict(SITUATION, alternatvies=[])
    response = _post(Client(), body, token, f"?lang={lang}")
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == "alternatvies"
    assert words in detail["msg"]


@pytest.mark.django_db
def test_a_dst_gap_time_is_a_422_naming_the_field(token) -> None:
    body = json.loads(json.dumps(SITUATION))
    body["alternatives"][1]["start"] = "2026-03-29T02:30:00"
    response = _post(Client(), body, token, "?lang=en")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == "alternatives[1].start"


@pytest.mark.django_db
def test_malformed_json_is_a_422(token) -> None:
    response = _post(Client(), "{not json", token, "?lang=en")
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["detail"][0]["msg"]


@pytest.mark.django_db
def test_the_openapi_schema_describes_check() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/check" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/check"]


COMPOSE = {
    **SITUATION,
    "people": {
        "candidate": {
            "name": "Erik Lind",
            "email": "erik@example.se",
            "phone": "+46 70 123 45 67",
            "language": "sv",
            "timezone": "Europe/Stockholm",
        },
        "contact": {
            "name": "Anna Berg",
            "email": "anna@norrsken.example",
            "phone": "+46 8 555 010 00",
            "language": "en",
            "timezone": "Europe/London",
        },
    },
    "company": "Norrsken AB",
    "role": "backendutvecklare",
}


@pytest.mark.django_db
def test_compose_returns_the_drafts_with_the_check(token) -> None:
    from takt.wording.command import compose_json

    response = _post_to(Client(), "/api/v1/compose", COMPOSE, token)
    assert response.status_code == 200
    body = response.json()
    assert body == compose_json(COMPOSE, "sv")
    kinds = [message["kind"] for message in body["messages"]]
    assert kinds == ["phone_script", "voicemail_script", "email", "followup_email"]
    email = body["messages"][2]
    assert email["to"] == "anna@norrsken.example" and email["language"] == "en"


@pytest.mark.django_db
def test_compose_names_a_bad_person_field(token) -> None:
    body = json.loads(json.dumps(COMPOSE))
    body["people"]["candidate"]["timezone"] = "Mars/Olympus"
    response = _post_to(Client(), "/api/v1/compose?lang=en", body, token)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == "people.candidate.timezone"


def _post_to(client: Client, path: str, body: object, token: str) -> object:
    return client.post(
        path,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
