"""One employer change being sent: the call first when it is urgent, the times, the e-mail.

The page shows what the rules say about what is on it right now; the verbs
(employer.send_cancellation, send_offer, log_call) check again and refuse, so
a block stops the send and a warning passes only once it was on the page.
"""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import changes
from takt.core.models import Change
from takt.core.pages import for_page, page_language
from takt.core.rules import Blocked, Unacknowledged, blocking, warned
from takt.core.timeline import meaning_of
from takt.hiring import calendar_answers, checks, employer, receiving
from takt.hiring.forms import CallForm, TimesForm
from takt.hiring.views.counter import counter_context
from takt.hiring.views.lookup import team_change
from takt.scheduling import Span


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
    proposal = receiving.latest_proposal(interview, now=now) if with_times else None
    ticked = suggestions
    if proposal is not None and proposal.slots:
        # The candidate's own times come first and are the ones ticked.
        ticked = proposal.slots
        suggestions = proposal.slots + [s for s in suggestions if s not in proposal.slots]
    counter = calendar_answers.pending_counter(interview, change)
    posted = _one_time_only(request)
    form = TimesForm(
        posted,
        suggestions=suggestions,
        zone_name=interview.timezone,
        duration=interview.end - interview.start,
        initial={"keep": [s.isoformat() for s, _e in ticked]},
    )
    times = ticked
    if form.is_bound:
        times = form.times() if form.is_valid() else []
    offered = times if with_times else None
    about = checks.sending(change, actor=request.user, times=offered, now=now, lang=lang)
    found = about.findings
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            _send(request, change, offered, now, lang)
        except Unacknowledged as unseen:
            found = unseen.findings
            messages.warning(request, _("Read the warnings below. Press again to go on anyway."))
        except Blocked as refused:
            found = refused.findings
        except changes.NotAllowed:
            # Sent from another tab a moment ago: the interview page says how it stands.
            return redirect(interview.get_absolute_url())
        else:
            return redirect(interview.get_absolute_url())
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
            "proposal": proposal,
            **(counter_context(interview, change, counter) if counter else {}),
            "proposal_meaning": meaning_of(
                proposal.reading, interview.timezone, receiving.first_name(interview)
            )
            if proposal
            else "",
            "email": about.email,
            "script": about.script,
            "call_first": is_cancel and employer.needs_call_first(interview, change, now),
            "call_form": CallForm(),
            "attempts": change.contact_attempts.all(),
            "findings": for_page(found),
            "time_findings": for_page(f for f in found if f.rule.startswith("alternatives.")),
            "other_findings": for_page(f for f in found if not f.rule.startswith("alternatives.")),
            "blocked": blocking(found),
            "seen": warned(found),
            "kept": posted.getlist("keep")
            if posted is not None
            else [s.isoformat() for s, _e in ticked],
        },
    )


def _one_time_only(request: HttpRequest) -> QueryDict | None:
    """The form's data; "Offer this time" beside one of the candidate's times offers that alone."""
    if request.method != "POST":
        return None
    only = request.POST.get("only")
    if not only:
        return request.POST
    data = request.POST.copy()
    data.setlist("keep", [only])
    for n in range(1, TimesForm.OWN + 1):
        data[f"own_{n}"] = ""
    return data


def _send(
    request: HttpRequest, change: Change, times: list[Span] | None, now: datetime, lang: str
) -> None:
    """The verb checks the rules; the warnings on the page the person sent are acknowledged."""
    assert isinstance(request.user, User)
    seen = request.POST.getlist("seen")
    if change.kind == Change.Kind.CANCEL:
        employer.send_cancellation(
            change, actor=request.user, times=times, now=now, language=lang, acknowledged=seen
        )
        messages.success(request, _("The interview is cancelled and the candidate told."))
    else:
        employer.send_offer(
            change, times or [], actor=request.user, now=now, language=lang, acknowledged=seen
        )
        messages.success(request, _("The times are sent. We tell you when they choose."))


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
        try:
            employer.log_call(
                change,
                outcome=form.cleaned_data["outcome"],
                actor=request.user,
                note=form.cleaned_data["note"],
                acknowledged=request.POST.getlist("seen"),
                language=page_language(),
            )
        except Blocked as refused:
            # The change page shows the finding itself; this says why nothing was logged.
            messages.error(request, _refused(refused))
        except changes.NotAllowed:
            messages.error(request, _("This change is already closed."))
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
    try:
        employer.withdraw(change, actor=request.user)
    except changes.NotAllowed:
        pass  # Sent or closed already: the interview page says how it stands.
    else:
        messages.success(request, _("Nothing was sent. The interview stays as it was."))
    return redirect(change.interview.get_absolute_url())


def _refused(refused: Blocked) -> str:
    if isinstance(refused, Unacknowledged):
        return _("Read the warnings below. Press again to go on anyway.")
    return _("The call is not logged: fix what is marked “Must fix” first.")
