"""The caller's workspaces: where every other path starts."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema

from takt.api.schemas import Problem
from takt.core.models import Workspace

router = Router(tags=["workspaces"])


class WorkspaceOut(Schema):
    id: int
    name: str
    kind: Literal["personal", "team"]


@router.get(
    "/workspaces", response={200: list[WorkspaceOut], 401: Problem}, summary="My workspaces"
)
def list_workspaces(request: HttpRequest) -> list[WorkspaceOut]:
    mine = Workspace.objects.filter(members=request.user.pk).order_by("name", "pk")
    return [WorkspaceOut(id=w.pk, name=w.name, kind=w.kind) for w in mine]  # type: ignore[arg-type]
