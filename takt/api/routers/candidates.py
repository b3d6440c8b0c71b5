"""A team's candidates: the people who applied for a position, and how far they came."""

from typing import Any, Literal

from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from takt.api.acting import ACT, READ, Email, ObjectId, WorkspaceId, Zone, caller
from takt.api.idempotency import idempotent
from takt.api.schemas import Body, Lang, PersonOut
from takt.core import audit
from takt.core.access import position_for, workspace_for
from takt.core.models import Application, Person

router = Router(tags=["candidates"])
W = "/workspaces/{workspace_id}"


class CandidateOut(Schema):
    """An application: the person and their place in the position's process."""

    id: int
    position_id: int
    person: PersonOut
    stage: Literal["applied", "booked", "interviewed", "hired", "withdrawn"]
    informed: bool

    @staticmethod
    def of(application: Application) -> "CandidateOut":
        return CandidateOut(
            id=application.pk,
            position_id=application.position_id,
            person=PersonOut.of(application.person),
            stage=application.stage,  # type: ignore[arg-type]
            informed=application.informed_at is not None,
        )


def _applications(request: HttpRequest, workspace_id: int) -> Any:
    workspace = workspace_for(request, workspace_id)
    return Application.objects.filter(position__workspace=workspace).select_related("person")


@router.get(
    f"{W}/positions/{{position_id}}/candidates",
    response={200: list[CandidateOut], **READ},
    summary="List a position's candidates",
)
def list_candidates(
    request: HttpRequest, workspace_id: WorkspaceId, position_id: ObjectId
) -> list[CandidateOut]:
    position = position_for(request, workspace_id, position_id)
    found = _applications(request, workspace_id).filter(position=position)
    return [CandidateOut.of(a) for a in found.order_by("person__name", "pk")]


@router.get(
    f"{W}/candidates/{{candidate_id}}",
    response={200: CandidateOut, **READ},
    summary="Read a candidate",
)
def read_candidate(
    request: HttpRequest, workspace_id: WorkspaceId, candidate_id: ObjectId
) -> CandidateOut:
    return CandidateOut.of(get_object_or_404(_applications(request, workspace_id), pk=candidate_id))


class CandidateIn(Body):
    name: str = Field(min_length=1, max_length=200, examples=["Erik Lind"])
    email: Email | None = Field(None, examples=["erik@example.se"])
    phone: str = Field("", max_length=40, examples=["+46 70 123 45 67"])
    language: Lang = "sv"
    timezone: Zone = "Europe/Stockholm"


@router.post(
    f"{W}/positions/{{position_id}}/candidates",
    response={201: CandidateOut, **ACT},
    summary="Add a candidate",
)
@idempotent
def add_candidate(
    request: HttpRequest, workspace_id: WorkspaceId, position_id: ObjectId, candidate: CandidateIn
) -> Status[Any]:
    """As the position page adds one: the person and their application."""
    position = position_for(request, workspace_id, position_id)
    with transaction.atomic():
        person = Person.objects.create(
            workspace=position.workspace,
            name=candidate.name.strip() or candidate.name,
            email=candidate.email or "",
            phone=candidate.phone.strip(),
            language=candidate.language,
            timezone=candidate.timezone,
        )
        application = Application.objects.create(position=position, person=person)
        audit.record(
            "candidate.added",
            workspace=position.workspace,
            actor=caller(request),
            application=application.pk,
        )
    return Status(201, CandidateOut.of(application))
