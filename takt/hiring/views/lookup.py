"""Team-only lookups: every employer page is a 404 for a personal workspace or a stranger."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from takt.core import access
from takt.core.models import Application, Change, Interview, Position, Side, Workspace


def team_workspace(request: HttpRequest, workspace_id: int) -> Workspace:
    workspace = access.workspace_for(request, workspace_id)
    if not workspace.is_team:
        raise Http404
    return workspace


def team_interview(request: HttpRequest, workspace_id: int, interview_id: int) -> Interview:
    team_workspace(request, workspace_id)
    return access.interview_for(request, workspace_id, interview_id)


def team_position(request: HttpRequest, workspace_id: int, position_id: int) -> Position:
    team_workspace(request, workspace_id)
    return access.position_for(request, workspace_id, position_id)


def team_change(request: HttpRequest, workspace_id: int, change_id: int) -> Change:
    workspace = team_workspace(request, workspace_id)
    return get_object_or_404(
        Change.objects.select_related(
            "interview", "interview__counterpart", "interview__workspace"
        ),
        pk=change_id,
        interview__workspace=workspace,
        side=Side.EMPLOYER,
    )


def team_application(
    request: HttpRequest, workspace_id: int, position_id: int, application_id: int
) -> Application:
    position = team_position(request, workspace_id, position_id)
    return get_object_or_404(
        Application.objects.select_related("person", "position", "position__workspace"),
        pk=application_id,
        position=position,
    )


def team_change_either_side(request: HttpRequest, workspace_id: int, change_id: int) -> Change:
    """A change in the team's workspace, whoever started it: a calendar proposal sits on either."""
    workspace = team_workspace(request, workspace_id)
    return get_object_or_404(
        Change.objects.select_related(
            "interview", "interview__counterpart", "interview__workspace"
        ),
        pk=change_id,
        interview__workspace=workspace,
    )
