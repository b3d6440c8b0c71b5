"""Method 1, one step at a time: why, notice, new times, contact, afterwards.

The draft Change is saved at each step, so the person can leave and come back
to where they were. Every step shows the rules' findings about that step; the
verb behind it refuses on a block or an unacknowledged warning, and the page
shows why. A later step opened by its address while the reason blocks shows
that finding, with the way back, instead of its form.
"""

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from takt.core.models import Change, Interview
from takt.core.reason_language import ask_in, reason_fits, their_language
from takt.core.rules import Blocked, Finding
from takt.core.templatetags.takt_tags import clock, when
from takt.seeker import services as seeker
from takt.seeker.checks import STEP_RULES, first_step_blocks, for_step, raw_findings, suggestions
from takt.seeker.forms import RescheduleReasonForm, TimesForm
from takt.seeker.views import reschedule_reach
from takt.seeker.views.common import (
    RESCHEDULE_STEPS,
    acknowledged_from,
    me,
    person_zone,
    personal_interview,
    reason_initial,
    refused,
    refused_context,
    render_earlier_block,
    shown,
    shown_beside_found_out,
)
from takt.seeker.views.reschedule_steps import reached_steps, render_step


def _go(interview: Interview, step: str) -> HttpResponse:
    return redirect("seeker_reschedule", interview.workspace_id, interview.pk, step)


@login_required
def reschedule(
    request: HttpRequest, workspace_id: int, interview_id: int, step: str
) -> HttpResponse:
    interview = personal_interview(request, workspace_id, interview_id)
    if step not in RESCHEDULE_STEPS:
        raise Http404
    if step == "why":
        return why(request, interview)
    change = seeker.current_reschedule(interview)
    if change is None:
        return _go(interview, "why")
    blocks = first_step_blocks(change, now=timezone.now()) if change.is_open else []
    if blocks:
        return render_earlier_block(
            request, interview, change, "reschedule", step, reached_steps(change), blocks
        )
    if step not in reached_steps(change):
        order = [s for s in RESCHEDULE_STEPS if s in reached_steps(change)]
        return _go(interview, order[-1])
    handlers = {
        "notice": notice,
        "times": times,
        "contact": reschedule_reach.contact,
        "after": reschedule_reach.after,
    }
    return handlers[step](request, interview, change)


def why(request: HttpRequest, interview: Interview) -> HttpResponse:
    """Step 1: the reason, when they found out, and the last-resort question (M1.1, M2.1, Tip 1)."""
    if not interview.is_active:
        raise Http404
    change = seeker.open_change(interview)
    if change is not None and change.kind != Change.Kind.RESCHEDULE:
        return redirect("seeker_cancel", interview.workspace_id, interview.pk, "why")
    now = timezone.now()
    zone_args: dict[str, Any] = {"zone_name": person_zone(), "now": now}
    if request.method != "POST":
        initial = reason_initial(change)
        found: list[Finding] = []
        if change is not None:
            initial["other_plans_movable"] = "yes" if change.other_plans_movable else "no"
            found = for_step(raw_findings(change, now=now), "why")
        form = RescheduleReasonForm(initial=initial, **zone_args)
        asked = ask_in(form, *their_language(interview))
        return render_step(
            request,
            interview,
            change,
            "why",
            {"form": form, **asked, **shown_beside_found_out(found)},
        )
    form = RescheduleReasonForm(request.POST, **zone_args)
    asked = ask_in(form, *their_language(interview))
    if not form.is_valid() or not reason_fits(form, *their_language(interview)):
        return render_step(
            request, interview, change, "why", {"form": form, **asked, **shown_beside_found_out([])}
        )
    data = form.cleaned_data
    change = seeker.save_reason(
        interview,
        kind=Change.Kind.RESCHEDULE,
        actor=me(request),
        reason_category=data["reason_category"],
        reason_text=data["reason_text"],
        other_plans_movable=data["other_plans_movable"],
        known_since=data["found_out"],
    )
    draft = change
    acknowledged = acknowledged_from(
        request, data["continue_anyway"], lambda: for_step(raw_findings(draft, now=now), "why")
    )
    try:
        seeker.go_on(change, "why", actor=me(request), acknowledged=acknowledged)
    except Blocked as refusal:
        found = refused(refusal, STEP_RULES["why"])
        context = {**asked, **shown_beside_found_out(found), **_ack_error(request, refusal, found)}
        return render_step(request, interview, change, "why", {"form": form, **context})
    return _go(interview, "notice")


def _ack_error(request: HttpRequest, refusal: Blocked, found: list[Finding]) -> dict[str, Any]:
    return {"ack_error": refused_context(request, refusal, found)["ack_error"]}


def notice(request: HttpRequest, interview: Interview, change: Change) -> HttpResponse:
    """Step 2: how much time is left, and what that means (under 24 hours: call now)."""
    now = timezone.now()
    found = for_step(raw_findings(change, now=now), "notice")
    left = interview.start - now
    context = {"left": left, "urgent": left < timedelta(hours=24), **shown(found)}
    if request.method == "POST":
        ticked = request.POST.get("continue_anyway") == "on"
        try:
            seeker.go_on(
                change,
                "notice",
                actor=me(request),
                acknowledged=acknowledged_from(request, ticked, lambda: found),
            )
        except Blocked as refusal:
            context.update(refused_context(request, refusal, refused(refusal, ("notice.",))))
        else:
            return _go(interview, "times")
    return render_step(request, interview, change, "notice", context)


def _times_form(interview: Interview, change: Change, data: Any, now: Any, user: Any) -> TimesForm:
    offered = suggestions(user, interview, now=now)
    labels = [f"{when(s, interview.timezone)}–{clock(e, interview.timezone)}" for s, e in offered]
    saved = [(a.start, a.end) for a in change.alternatives.all()]
    initial: dict[str, Any] = {
        "suggested": [f"{s.isoformat()}|{e.isoformat()}" for s, e in saved if (s, e) in offered]
    }
    # Times they typed themselves come back in the typing fields.
    own = [(s, e) for s, e in saved if (s, e) not in offered][: TimesForm.OWN]
    for n, (start, _end) in enumerate(own, start=1):
        local = start.astimezone(interview.zone)
        initial[f"own_day_{n}"] = local.date()
        initial[f"own_time_{n}"] = local.time().replace(tzinfo=None)
    return TimesForm(
        data,
        suggested=offered,
        labels=labels,
        zone_name=interview.timezone,
        duration=interview.end - interview.start,
        initial=initial,
    )


def times(request: HttpRequest, interview: Interview, change: Change) -> HttpResponse:
    """Step 3: at least two times, free in their own calendar (M1.2, Tip 2)."""
    now = timezone.now()
    user = me(request)
    if request.method != "POST":
        form = _times_form(interview, change, None, now, user)
        saved = [(a.start, a.end) for a in change.alternatives.all()]
        found = (
            for_step(raw_findings(change, now=now, alternatives=saved), "times") if saved else []
        )
        return render_step(request, interview, change, "times", {"form": form, **shown(found)})
    form = _times_form(interview, change, request.POST, now, user)
    if not form.is_valid():
        return render_step(request, interview, change, "times", {"form": form, **shown([])})
    chosen = form.cleaned_data["times"]
    saved = [(a.start, a.end) for a in change.alternatives.all()]
    acknowledged = acknowledged_from(
        request,
        form.cleaned_data["continue_anyway"],
        lambda: for_step(raw_findings(change, now=now, alternatives=saved), "times"),
    )
    try:
        seeker.choose_alternatives(change, chosen, actor=user, acknowledged=acknowledged)
    except Blocked as refusal:
        found = refused(refusal, STEP_RULES["times"])
        context = refused_context(request, refusal, found)
        return render_step(request, interview, change, "times", {"form": form, **context})
    return _go(interview, "contact")
