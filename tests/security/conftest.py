"""Security tests start from the shipped default: no network allowed besides public ones."""

from typing import Any

import pytest

from tests.servers import radicale_server, smtp_server  # noqa: F401 (fixtures)
from tests.team_fixtures import book, recruiter_client  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _nothing_allowed(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ()
