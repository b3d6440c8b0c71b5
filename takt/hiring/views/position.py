"""A position's employer side: add candidates, book interviews, fill and close it."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from takt.core.booking import DoubleBooking
from takt.core.models import Application, Interview, Position
from takt.core.pages import for_page, page_language
from takt.core.paging import newest_first, soonest_first
from takt.core.rules import Blocked, Finding, warned
from takt.hiring import positions
from takt.hiring.filters import PositionPageFilter
from takt.hiring.forms import BookForm, CallForm, CandidateForm
from takt.hiring.interviews import book_interview, schedule_findings
from takt.hiring.positions import NotClosable
from takt.hiring.tasks import inform_candidates
from takt.hiring.views.lookup import team_application, team_position

PER_PAGE = 50


@login_required
def manage(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    """The position's candidates (newest first) and interviews (soonest first), a page each."""
    position = team_position(request, workspace_id, position_id)
    search = PositionPageFilter(request.GET)
    applications = newest_first(
        search.candidates(position.applications.select_related("person")),
        request.GET.get("after", ""),
        PER_PAGE,
    )
    interviews = soonest_first(
        search.interviews(
            Interview.objects.filter(position=position).select_related("counterpart")
        ),
        request.GET.get("later", ""),
        PER_PAGE,
        "start",
    )
    chosen = search.cleaned_data
    return render(
        request,
        "hiring/position.html",
        {
            "workspace": position.workspace,
            "position": position,
            "search": search,
            "candidates_narrowed": bool(chosen.get("q") or chosen.get("stage")),
            "interviews_narrowed": bool(
                chosen.get("q") or chosen.get("status") or chosen.get("day")
            ),
            "applications": applications,
            "interviews": interviews,
            # Each list pages on its own; its links keep the other list's place and the filters.
            "keep_interviews": _query_without(request, "after"),
            "keep_candidates": _query_without(request, "later"),
        },
    )


def _query_without(request: HttpRequest, cursor: str) -> str:
    query = request.GET.copy()
    query.pop(cursor, None)
    return query.urlencode()


@login_required
def add_candidate(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    position = team_position(request, workspace_id, position_id)
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person = form.save(commit=False)
            person.workspace = position.workspace
            person.save()
            Application.objects.create(position=position, person=person)
        messages.success(request, _("%(name)s is added.") % {"name": person.name})
        return redirect("employer_position", workspace_id, position.pk)
    return render(
        request,
        "hiring/candidate_form.html",
        {"workspace": position.workspace, "position": position, "form": form},
    )


@login_required
def book(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    position = team_position(request, workspace_id, position_id)
    assert isinstance(request.user, User)
    form = BookForm(
        request.POST or None,
        applications=position.applications.filter(stage__in=positions.OPEN_STAGES).select_related(
            "person"
        ),
        members=position.workspace.members.all(),
        initial={"application": request.GET.get("application")},
    )
    findings: list[Finding] = []
    clash: Interview | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        start = data["start"]
        try:
            interview = book_interview(
                position,
                data["application"],
                start=start,
                end=start + timedelta(minutes=data["minutes"]),
                timezone=data["timezone"],
                interviewers=list(data["interviewers"]),
                actor=request.user,
                location=data["location"],
                acknowledged=request.POST.getlist("seen"),
                language=page_language(),
            )
        except Blocked as refused:
            findings = refused.findings
        except DoubleBooking as error:
            clash = error.conflicts[0].interview
            # What the calendars said still stands beside the clash in Takt itself.
            findings = schedule_findings(
                list(data["interviewers"]),
                start,
                start + timedelta(minutes=data["minutes"]),
                timezone=data["timezone"],
                lang=page_language(),
            )
        else:
            messages.success(request, _("The interview is booked."))
            return redirect(interview.get_absolute_url())
    return render(
        request,
        "hiring/book.html",
        {
            "workspace": position.workspace,
            "position": position,
            "form": form,
            "findings": for_page(findings),
            "seen": warned(findings),
            "clash": clash,
        },
    )


@login_required
def fill(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    """The one action: the position is filled, tell every remaining candidate."""
    position = team_position(request, workspace_id, position_id)
    assert isinstance(request.user, User)
    if position.status != Position.Status.OPEN:
        return redirect("employer_filled", workspace_id, position.pk)
    candidates = position.applications.filter(stage__in=positions.OPEN_STAGES).select_related(
        "person"
    )
    if request.method == "POST":
        hired_id = request.POST.get("hired") or ""
        hired = candidates.filter(pk=hired_id).first() if hired_id.isdigit() else None
        if hired_id and hired is None:
            messages.error(request, _("Choose the person you hired from the list."))
        else:
            positions.mark_filled(
                position,
                hired=hired,
                actor=request.user,
                now=timezone.now(),
                acknowledged=request.POST.getlist("seen"),
                lang=page_language(),
            )
            transaction.on_commit(
                lambda: inform_candidates.enqueue(position.pk, request.user.pk, page_language())
            )
            return redirect("employer_filled", workspace_id, position.pk)
    counts = {stage: candidates.filter(stage=stage).count() for stage in positions.OPEN_STAGES}
    return render(
        request,
        "hiring/fill.html",
        {
            "workspace": position.workspace,
            "position": position,
            "candidates": candidates.order_by("person__name"),
            "counts": counts,
        },
    )


@login_required
def filled(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    """Progress while the worker informs everyone, the call list, and closing."""
    position = team_position(request, workspace_id, position_id)
    if position.status == Position.Status.OPEN:
        return redirect("employer_fill", workspace_id, position.pk)
    remaining = positions.remaining(position)
    total = remaining.count()
    uninformed = positions.uninformed(position).select_related("person").order_by("person__name")
    waiting_for_email = uninformed.exclude(person__email="").count()
    informed = total - uninformed.count()
    findings = positions.close_findings(position, now=timezone.now(), lang=page_language())
    return render(
        request,
        "hiring/filled.html",
        {
            "workspace": position.workspace,
            "position": position,
            "total": total,
            "informed": informed,
            "percent": int(100 * informed / total) if total else 100,
            "running": waiting_for_email > 0,
            "uninformed": uninformed[:200],
            "uninformed_count": uninformed.count(),
            "calls": positions.call_list(position),
            "call_form": CallForm(),
            "findings": for_page(findings),
            "closable": not any(f.blocks for f in findings),
        },
    )


@login_required
def resume(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    position = team_position(request, workspace_id, position_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if position.status == Position.Status.FILLED:
        inform_candidates.enqueue(position.pk, request.user.pk, page_language())
    return redirect("employer_filled", workspace_id, position.pk)


@login_required
def close(request: HttpRequest, workspace_id: int, position_id: int) -> HttpResponse:
    position = team_position(request, workspace_id, position_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    try:
        positions.finish_closing(
            position,
            actor=request.user,
            now=timezone.now(),
            lang=page_language(),
            acknowledged=request.POST.getlist("seen"),
        )
    except NotClosable as refused:
        messages.error(
            request,
            ngettext(
                "Not closed yet: %(count)d candidate has not been told.",
                "Not closed yet: %(count)d candidates have not been told.",
                len(refused.names),
            )
            % {"count": len(refused.names)},
        )
    else:
        messages.success(request, _("The position is closed. Everyone has been told."))
    return redirect("employer_filled", workspace_id, position.pk)


@login_required
def call_candidate(
    request: HttpRequest, workspace_id: int, position_id: int, application_id: int
) -> HttpResponse:
    application = team_application(request, workspace_id, position_id, application_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = CallForm(request.POST)
    if form.is_valid():
        positions.log_call(
            application,
            outcome=form.cleaned_data["outcome"],
            actor=request.user if isinstance(request.user, User) else None,
            now=timezone.now(),
            note=form.cleaned_data["note"],
            language=page_language(),
        )
    else:
        messages.error(request, _("Choose how the call went."))
    return redirect("employer_filled", workspace_id, position_id)
