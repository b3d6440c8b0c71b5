"""POST /api/v1/reply answers to the same contract as `takt reply`."""

import json

import pytest
from django.test import Client

from takt.api.models import ApiToken
from takt.replies import read_reply

REQUEST = {
    "text": "Hej Anna!\n\nOnsdag kl. 13 går bra.\n\nMvh Erik\n\nDen mån 4 maj 2026 kl 08:40 skrev "
    "Anna Berg:\n> Passar tisdag kl. 10 eller onsdag kl. 13?",
    "received_at": "2026-05-04T09:12:00+02:00",
    "timezone": "Europe/Stockholm",
    "duration_minutes": 60,
    "offered": [
        {"start": "2026-05-05T10:00:00+02:00", "end": "2026-05-05T11:00:00+02:00"},
        {"start": "2026-05-06T13:00:00+02:00", "end": "2026-05-06T14:00:00+02:00"},
    ],
}


@pytest.fixture
def token(make_user) -> str:
    _, key = ApiToken.issue(make_user("api-user"), "test")
    return key


def _post(client: Client, body: object, token: str | None, query: str = "") -> object:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(
        f"/api/v1/reply{query}", data=data, content_type="application/json", headers=headers
    )


@pytest.mark.django_db
def test_it_answers_what_the_reader_answers(token) -> None:
    response = _post(Client(), REQUEST, token)
    assert response.status_code == 200
    assert response.json() == read_reply(REQUEST)
    assert (response.json()["intent"], response.json()["chosen"]) == ("accept", 1)


@pytest.mark.django_db
def test_it_refuses_a_caller_without_a_token_or_session() -> None:
    assert _post(Client(), REQUEST, None).status_code == 401


@pytest.mark.django_db
def test_a_signed_in_session_may_call_it(make_user) -> None:
    client = Client()
    client.force_login(make_user("web-user"))
    assert _post(client, REQUEST, None).json() == read_reply(REQUEST)


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "words"), [("sv", "okänt fält"), ("en", "unknown field")])
def test_bad_input_is_a_422_naming_the_field(token, lang, words) -> None:
    response = _post(Client(), dict(REQUEST, timezon="UTC"), token, f"?lang={lang}")
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == "timezon" and words in detail["msg"]


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_a_422(token) -> None:
    assert _post(Client(), "{oops", token).status_code == 422


@pytest.mark.django_db
def test_the_schema_documents_it(token) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/reply" in schema["paths"]
