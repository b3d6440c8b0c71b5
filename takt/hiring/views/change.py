"""One employer change being sent: the call first when it is urgent, the times, the e-mail.

The rules run on what is on the page right now; a block stops the send, a
warning is shown once and then recorded as gone past (changes.acknowledge).
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import changes
from takt.core.models import Change
from takt.core.pages import for_page, page_language
from takt.core.rules import Finding, blocking, findings_for, unacknowledged, warned
from takt.hiring import employer
from takt.hiring.forms import CallForm, TimesForm
from takt.hiring.mail import drafts, kind_of
from takt.hiring.views.lookup import team_change

PREVIEW_LINK = "https://…/c/…"


def _times_rules(change: Change, times: list[Any], now: Any, lang: str) -> list[Finding]:
    """A cancellation that offers times is held to the same rules as an offer (M3.3)."""
    found = findings_for(change, now=now, lang=lang, alternatives=times, action="reschedule")
    return [f for f in found if f.rule.startswith("alternatives.")]


@login_required
def change_page(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change(request, workspace_id, change_id)
    assert isinstance(request.user, User)
    interview = change.interview
    if not change.is_open or change.sent_at is not None:
        return redirect(interview.get_absolute_url())
    now = timezone.now()
    lang = page_language()
    if request.method == "POST" and "reason_text" in request.POST:
        text = request.POST["reason_text"].strip()[:2000]
        if text != change.reason_text:
            change.reason_text = text
            change.save(update_fields=["reason_text", "updated_at"])
    is_cancel = change.kind == Change.Kind.CANCEL
    with_times = not is_cancel or request.GET.get("times") == "1" or "keep" in request.POST
    suggestions = employer.suggest_times(interview, now=now) if with_times else []
    form = TimesForm(
        request.POST or None,
        suggestions=suggestions,
        zone_name=interview.timezone,
        duration=interview.end - interview.start,
        initial={"keep": [s.isoformat() for s, _e in suggestions]},
    )
    times = suggestions
    if form.is_bound:
        times = form.times() if form.is_valid() else []
    if not with_times:
        times = []
    action = "cancel" if is_cancel else "reschedule"
    written = drafts(
        interview,
        request.user,
        action,
        change=change,
        alternatives=times,
        link=PREVIEW_LINK if times else None,
        language=lang,
    )
    email = kind_of(written, "email")
    found = findings_for(
        change,
        now=now,
        lang=lang,
        alternatives=times if not is_cancel else (),
        busy=employer.busy_of_interviewers(interview, times) if not is_cancel else None,
        channel="email",
        message=(email.language, email.text),
    )
    if is_cancel and with_times:
        found += _times_rules(change, times, now, lang)
    call_first = is_cancel and employer.needs_call_first(interview, change, now)
    seen = request.POST.getlist("seen")
    sending = request.method == "POST" and "preview" not in request.POST
    if sending and form.is_valid() and not blocking(found):
        if unacknowledged(found, seen):
            messages.warning(request, _("Read the warnings below. Press again to go on anyway."))
        else:
            changes.acknowledge(change, found, actor=request.user)
            if is_cancel:
                employer.send_cancellation(
                    change, actor=request.user, times=times or None, now=now, language=lang
                )
                messages.success(request, _("The interview is cancelled and the candidate told."))
            else:
                employer.send_offer(change, times, actor=request.user, now=now, language=lang)
                messages.success(request, _("The times are sent. We tell you when they choose."))
            return redirect(interview.get_absolute_url())
    script = next((m for m in written if m.kind == "phone_script"), None)
    return render(
        request,
        "hiring/change.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            "change": change,
            "is_cancel": is_cancel,
            "with_times": with_times,
            "form": form,
            "suggestions": suggestions,
            "email": email,
            "script": script,
            "call_first": call_first,
            "call_form": CallForm(),
            "attempts": change.contact_attempts.all(),
            "findings": for_page(found),
            "time_findings": for_page(f for f in found if f.rule.startswith("alternatives.")),
            "other_findings": for_page(f for f in found if not f.rule.startswith("alternatives.")),
            "blocked": blocking(found),
            "seen": warned(found),
            "kept": request.POST.getlist("keep")
            if form.is_bound
            else [s.isoformat() for s, _e in suggestions],
        },
    )


@login_required
def log_call(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change(request, workspace_id, change_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    form = CallForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how the call went."))
    else:
        changes.log_contact(
            change.interview,
            channel="phone",
            outcome=form.cleaned_data["outcome"],
            actor=request.user,
            change=change,
            note=form.cleaned_data["note"],
        )
    url = request.POST.get("back", "")
    if not url.startswith(f"/w/{workspace_id}/"):
        url = reverse("employer_change", args=[workspace_id, change.pk])
    return redirect(url)


@login_required
def withdraw(request: HttpRequest, workspace_id: int, change_id: int) -> HttpResponse:
    change = team_change(request, workspace_id, change_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    assert isinstance(request.user, User)
    if change.is_open and change.sent_at is None:
        changes.withdraw_change(change, actor=request.user)
        messages.success(request, _("Nothing was sent. The interview stays as it was."))
    return redirect(change.interview.get_absolute_url())
