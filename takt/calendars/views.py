"""My calendars in a workspace: list them, add one, refresh one now, remove one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from takt.calendars import services
from takt.calendars.discovery import discover_calendars
from takt.calendars.errors import CalendarError
from takt.calendars.forms import CalendarSourceForm, ChooseCalendarsForm, FindCalDAVForm
from takt.calendars.models import BusyTime, CalendarSource
from takt.core.access import workspace_for
from takt.core.models import Workspace
from takt.core.pages import page_language

UPCOMING = 5


def _source_for(request: HttpRequest, workspace_id: int, source_id: int) -> CalendarSource:
    """One of the signed-in member's own calendars in that workspace; 404 for anyone else's."""
    workspace = workspace_for(request, workspace_id)
    return get_object_or_404(
        CalendarSource, pk=source_id, workspace=workspace, owner_id=request.user.pk
    )


@login_required
def calendar_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = workspace_for(request, workspace_id)
    sources = list(
        CalendarSource.objects.filter(workspace=workspace, owner_id=request.user.pk)
        .annotate(busy_count=Count("busy"))
        .order_by("name", "pk")
    )
    lang = page_language()
    for source in sources:
        source.error_text = source.error_message(lang)  # type: ignore[attr-defined]
    upcoming = BusyTime.objects.filter(source__in=sources, end__gt=timezone.now()).select_related(
        "source"
    )[:UPCOMING]
    return render(
        request,
        "calendars/calendar_list.html",
        {"workspace": workspace, "sources": sources, "upcoming": upcoming},
    )


@login_required
def calendar_add(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = workspace_for(request, workspace_id)
    form = CalendarSourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            source, count = services.add_source(
                workspace=workspace,
                owner=request.user,  # type: ignore[arg-type]
                kind=data["kind"],
                name=data["name"],
                url=data["url"] if data["kind"] != CalendarSource.Kind.ICS_FILE else "",
                username=data["username"] if data["kind"] == CalendarSource.Kind.CALDAV else "",
                password=data["password"] if data["kind"] == CalendarSource.Kind.CALDAV else "",
                ics_data=data["file"] if data["kind"] == CalendarSource.Kind.ICS_FILE else None,
                zone=data["timezone"],
            )
        except CalendarError as error:
            form.add_error(form.error_field(), error.message(page_language()))
        else:
            _connected(request, source, count)
            return redirect("calendars", workspace.pk)
    return render(request, "calendars/calendar_add.html", {"workspace": workspace, "form": form})


@login_required
def calendar_find(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """A CalDAV account's calendars found from its server or e-mail address, then ticked to add."""
    workspace = workspace_for(request, workspace_id)
    if request.method == "POST" and "found" in request.POST:
        return _add_ticked(request, workspace, ChooseCalendarsForm(request.POST))
    form = FindCalDAVForm(request.POST or None)
    choose = None
    if request.method == "POST" and form.is_valid():
        account = form.cleaned_data
        try:
            found = discover_calendars(
                account["address"],
                account["username"],
                account["password"],
                timeout=services.PAGE_TIMEOUT,
            )
        except CalendarError as error:
            form.add_error("address", error.message(page_language()))
        else:
            if found:
                choose = ChooseCalendarsForm.offering(found, account)
            else:
                form.add_error(
                    "address",
                    _(
                        "The account has no calendars Takt could find. Check the address and the "
                        "user name, or give the address of the calendar itself."
                    ),
                )
    return _find_page(request, workspace, form, choose)


def _add_ticked(
    request: HttpRequest, workspace: Workspace, choose: ChooseCalendarsForm
) -> HttpResponse:
    if not choose.is_valid():
        if "found" in choose.errors:
            # The list is gone (too old, or altered): start again from the account.
            problems = [str(problem) for problem in choose.errors["found"]]
            return _find_page(request, workspace, FindCalDAVForm(), None, problems)
        return _find_page(request, workspace, None, choose)
    account = choose.cleaned_data
    for calendar in choose.ticked():
        try:
            source, count = services.add_source(
                workspace=workspace,
                owner=request.user,  # type: ignore[arg-type]
                kind=CalendarSource.Kind.CALDAV,
                name=calendar.name,
                url=calendar.url,
                username=account["username"],
                password=account["password"],
                zone=account["timezone"],
            )
        except CalendarError as error:
            messages.error(request, f"{calendar.name}: {error.message(page_language())}")
        else:
            _connected(request, source, count)
    return redirect("calendars", workspace.pk)


def _connected(request: HttpRequest, source: CalendarSource, count: int | None) -> None:
    """Say that a calendar is connected: with its busy times, or that the worker reads it."""
    if count is None:
        messages.info(
            request,
            _(
                "%(name)s is connected. Its server is slow to answer, so Takt reads it "
                "in the background: this page shows when it is done."
            )
            % {"name": source},
        )
        return
    messages.success(
        request,
        ngettext(
            "%(name)s is connected: %(count)d busy time read.",
            "%(name)s is connected: %(count)d busy times read.",
            count,
        )
        % {"name": source, "count": count},
    )


def _find_page(
    request: HttpRequest,
    workspace: Workspace,
    form: FindCalDAVForm | None,
    choose: ChooseCalendarsForm | None,
    problems: list[str] | None = None,
) -> HttpResponse:
    return render(
        request,
        "calendars/calendar_find.html",
        {"workspace": workspace, "form": form, "choose": choose, "problems": problems or []},
    )


@login_required
def calendar_refresh(request: HttpRequest, workspace_id: int, source_id: int) -> HttpResponse:
    source = _source_for(request, workspace_id, source_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    result = services.refresh_source(source, lang=page_language())
    if result.error is not None:
        messages.error(request, result.error.message(page_language()))
    else:
        messages.success(
            request,
            ngettext(
                "%(name)s is up to date: %(count)d busy time.",
                "%(name)s is up to date: %(count)d busy times.",
                result.busy_count,
            )
            % {"name": source, "count": result.busy_count},
        )
    return redirect("calendars", source.workspace_id)


@login_required
def calendar_remove(request: HttpRequest, workspace_id: int, source_id: int) -> HttpResponse:
    source = _source_for(request, workspace_id, source_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    name = str(source)
    services.remove_source(source)
    messages.success(request, _("%(name)s is removed.") % {"name": name})
    return redirect("calendars", workspace_id)
