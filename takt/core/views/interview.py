from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from takt.core import access
from takt.core.pages import findings_now
from takt.core.timeline import timeline_of


@login_required
def interview_detail(request: HttpRequest, workspace_id: int, interview_id: int) -> HttpResponse:
    interview = access.interview_for(request, workspace_id, interview_id)
    return render(
        request,
        "core/interview_detail.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            "interviewers": [b.user for b in interview.bookings.select_related("user")],
            "timeline": timeline_of(interview),
            "changes": interview.changes.prefetch_related("alternatives"),
            "now_findings": findings_now(interview, timezone.now()),
        },
    )
