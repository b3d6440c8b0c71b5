from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from takt.core import access
from takt.core.models import Change, Interview, Workspace
from takt.core.needs import needs_action


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The first workspace's dashboard; a user without one sees how to get one."""
    assert isinstance(request.user, User)
    first = Workspace.objects.filter(members=request.user).order_by("kind", "name").first()
    if first is None:
        return render(request, "core/no_workspace.html")
    return redirect("dashboard", workspace_id=first.pk)


@login_required
def dashboard(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = access.workspace_for(request, workspace_id)
    now = timezone.now()
    interviews = access.interviews_in(workspace)
    upcoming = (
        interviews.filter(status__in=Interview.ACTIVE, end__gte=now)
        .prefetch_related("bookings__user")
        .order_by("start")[:20]
    )
    open_changes = (
        Change.objects.filter(interview__workspace=workspace, state__in=Change.OPEN_STATES)
        .select_related("interview", "interview__counterpart", "interview__position")
        .order_by("-created_at")[:20]
    )
    return render(
        request,
        "core/dashboard.html",
        {
            "workspace": workspace,
            "upcoming": upcoming,
            "open_changes": open_changes,
            "actions": needs_action(workspace, now),
            "soon": now + timedelta(hours=24),
        },
    )
