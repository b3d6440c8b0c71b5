"""A team's positions, newest first, a page at a time, narrowed by status and title."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from takt.core.models import Application, Position
from takt.core.paging import newest_first
from takt.hiring.filters import PositionFilter
from takt.hiring.views.lookup import team_workspace

PER_PAGE = 50
CLOSED_STAGES = [Application.Stage.HIRED, Application.Stage.WITHDRAWN]


@login_required
def position_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = team_workspace(request, workspace_id)
    search = PositionFilter(request.GET)
    rows = search.narrow(Position.objects.filter(workspace=workspace))
    page = newest_first(rows, request.GET.get("after", ""), PER_PAGE)
    _count_candidates(page.rows)
    query = request.GET.copy()
    query.pop("after", None)
    return render(
        request,
        "hiring/position_list.html",
        {"workspace": workspace, "page": page, "search": search, "query": query.urlencode()},
    )


def _count_candidates(positions: list[Position]) -> None:
    """Candidates and those not yet told, for one page of positions in one query."""
    counts = {
        row["position"]: row
        for row in Application.objects.filter(position__in=positions)
        .values("position")
        .annotate(
            candidates=Count("pk"),
            uninformed=Count(
                "pk", filter=Q(informed_at__isnull=True) & ~Q(stage__in=CLOSED_STAGES)
            ),
        )
        .order_by()
    }
    for position in positions:
        row: Mapping[str, Any] = counts.get(position.pk, {})
        position.candidates = row.get("candidates", 0)  # type: ignore[attr-defined]
        position.uninformed = row.get("uninformed", 0)  # type: ignore[attr-defined]
