"""Withdrawing a change the person thought better of."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from takt.seeker import services as seeker
from takt.seeker.views.common import me, personal_interview


@login_required
def withdraw(request: HttpRequest, workspace_id: int, interview_id: int) -> HttpResponse:
    interview = personal_interview(request, workspace_id, interview_id)  # 404 before 405
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    change = seeker.open_change(interview)
    if change is None:
        raise Http404
    seeker.withdraw(change, actor=me(request))
    messages.success(request, _("Withdrawn. The interview stays as it was."))
    return redirect(interview.get_absolute_url())
