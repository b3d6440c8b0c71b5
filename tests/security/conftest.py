"""Security tests start from the shipped default: no network allowed besides public ones."""

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _nothing_allowed(settings: Any) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ()
