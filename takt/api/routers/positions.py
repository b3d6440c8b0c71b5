"""A team's positions: list, open one, read; fill it (start, progress) and close it (method 3.2)."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from takt.api.acting import ACT, READ, ObjectId, WorkspaceId, act, caller
from takt.api.errors import language_of
from takt.api.idempotency import idempotent
from takt.api.schemas import ACKNOWLEDGE, Acknowledge, Body, FindingOut, PositionOut, findings_out
from takt.api.types import BodyId
from takt.core.access import position_for, workspace_for
from takt.core.models import Position
from takt.hiring import positions
from takt.hiring.tasks import inform_candidates

router = Router(tags=["positions"])
W = "/workspaces/{workspace_id}"
P = W + "/positions/{position_id}"


@router.get(f"{W}/positions", response={200: list[PositionOut], **READ}, summary="List positions")
def list_positions(request: HttpRequest, workspace_id: WorkspaceId) -> list[PositionOut]:
    workspace = workspace_for(request, workspace_id)
    return [PositionOut.of(p) for p in Position.objects.filter(workspace=workspace)]


class PositionIn(Body):
    title: str = Field(min_length=1, max_length=200, examples=["Backendutvecklare"])


@router.post(f"{W}/positions", response={201: PositionOut, **ACT}, summary="Open a position")
@idempotent
def create_position(
    request: HttpRequest, workspace_id: WorkspaceId, position: PositionIn
) -> Status[Any]:
    workspace = workspace_for(request, workspace_id)
    if not workspace.is_team:
        return Status(
            409, {"detail": "only a team has positions", "findings": [], "unacknowledged": []}
        )
    title = position.title.strip() or position.title
    return Status(201, PositionOut.of(Position.objects.create(workspace=workspace, title=title)))


@router.get(P, response={200: PositionOut, **READ}, summary="Read a position")
def read_position(
    request: HttpRequest, workspace_id: WorkspaceId, position_id: ObjectId
) -> PositionOut:
    return PositionOut.of(position_for(request, workspace_id, position_id))


class Filling(Body):
    """The position is filled: every remaining candidate is told (the worker does it in batches)."""

    hired_application_id: BodyId | None = None
    acknowledge: Acknowledge = ACKNOWLEDGE


class Progress(Schema):
    """How far telling the candidates has come, and what the rules say about closing."""

    position: PositionOut
    total: int
    informed: int
    uninformed: list[str] = Field(description="Who has not been told yet, by name (at most 200).")
    call_list: list[str] = Field(description="Who to call, those who came furthest first.")
    closable: bool
    findings: list[FindingOut]


def _progress(position: Position, lang: str) -> Progress:
    remaining = positions.remaining(position)
    waiting = positions.uninformed(position).order_by("person__name")
    total = remaining.count()
    found = positions.close_findings(position, now=timezone.now(), lang=lang)
    return Progress(
        position=PositionOut.of(position),
        total=total,
        informed=total - waiting.count(),
        uninformed=list(waiting.values_list("person__name", flat=True)[:200]),
        call_list=[a.person.name for a in positions.call_list(position)[:200]],
        closable=not any(f.blocks for f in found),
        findings=findings_out(found),
    )


@router.post(f"{P}/fill", response={202: Progress, **ACT}, summary="Fill the position")
@idempotent
def fill(
    request: HttpRequest, workspace_id: WorkspaceId, position_id: ObjectId, filling: Filling
) -> Status[Any]:
    """Marks it filled and starts telling everyone; follow along with .../progress."""
    position = position_for(request, workspace_id, position_id)
    actor, lang = caller(request), language_of(request)
    hired = None
    if filling.hired_application_id is not None:
        hired = get_object_or_404(positions.remaining(position), pk=filling.hired_application_id)

    def start() -> Status[Any]:
        filled = positions.mark_filled(
            position,
            hired=hired,
            actor=actor,
            now=timezone.now(),
            acknowledged=filling.acknowledge,
            lang=lang,
        )
        transaction.on_commit(lambda: inform_candidates.enqueue(filled.pk, actor.pk, lang))
        return Status(202, _progress(filled, lang))

    return act(start)


@router.get(f"{P}/progress", response={200: Progress, **READ}, summary="Filling's progress")
def progress(request: HttpRequest, workspace_id: WorkspaceId, position_id: ObjectId) -> Progress:
    return _progress(position_for(request, workspace_id, position_id), language_of(request))


class Closing(Body):
    acknowledge: Acknowledge = ACKNOWLEDGE


@router.post(f"{P}/close", response={200: Progress, **ACT}, summary="Close the position")
@idempotent
def close(
    request: HttpRequest, workspace_id: WorkspaceId, position_id: ObjectId, closing: Closing
) -> Status[Any]:
    """Refused (409, position_filled.uninformed) while someone has not been told."""
    position = position_for(request, workspace_id, position_id)
    actor, lang = caller(request), language_of(request)

    def finish() -> Status[Any]:
        closed = positions.finish_closing(
            position, actor=actor, now=timezone.now(), lang=lang, acknowledged=closing.acknowledge
        )
        return Status(200, _progress(closed, lang))

    return act(finish)
