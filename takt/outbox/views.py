"""The outbox page (what was sent, what waits, what failed) and an interview's .ics download."""

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import access
from takt.core.models import Interview, Workspace
from takt.core.paging import newest_first
from takt.outbox.backends import eml_name
from takt.outbox.invitation import Invitation, build_download
from takt.outbox.invitations_for import invitation_data, invitation_for
from takt.outbox.models import Message
from takt.outbox.resending import send_again

PER_PAGE = 50


@login_required
def outbox(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = access.workspace_for(request, workspace_id)
    status = request.GET.get("status", "")
    if status not in Message.Status.values:
        status = ""
    rows = Message.objects.filter(workspace=workspace)
    counts = dict(
        rows.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    if status:
        rows = rows.filter(status=status)
    page = newest_first(rows, request.GET.get("after", ""), PER_PAGE)
    filters = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in Message.Status.choices
    ]
    return render(
        request,
        "outbox/outbox.html",
        {
            "workspace": workspace,
            "page": page,
            "status": status,
            "query": urlencode({"status": status}) if status else "",
            "filters": filters,
            "eml_folder": _eml_folder(),
        },
    )


@login_required
def message_detail(request: HttpRequest, workspace_id: int, message_id: int) -> HttpResponse:
    message = _message_for(request, workspace_id, message_id)
    eml = _eml_file(message)
    return render(
        request,
        "outbox/message.html",
        {
            "workspace": message.workspace,
            "message": message,
            "has_eml": eml is not None and eml.exists(),
        },
    )


@login_required
def message_send_again(request: HttpRequest, workspace_id: int, message_id: int) -> HttpResponse:
    message = _message_for(request, workspace_id, message_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if send_again(message, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, _("The message is queued and will be sent again."))
    else:
        messages.error(request, _("Only a failed message can be sent again."))
    return redirect("outbox_message", workspace_id=message.workspace_id, message_id=message.pk)


@login_required
def message_eml(request: HttpRequest, workspace_id: int, message_id: int) -> FileResponse:
    """The .eml file the built-in mailer wrote, for when no mail server is set up."""
    message = _message_for(request, workspace_id, message_id)
    eml = _eml_file(message)
    if eml is None or not eml.exists():
        raise Http404
    return FileResponse(
        eml.open("rb"), as_attachment=True, filename=eml.name, content_type="message/rfc822"
    )


@login_required
def interview_ics(request: HttpRequest, workspace_id: int, interview_id: int) -> HttpResponse:
    """The interview as a calendar file: the one download, for either side of the table.

    A job seeker's file updates the event the employer's invitation put in their own
    calendar: the same UID, the employer as ORGANIZER, REQUEST or CANCEL at the current
    SEQUENCE. A hiring team member's is a plain file to import (PUBLISH, nobody invited).
    """
    interview = access.interview_for(request, workspace_id, interview_id)
    if interview.workspace.is_team:
        calendar = build_download(_invitation(interview, request))
    else:
        person = interview.counterpart
        employer = (person.name, person.email or "noreply@takt.invalid")
        calendar = invitation_for(interview, _method(interview), employer)
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    day = interview.start.astimezone(timezone.get_fixed_timezone(0)).strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="interview-{day}.ics"'
    return response


def _method(interview: Interview) -> str:
    return "CANCEL" if interview.status == Interview.Status.CANCELLED else "REQUEST"


def _message_for(request: HttpRequest, workspace_id: int, message_id: int) -> Message:
    workspace: Workspace = access.workspace_for(request, workspace_id)
    return get_object_or_404(
        Message.objects.select_related("workspace", "interview"), pk=message_id, workspace=workspace
    )


def _invitation(interview: Interview, request: HttpRequest) -> Invitation:
    user = request.user
    name = user.get_full_name() or user.get_username()  # type: ignore[union-attr]
    organizer = (name, user.email or settings.DEFAULT_FROM_EMAIL)  # type: ignore[union-attr]
    # A file to import into one's own calendar invites nobody.
    return replace(invitation_data(interview, _method(interview), organizer), attendees=[])


def _eml_folder() -> Path | None:
    """Where the built-in mailer writes .eml files, when it is the one in use."""
    config: dict[str, Any] = settings.MAILERS.get("default", {})
    if config.get("BACKEND") != "takt.outbox.backends.EmlFolderBackend":
        return None
    return Path(config["OPTIONS"]["folder"])


def _eml_file(message: Message) -> Path | None:
    folder = _eml_folder()
    if folder is None:
        return None
    path = folder / eml_name(message.message_id)
    return path if path.parent == folder else None
