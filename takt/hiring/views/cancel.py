"""Starting a cancellation or an offer of new times: why, in a sentence."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import changes
from takt.core.models import Interview
from takt.core.pages import findings_now, for_page, page_language
from takt.core.reason_language import ask_in, reason_fits, their_language
from takt.core.rules import Blocked, Unacknowledged, warned
from takt.hiring import employer
from takt.hiring.forms import CancelForm, OfferReasonForm
from takt.hiring.views.lookup import team_interview


@login_required
def start_cancel(request: HttpRequest, workspace_id: int, interview_id: int) -> HttpResponse:
    interview = team_interview(request, workspace_id, interview_id)
    assert isinstance(request.user, User)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _reason_fits(form, interview):
        try:
            change = employer.start_cancel(
                interview,
                reason_category=form.cleaned_data["reason_category"],
                reason_text=form.cleaned_data["reason_text"],
                emergency=form.cleaned_data["emergency"],
                actor=request.user,
                acknowledged=request.POST.getlist("seen"),
                language=page_language(),
            )
        except changes.NotAllowed:
            return _in_progress(request, interview)
        except Blocked as refused:
            return _start_page(request, interview, form, "cancel", refused)
        url = reverse("employer_change", args=[workspace_id, change.pk])
        return redirect(f"{url}?times=1" if request.POST.get("next") == "times" else url)
    return _start_page(request, interview, form, "cancel")


@login_required
def start_offer(request: HttpRequest, workspace_id: int, interview_id: int) -> HttpResponse:
    interview = team_interview(request, workspace_id, interview_id)
    assert isinstance(request.user, User)
    form = OfferReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _reason_fits(form, interview):
        try:
            change = employer.start_offer(
                interview,
                reason_category=form.cleaned_data["reason_category"],
                reason_text=form.cleaned_data["reason_text"],
                actor=request.user,
                acknowledged=request.POST.getlist("seen"),
                language=page_language(),
            )
        except changes.NotAllowed:
            return _in_progress(request, interview)
        except Blocked as refused:
            return _start_page(request, interview, form, "reschedule", refused)
        return redirect("employer_change", workspace_id, change.pk)
    return _start_page(request, interview, form, "reschedule")


def _start_page(
    request: HttpRequest,
    interview: Interview,
    form: forms.Form,
    kind: str,
    refused: Blocked | None = None,
) -> HttpResponse:
    """The form that starts a cancellation or an offer, with the findings that apply now.

    When the verb refused, its findings are shown too, and the warnings among
    them go back with the form as seen.
    """
    found = refused.findings if refused else []
    asked = ask_in(form, *their_language(interview))
    if isinstance(refused, Unacknowledged):
        messages.warning(request, _("Read the warnings below. Press again to go on anyway."))
    return render(
        request,
        "hiring/start.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            "form": form,
            "kind": kind,
            "now_findings": findings_now(interview, timezone.now()),
            "findings": for_page(found),
            "seen": warned(found),
            # What the candidate hears next survives the page coming back with warnings.
            "next": request.POST.get("next", "promise"),
            **asked,
        },
    )


def _reason_fits(form: forms.Form, interview: Interview) -> bool:
    """The reason in the candidate's language when it differs from the page's (one per message)."""
    ask_in(form, *their_language(interview))  # the field's help, should the form come back
    return reason_fits(form, *their_language(interview))


def _in_progress(request: HttpRequest, interview: Interview) -> HttpResponse:
    """One change at a time: say so and go back to the interview."""
    messages.error(request, _("This interview already has a change in progress."))
    return redirect(interview.get_absolute_url())
