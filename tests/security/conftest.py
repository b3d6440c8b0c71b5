"""Security tests start from the shipped default: no network allowed besides public ones."""

from typing import Any

import pytest

from tests.servers import radicale_server  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _nothing_allowed(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ()
