"""Every lookup goes through the user's workspaces: another workspace's objects are a 404."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from takt.core.models import Interview, Position, Workspace


def workspace_for(request: HttpRequest, workspace_id: int) -> Workspace:
    return get_object_or_404(Workspace, pk=workspace_id, members=request.user)


def interviews_in(workspace: Workspace) -> QuerySet[Interview]:
    return Interview.objects.filter(workspace=workspace).select_related(
        "counterpart", "position", "workspace"
    )


def interview_for(request: HttpRequest, workspace_id: int, interview_id: int) -> Interview:
    workspace = workspace_for(request, workspace_id)
    return get_object_or_404(interviews_in(workspace), pk=interview_id)


def position_for(request: HttpRequest, workspace_id: int, position_id: int) -> Position:
    workspace = workspace_for(request, workspace_id)
    return get_object_or_404(Position, pk=position_id, workspace=workspace)
