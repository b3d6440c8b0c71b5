from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from takt.core import access
from takt.core.models import Change, Interview, Workspace
from takt.core.needs import NEEDS, needs_action
from takt.core.paging import soonest_first

# An interview still going on began less than this long ago; one longer than a day
# leaves the upcoming list once it has begun, as it would once over.
LONGEST = timedelta(days=1)


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
        # Begun at most a day ago: the walk by start time skips the workspace's past years
        # instead of reading through them to the ones not yet over.
        interviews.filter(status__in=Interview.ACTIVE, end__gte=now, start__gte=now - LONGEST)
        .select_related("workspace", "position", "counterpart")
        .prefetch_related("bookings__user")
        .order_by("start")[:20]
    )
    open_changes = (
        Change.objects.filter(workspace=workspace, in_progress=True)
        .select_related("interview__counterpart", "interview__position", "interview__workspace")
        # Open (state in OPEN_STATES), newest first: the database walks the workspace's open
        # changes back from the newest (change_ws_open_newest) and stops at twenty. By time,
        # not by id alone, which PostgreSQL would rather walk in the primary key past every
        # other workspace's.
        .order_by("-created_at", "-pk")[:20]
    )
    return render(
        request,
        "core/dashboard.html",
        {
            "workspace": workspace,
            "upcoming": upcoming,
            "open_changes": open_changes,
            "needs": needs_action(workspace, now),
            "soon": now + timedelta(hours=24),
        },
    )


NEEDS_PER_PAGE = 50


@login_required
def needs_list(request: HttpRequest, workspace_id: int, name: str) -> HttpResponse:
    """Every item of one kind of work, most urgent first, a page at a time."""
    workspace = access.workspace_for(request, workspace_id)
    need = NEEDS.get(name)
    if need is None or not need.applies(workspace):
        raise Http404
    now = timezone.now()
    page = soonest_first(
        need.rows(workspace, now), request.GET.get("after", ""), NEEDS_PER_PAGE, need.order
    )
    return render(
        request,
        "core/needs_list.html",
        {
            "workspace": workspace,
            "need": need,
            "page": page,
            "items": [need.item(row, workspace, now) for row in page],
        },
    )
