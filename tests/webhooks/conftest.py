"""An endpoint of the team's workspace with a verifying receiver on 127.0.0.1 behind it."""

from collections.abc import Iterator
from typing import Any

import pytest

from takt.core.events import KINDS
from takt.webhooks.models import Endpoint
from takt.webhooks.signing import new_secret
from tests.servers import LOOPBACK
from tests.team_fixtures import book  # noqa: F401 (fixture)
from tests.webhooks.receiver import Receiver, serve


@pytest.fixture
def receiver(settings: Any) -> Iterator[tuple[Receiver, str]]:
    """The receiver and its address; loopback allowed as an operator would allow a network."""
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK
    receiver = Receiver([])
    server = serve(receiver)
    try:
        yield receiver, f"http://127.0.0.1:{server.server_address[1]}/hooks"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def endpoint(team: dict[str, Any], receiver: tuple[Receiver, str]) -> Endpoint:
    """Every kind of event of the team's workspace goes to the receiver."""
    hears, url = receiver
    secret = new_secret()
    hears.secrets.append(secret)
    return Endpoint.objects.create(
        workspace=team["workspace"], url=url, events=list(KINDS), secret=secret
    )
