"""A sent offer's page: the times offered, the candidate's e-mailed answer, and one click each way.

Without it a recruiter whose candidate answered by e-mail was stuck: the sent
offer stayed open, so "offer new times" said a change was already in progress.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import changes
from takt.core.booking import DoubleBooking
from takt.core.pages import for_page, page_language
from takt.core.rules import Blocked, Unacknowledged, blocking, warned
from takt.core.timeline import meaning_of
from takt.hiring import answers
from takt.hiring.checks import free_for_interviewers
from takt.hiring.receiving import first_name
from takt.hiring.views.lookup import team_change


@login_required
def sent_page(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change(request, workspace_id, change_id)
    interview = change.interview
    if not change.is_open or change.sent_at is None:
        return redirect(interview.get_absolute_url())
    answer = answers.latest_answer(change)
    found = []
    if answer is not None and answer.taken is not None:
        taken = answer.taken
        found = free_for_interviewers(
            interview, taken.start, taken.end, now=timezone.now(), lang=page_language()
        )
    meaning = ""
    if answer is not None:
        reading = answer.event.data.get("reading") or {}
        meaning = meaning_of(reading, interview.timezone, first_name(interview))
    return render(
        request,
        "hiring/change_sent.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            "change": change,
            "offered": change.alternatives.order_by("start"),
            "answer": answer,
            "words": str(answer.event.data.get("note") or "") if answer else "",
            "meaning": meaning,
            "findings": for_page(found),
            "blocked": blocking(found),
            "seen": warned(found),
        },
    )


@login_required
def book(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change(request, workspace_id, change_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    again = redirect("employer_change_sent", workspace_id, change.pk)
    try:
        answers.book_answered_time(
            change,
            actor=request.user,
            language=page_language(),
            acknowledged=request.POST.getlist("seen"),
        )
    except Unacknowledged:
        messages.warning(request, _("Read the warnings below. Press again to go on anyway."))
        return again
    except Blocked:
        messages.error(request, _("The time is not booked: fix what is marked “Must fix” first."))
        return again
    except DoubleBooking:
        messages.error(request, _("Someone booked that time a moment ago. Offer other times."))
        return again
    except (answers.NoAnswer, changes.NotAllowed):
        messages.info(request, _("The offer is answered already, or the interview has moved."))
    else:
        messages.success(request, _("The time is booked. The candidate gets it in their calendar."))
    return redirect(change.interview.get_absolute_url())


@login_required
def offer_again(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change(request, workspace_id, change_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    try:
        fresh = answers.offer_other_times(change, actor=request.user, language=page_language())
    except changes.NotAllowed:
        messages.info(request, _("The offer is answered already, or the interview has moved."))
        return redirect(change.interview.get_absolute_url())
    except Blocked as refused:
        messages.error(request, " ".join(f.message for f in refused.findings))
        return redirect(change.interview.get_absolute_url())
    return redirect("employer_change", workspace_id, fresh.pk)
