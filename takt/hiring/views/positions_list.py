from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from takt.core import access
from takt.core.models import Application


@login_required
def position_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = access.workspace_for(request, workspace_id)
    if not workspace.is_team:
        raise Http404
    positions = workspace.positions.annotate(
        candidates=Count("applications"),
        uninformed=Count(
            "applications",
            filter=Q(applications__informed_at__isnull=True)
            & ~Q(applications__stage__in=[Application.Stage.HIRED, Application.Stage.WITHDRAWN]),
        ),
    )
    return render(
        request, "hiring/position_list.html", {"workspace": workspace, "positions": positions}
    )
