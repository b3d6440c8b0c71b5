"""Schemathesis reads the OpenAPI schema and throws requests at the live API.

Every check it has runs on every answer: no 500, every status documented,
bodies as the schema says, schema-valid requests accepted or refused as
documented (409 is how the rules refuse), invalid ones refused. The ids in the
path are pointed at real objects half the time, so the actions run through
the verbs and the rules instead of stopping at a 404. Bounded by max_examples.
"""

import random
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS
from schemathesis.specs.openapi.checks import positive_data_acceptance

from takt.api.models import ApiToken
from takt.core.events import KINDS
from takt.webhooks.models import Endpoint

# /reply's body is still written by hand (REPLIES.md, another issue's); the same holds there.
CONTRACTS = {"/check", "/compose", "/reply"}


# Every other HTTP method on every path is a 405 from Django itself: asked once, not per case.
# The contracts' bodies have dozens of optional fields and every IANA zone, so their coverage
# phase alone took minutes; the fuzzing phase still throws max_examples bodies at them.
CONFIG = schemathesis.Config.from_dict(
    {
        "phases": {"coverage": {"unexpected-methods": ["PATCH"]}},
        "operations": [
            {
                "include-path-regex": "/(check|compose|reply)$",
                "phases": {"coverage": {"enabled": False}},
            }
        ],
    }
)
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), config=CONFIG
)


@pytest.fixture
def open_connection(db: None) -> Iterator[None]:
    """A real WSGI request closes the database connection when it ends; the test's
    transaction lives on that connection (Django's test client keeps it open too)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world(team, book_interview, soon) -> dict[str, Any]:
    """Real ids for the paths, and a token for the recruiter."""
    from takt.hiring import employer

    interview = book_interview(soon(6))
    change = employer.start_cancel(
        book_interview(soon(8)),
        reason_category="illness",
        reason_text="Intervjuaren är sjuk.",
        emergency=False,
        actor=team["recruiter"],
    )
    # An endpoint that hears everything: the booking above waits for it in the log.
    endpoint = Endpoint.objects.create(
        workspace=team["workspace"],
        url="https://hooks.example.com/",
        events=list(KINDS),
        secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    )
    book_interview(soon(9))
    _, key = ApiToken.issue(team["recruiter"], "schemathesis")
    return {
        "ids": {
            "workspace_id": team["workspace"].pk,
            "interview_id": interview.pk,
            "position_id": team["position"].pk,
            "change_id": change.pk,
            "candidate_id": team["application"].pk,
            "endpoint_id": endpoint.pk,
            "delivery_id": endpoint.deliveries.get().pk,
        },
        "headers": {"Authorization": f"Bearer {key}"},
    }


@schema.parametrize()
@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(
    case: Any, world: dict[str, Any], open_connection: None
) -> None:
    chooser = random.Random(repr(case.path_parameters) + case.method)
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    for name in list(case.path_parameters or {}):
        if positive and name in world["ids"] and chooser.random() < 0.5:
            case.path_parameters[name] = world["ids"][name]
    # The contracts' bodies hold conditions JSON Schema cannot say (an end after its
    # start, a local time outside a DST gap, role or interview needed for some actions):
    # the parser refuses those with a 422 naming the field, so only there a schema-valid
    # body may be refused as bad input.
    excluded = [positive_data_acceptance] if case.path.removeprefix("/api/v1") in CONTRACTS else []
    case.call_and_validate(
        headers=world["headers"], checks=list(CHECKS.get_all()), excluded_checks=excluded
    )
