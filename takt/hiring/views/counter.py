"""The candidate's proposal from their calendar (iTIP COUNTER): accept it or say no, one click each.

The verbs (calendar_answers.accept_counter, decline_counter) run the rules
themselves; this page shows what they will hold the recruiter to.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import changes
from takt.core.booking import DoubleBooking
from takt.core.models import Change, Interview
from takt.core.pages import for_page, page_language
from takt.core.rules import Blocked, Unacknowledged, blocking, warned
from takt.hiring import calendar_answers
from takt.hiring.calendar_answers import CancelUnderway, Counter, NoCounter
from takt.hiring.checks import free_for_interviewers
from takt.hiring.views.lookup import team_change_either_side


def _cancel_underway() -> str:
    return _(
        "You are calling this interview off, so it cannot be moved to the proposed time. "
        "Withdraw the cancellation first, or decline the proposal."
    )


def counter_context(interview: Interview, change: Change, counter: Counter) -> dict[str, object]:
    """What the counter section shows, on its own page and on the change page."""
    found = free_for_interviewers(
        interview, counter.start, counter.end, now=timezone.now(), lang=page_language()
    )
    return {
        "counter": counter,
        "counter_change": change,
        "counter_findings": for_page(found),
        "counter_blocked": blocking(found),
        "counter_seen": warned(found),
        "counter_on_cancel": change.kind == Change.Kind.CANCEL,
    }


@login_required
def counter_page(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change_either_side(request, workspace_id, change_id)
    interview = change.interview
    counter = calendar_answers.pending_counter(interview, change)
    if counter is None:
        messages.info(request, _("That proposal is answered already, or the interview has moved."))
        return redirect(interview.get_absolute_url())
    return render(
        request,
        "hiring/counter.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            **counter_context(interview, change, counter),
        },
    )


@login_required
def accept(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change_either_side(request, workspace_id, change_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    again = reverse("employer_counter", args=[workspace_id, change.pk])
    try:
        calendar_answers.accept_counter(
            change,
            actor=request.user,
            language=page_language(),
            acknowledged=request.POST.getlist("seen"),
        )
    except Unacknowledged:
        messages.warning(request, _("Read the warnings below. Press again to go on anyway."))
        return redirect(again)
    except Blocked:
        messages.error(request, _("The time is not booked: fix what is marked “Must fix” first."))
        return redirect(again)
    except DoubleBooking:
        messages.error(request, _("Someone booked that time a moment ago. Offer other times."))
        return redirect(again)
    except CancelUnderway:
        messages.error(request, _cancel_underway())
        return redirect(again)
    except (NoCounter, changes.NotAllowed):
        messages.info(request, _("That proposal is answered already, or the interview has moved."))
    else:
        messages.success(
            request, _("The interview is moved. The candidate gets the new time in their calendar.")
        )
    return redirect(change.interview.get_absolute_url())


@login_required
def decline(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change_either_side(request, workspace_id, change_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    try:
        calendar_answers.decline_counter(change, actor=request.user, language=page_language())
    except NoCounter:
        messages.info(request, _("That proposal is answered already, or the interview has moved."))
    else:
        messages.success(
            request, _("The candidate is told that the time does not work. The interview stays.")
        )
    return redirect(change.interview.get_absolute_url())
