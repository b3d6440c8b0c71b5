"""The OpenAPI schema is generated from typed models and documents every answer."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        return Client().get("/api/v1/openapi.json").json()


def test_compose_says_people_company_and_role_are_required(schema) -> None:
    body = schema["paths"]["/api/v1/compose"]["post"]["requestBody"]
    ref = body["content"]["application/json"]["schema"]["$ref"]
    compose = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"people", "company", "role", "action"} <= set(compose["required"])
    assert compose["additionalProperties"] is False


def test_every_action_documents_its_refusals(schema) -> None:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "401" in codes, (method, path)
            if operation.get("parameters") or operation.get("requestBody"):
                assert "422" in codes, (method, path)
            if "{workspace_id}" in path:
                assert "404" in codes, (method, path)
            if method == "post" and "{workspace_id}" in path:
                assert "409" in codes, (method, path)


def test_the_bodies_are_component_schemas(schema) -> None:
    for name in ("Offer", "Cancellation", "Booking", "Refusal", "FindingOut", "CheckInput"):
        assert name in schema["components"]["schemas"]
