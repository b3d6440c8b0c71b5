"""Adding an interview by hand or from an invitation file, checked against the calendar (Tip 2)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from takt.calendars.services import has_calendar
from takt.core.booking import DoubleBooking
from takt.core.models import Workspace
from takt.core.rules import Blocked
from takt.core.templatetags.takt_tags import clock, when
from takt.seeker.forms import IcsForm, InterviewForm
from takt.seeker.invitation_file import InvitationProblem, read_invitation
from takt.seeker.services import AlreadyImported, add_interview
from takt.seeker.views.common import me, personal_workspace, shown


def _problem_text(code: str) -> str:
    return {
        "too_big": _("The file is too big to be an invitation."),
        "unreadable": _("This file is not a calendar file Takt can read."),
        "no_event": _("The file holds no meeting."),
        "no_start": _("The meeting in the file has no start time."),
        "all_day": _("The meeting in the file lasts all day; give the time by hand."),
        "organizers": _("The file names more than one organizer; fill in the contact by hand."),
        "duration": _("The meeting's length in the file cannot be read; give the times by hand."),
        "year": _("The meeting in the file is dated outside the years 1900 to 2200."),
    }.get(code, _("This file is not a calendar file Takt can read."))


def _page(
    request: HttpRequest, workspace: Workspace, form: InterviewForm, **extra: Any
) -> HttpResponse:
    context = {
        "workspace": workspace,
        "form": form,
        "ics_form": extra.pop("ics_form", IcsForm()),
        "has_calendar": has_calendar(me(request)),
        **extra,
    }
    return render(request, "seeker/add.html", context)


@login_required
def add(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = personal_workspace(request, workspace_id)
    user = me(request)
    if request.method != "POST":
        return _page(request, workspace, InterviewForm())
    form = InterviewForm(request.POST)
    if not form.is_valid():
        return _page(request, workspace, form)
    data = form.cleaned_data
    try:
        interview = add_interview(
            workspace=workspace,
            actor=user,
            company=data["company"],
            role=data["role"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            contact_language=data["contact_language"],
            contact_locale=data["contact_locale"],
            start=data["start"],
            end=data["end"],
            zone=data["zone"],
            location=data["location"],
            video_link=data["video_link"],
            uid=data["uid"],
        )
    except Blocked as refusal:
        return _page(request, workspace, form, **shown(refusal.findings))
    except DoubleBooking as clash:
        other = clash.conflicts[0].interview
        form.add_error(
            "day",
            _("This collides with your interview %(other)s, %(when)s–%(end)s.")
            % {
                "other": other.title,
                "when": when(other.start, other.timezone),
                "end": clock(other.end, other.timezone),
            },
        )
        return _page(request, workspace, form)
    except AlreadyImported:
        form.add_error(None, _("This invitation is already in Takt."))
        return _page(request, workspace, form)
    messages.success(request, _("The interview is added."))
    if not has_calendar(user):
        # Tip 2's advice (schedule.unchecked): nothing could be checked, so say so once.
        messages.info(
            request,
            _("No calendar is connected, so Takt cannot check this time against your other plans."),
        )
    return redirect(interview.get_absolute_url())


@login_required
def import_invitation(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """Read the invitation file and show the add form filled in; nothing is saved yet."""
    workspace = personal_workspace(request, workspace_id)
    if request.method != "POST":
        return redirect("seeker_add", workspace_id=workspace.pk)
    ics_form = IcsForm(request.POST, request.FILES)
    if not ics_form.is_valid():
        return _page(request, workspace, InterviewForm(), ics_form=ics_form)
    try:
        initial = read_invitation(ics_form.cleaned_data["invitation"].read())
    except InvitationProblem as problem:
        ics_form.add_error("invitation", _problem_text(problem.code))
        return _page(request, workspace, InterviewForm(), ics_form=ics_form)
    messages.info(
        request, _("Read from the invitation. Check the details and add what is missing.")
    )
    return _page(request, workspace, InterviewForm(initial=initial), imported=True)
