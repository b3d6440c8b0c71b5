from typing import Any

import pytest

from takt import wording
from takt.core.models import Interview
from takt.hiring.mail import queue_to_candidate
from takt.outbox.models import Message
from tests.itip.shapes import DOMAIN
from tests.team_fixtures import (  # noqa: F401 (fixtures)
    _clear_cache,
    book,
    recruiter_client,
)


@pytest.fixture(autouse=True)
def _reply_domain(settings: Any) -> None:
    settings.TAKT_REPLY_DOMAIN = DOMAIN


@pytest.fixture
def invited(team: dict[str, Any], book: Any) -> tuple[Interview, Message]:  # noqa: F811
    """Erik's interview on Thursday 7 May at 10.00 in Stockholm, and the REQUEST Takt sent him."""
    recruiter = team["recruiter"]
    recruiter.email = "anna@norrsken.example"
    recruiter.save(update_fields=["email"])
    interview = book()
    email = wording.ComposedMessage(
        kind="email", language="sv", text="Hej Erik!\n\nVälkommen.", subject="Intervju"
    )
    row = queue_to_candidate(
        interview, email, kind="invited", change=None, method="REQUEST", sender=recruiter
    )
    assert row is not None
    return interview, row
