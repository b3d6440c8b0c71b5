"""A workspace's webhook endpoints: add, read, rotate the secret, switch on and off, delete,
and the delivery log with "send again". The events themselves are in the schema's `webhooks`."""

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Router, Schema, Status

from takt.api.acting import ACT, READ, ObjectId, WorkspaceId, caller
from takt.api.errors import language_of
from takt.api.idempotency import idempotent
from takt.api.schemas import Body
from takt.core.access import workspace_for
from takt.webhooks import services
from takt.webhooks.models import Attempt, Delivery, Endpoint
from takt.webhooks.signing import payload
from takt.webhooks.targets import BadTarget

router = Router(tags=["webhooks"])
W = "/workspaces/{workspace_id}/webhooks"
E = W + "/{endpoint_id}"

# Spelled out for the schema (a Literal must be written, not built); a test keeps it equal to
# core's KINDS, the list the verbs record.
EventKind = Literal[
    "interview.scheduled",
    "interview.rescheduled",
    "interview.cancelled",
    "change.opened",
    "change.closed",
    "candidate.time_picked",
    "candidate.other_times_asked",
    "candidate.reply_received",
    "position.filled",
    "position.closed",
]
URL = r"^https?://[^\s/?#]+([/?#]\S*)?$"


class EndpointIn(Body):
    url: str = Field(
        max_length=2000,
        pattern=URL,
        examples=["https://ats.example.com/takt/webhooks"],
        description="Where to post. Refused (409, the reason in `detail`) when the name does "
        "not resolve or leads to a loopback, private or link-local address, unless the "
        "operator allows that network.",
    )
    events: list[EventKind] = Field(
        min_length=1, max_length=10, examples=[["candidate.time_picked", "interview.cancelled"]]
    )
    description: str = Field("", max_length=200, examples=["Our applicant tracking system"])


class Nothing(Body):
    """An empty body."""


class EndpointOut(Schema):
    id: int
    url: str
    description: str
    events: list[EventKind]
    enabled: bool = Field(description="False when switched off, by hand or after a day failing.")
    failing_since: datetime | None = Field(description="The first failure since the last success.")
    switched_off_at: datetime | None
    previous_secret_until: datetime | None = Field(
        description="After a rotation: until when the old secret still signs beside the new one."
    )
    created_at: datetime

    @staticmethod
    def of(endpoint: Endpoint) -> "EndpointOut":
        return EndpointOut(
            id=endpoint.pk,
            url=endpoint.url,
            description=endpoint.description,
            events=endpoint.events,
            enabled=endpoint.enabled,
            failing_since=endpoint.failing_since,
            switched_off_at=endpoint.switched_off_at,
            previous_secret_until=endpoint.previous_until,
            created_at=endpoint.created_at,
        )


class EndpointWithSecret(EndpointOut):
    secret: str = Field(
        description="The signing secret, shown this once: keep it where the receiver can read it.",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )

    @staticmethod
    def with_secret(endpoint: Endpoint) -> "EndpointWithSecret":
        return EndpointWithSecret(**EndpointOut.of(endpoint).model_dump(), secret=endpoint.secret)


class AttemptOut(Schema):
    at: datetime
    status_code: int | None = Field(description="The receiver's HTTP status; null: no answer.")
    answer: str = Field(description="The start of the receiver's answer (2,000 characters).")
    error: str = Field(description="Why there was no answer (refused address, timeout, ...).")
    duration_ms: int

    @staticmethod
    def of(attempt: Attempt) -> "AttemptOut":
        return AttemptOut(
            at=attempt.at,
            status_code=attempt.status_code,
            answer=attempt.answer,
            error=attempt.error,
            duration_ms=attempt.duration_ms,
        )


class DeliveryOut(Schema):
    id: int
    webhook_id: str = Field(examples=["msg_2f1c0a9d7e5b4c3a8f6e1d2c3b4a5f6e"])
    type: EventKind
    state: Literal["pending", "sending", "delivered", "failed"]
    next_attempt_at: datetime
    finished_at: datetime | None
    payload: dict[str, Any] = Field(description="The body posted (see the schema's webhooks).")
    attempts: list[AttemptOut]

    @staticmethod
    def of(delivery: Delivery) -> "DeliveryOut":
        return DeliveryOut(
            id=delivery.pk,
            webhook_id=delivery.event.public_id,
            type=delivery.event.kind,  # type: ignore[arg-type]
            state=delivery.state,  # type: ignore[arg-type]
            next_attempt_at=delivery.next_attempt_at,
            finished_at=delivery.finished_at,
            payload=payload(delivery.event),
            attempts=[AttemptOut.of(a) for a in delivery.tries.all()],
        )


def _endpoint(request: HttpRequest, workspace_id: int, endpoint_id: int) -> Endpoint:
    workspace = workspace_for(request, workspace_id)
    return get_object_or_404(Endpoint, pk=endpoint_id, workspace=workspace)


def _bad_url(request: HttpRequest, error: BadTarget) -> Status[Any]:
    # A well-formed address Takt will not post to is refused like a rule refuses (409):
    # whether a name resolves to a private network is nothing a schema can say.
    with translation.override(language_of(request)):
        message = str(error)
    return Status(409, {"detail": message, "findings": [], "unacknowledged": []})


@router.get(W, response={200: list[EndpointOut], **READ}, summary="List webhook endpoints")
def list_endpoints(request: HttpRequest, workspace_id: WorkspaceId) -> list[EndpointOut]:
    workspace = workspace_for(request, workspace_id)
    return [EndpointOut.of(e) for e in Endpoint.objects.filter(workspace=workspace)]


@router.post(W, response={201: EndpointWithSecret, **ACT}, summary="Add a webhook endpoint")
@idempotent
def add_endpoint(
    request: HttpRequest, workspace_id: WorkspaceId, endpoint: EndpointIn
) -> Status[Any]:
    """The answer holds the signing secret, this once."""
    workspace = workspace_for(request, workspace_id)
    with translation.override(language_of(request)):
        try:
            added = services.add_endpoint(
                workspace,
                url=endpoint.url,
                events=endpoint.events,
                description=endpoint.description,
                actor=caller(request),
            )
        except BadTarget as error:
            return _bad_url(request, error)
    return Status(201, EndpointWithSecret.with_secret(added))


@router.get(E, response={200: EndpointOut, **READ}, summary="Read a webhook endpoint")
def read_endpoint(
    request: HttpRequest, workspace_id: WorkspaceId, endpoint_id: ObjectId
) -> EndpointOut:
    return EndpointOut.of(_endpoint(request, workspace_id, endpoint_id))


@router.post(f"{E}/rotate", response={200: EndpointWithSecret, **ACT}, summary="Rotate the secret")
@idempotent
def rotate(
    request: HttpRequest, workspace_id: WorkspaceId, endpoint_id: ObjectId, body: Nothing
) -> Status[Any]:
    """A new secret, shown this once; the old one goes on signing beside it for 24 hours."""
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    rotated = services.rotate_secret(endpoint, actor=caller(request))
    return Status(200, EndpointWithSecret.with_secret(rotated))


@router.post(f"{E}/enable", response={200: EndpointOut, **ACT}, summary="Switch it on")
@idempotent
def enable(
    request: HttpRequest, workspace_id: WorkspaceId, endpoint_id: ObjectId, body: Nothing
) -> Status[Any]:
    """What waited while it was off is posted, in order."""
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    with translation.override(language_of(request)):
        try:
            switched = services.set_enabled(endpoint, True, actor=caller(request))
        except BadTarget as error:
            return _bad_url(request, error)
    return Status(200, EndpointOut.of(switched))


@router.post(f"{E}/disable", response={200: EndpointOut, **ACT}, summary="Switch it off")
@idempotent
def disable(
    request: HttpRequest, workspace_id: WorkspaceId, endpoint_id: ObjectId, body: Nothing
) -> Status[Any]:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    return Status(200, EndpointOut.of(services.set_enabled(endpoint, False, actor=caller(request))))


@router.delete(E, response={204: None, **READ}, summary="Delete a webhook endpoint")
def delete(request: HttpRequest, workspace_id: WorkspaceId, endpoint_id: ObjectId) -> Status[Any]:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    services.delete_endpoint(endpoint, actor=caller(request))
    return Status(204, None)


@router.get(
    f"{E}/deliveries", response={200: list[DeliveryOut], **READ}, summary="The delivery log"
)
def deliveries(
    request: HttpRequest, workspace_id: WorkspaceId, endpoint_id: ObjectId
) -> list[DeliveryOut]:
    """The latest 100 deliveries, newest first, each with every attempt and its answer."""
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    rows = endpoint.deliveries.select_related("event").prefetch_related("tries")[:100]
    return [DeliveryOut.of(d) for d in rows]


@router.post(
    f"{E}/deliveries/{{delivery_id}}/resend",
    response={202: DeliveryOut, **ACT},
    summary="Send a delivery again",
)
@idempotent
def resend(
    request: HttpRequest,
    workspace_id: WorkspaceId,
    endpoint_id: ObjectId,
    delivery_id: ObjectId,
    body: Nothing,
) -> Status[Any]:
    """Posted again under the same webhook-id; the answer is the new delivery, waiting."""
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    delivery = get_object_or_404(Delivery, pk=delivery_id, endpoint=endpoint)
    again = services.send_again(delivery, actor=caller(request))
    return Status(202, DeliveryOut.of(again))
