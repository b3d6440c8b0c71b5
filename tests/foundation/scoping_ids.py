"""The ids the scoping walk fills into URLs: each URL parameter names an object of the team."""

from typing import Any

from takt.calendars.models import CalendarSource
from takt.core import events
from takt.core.events import KINDS
from takt.core.models import Change, Event, Interview
from takt.inbox.models import InboundMail
from takt.outbox.services import queue_message
from takt.webhooks.models import Delivery, Endpoint


def ids_for(team: dict[str, Any], interview: Interview) -> dict[str, Any]:
    message = queue_message(
        workspace=team["workspace"],
        interview=interview,
        kind="scoping",
        recipient_name="Erik Lind",
        recipient_email="erik@example.se",
        language="sv",
        subject="Intervju",
        text="Hej Erik!",
    )
    endpoint = Endpoint.objects.create(
        workspace=team["workspace"],
        url="https://hooks.example.com/",
        events=list(KINDS),
        secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    )
    delivery = Delivery.objects.create(
        event=Event.objects.filter(workspace=team["workspace"]).first() or _event(team),
        endpoint=endpoint,
        next_attempt_at=interview.created_at,
        created_at=interview.created_at,
    )
    return {
        "endpoint_id": endpoint.pk,
        "delivery_id": delivery.pk,
        "workspace_id": team["workspace"].pk,
        "interview_id": interview.pk,
        "position_id": team["position"].pk,
        "step": "why",
        "message_id": message.pk,
        "source_id": CalendarSource.objects.create(
            workspace=team["workspace"], owner=team["recruiter"], kind="ics_file", name="Arbete"
        ).pk,
        # Employer: a change of the team's interview and the team's application.
        "change_id": Change.objects.create(
            interview=interview, kind="cancel", side="employer", reason_category="other"
        ).pk,
        "application_id": team["application"].pk,
        # A reply kept for the team: its page is the team's alone.
        "mail_id": InboundMail.objects.create(
            message_id="scoping@mail.example",
            received_at=interview.start,
            interview=interview,
            status=InboundMail.Status.KEPT,
            why=InboundMail.Why.OTHER_SENDER,
        ).pk,
        # A kind of work on the dashboard that applies to a team.
        "name": "calls",
        # A candidate link that does not exist: the same 404 as for a stranger.
        "token": "not-a-real-token-" + "x" * 30,
    }


def _event(team: dict[str, Any]) -> Event:
    return events.record("position.filled", {}, workspace=team["workspace"])
