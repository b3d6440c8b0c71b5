from typing import Any

import pytest

from tests.servers import LOOPBACK, radicale_server, smtp_server  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _calendar_servers_on_loopback(settings: Any) -> None:
    """The calendar servers here listen on 127.0.0.1, which only an allow setting opens."""
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK
