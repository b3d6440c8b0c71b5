"""The interview as a calendar file, and withdrawing a change the person thought better of."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from takt.outbox.invitations_for import invitation_for
from takt.seeker import services as seeker
from takt.seeker.views.common import me, personal_interview


@login_required
def calendar_file(request: HttpRequest, workspace_id: int, interview_id: int) -> HttpResponse:
    """The interview at its current time (same UID, current SEQUENCE), or its cancellation."""
    interview = personal_interview(request, workspace_id, interview_id)
    person = interview.counterpart
    method = "CANCEL" if interview.status == interview.Status.CANCELLED else "REQUEST"
    organizer = (person.name, person.email or "noreply@takt.invalid")
    response = HttpResponse(
        invitation_for(interview, method, organizer), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response


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
