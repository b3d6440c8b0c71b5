"""Method 2: cancel for good: a short honest reason, then a call or an e-mail, sent at once."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from takt import wording
from takt.core.composing import situation_for
from takt.core.models import Change, ContactAttempt, Interview, Side
from takt.core.pages import page_language
from takt.core.reason_language import ask_in, reason_fits, their_language
from takt.core.rules import Blocked, Finding
from takt.seeker import services as seeker
from takt.seeker.checks import STEP_RULES, first_step_blocks, for_step, raw_findings
from takt.seeker.forms import CallForm, CancelReasonForm, EmailForm
from takt.seeker.views.common import (
    CANCEL_STEPS,
    acknowledged_from,
    contact_context,
    mailto,
    me,
    person_zone,
    personal_interview,
    reason_initial,
    refused,
    refused_context,
    render_earlier_block,
    render_step,
    shown,
    shown_beside_found_out,
)


def _render(
    request: HttpRequest,
    interview: Interview,
    change: Change | None,
    step: str,
    context: dict[str, Any],
) -> HttpResponse:
    reached = {"why", "send"} if change is not None else {"why"}
    return render_step(request, interview, change, "cancel", step, reached, context)


@login_required
def cancel(request: HttpRequest, workspace_id: int, interview_id: int, step: str) -> HttpResponse:
    interview = personal_interview(request, workspace_id, interview_id)
    if step not in CANCEL_STEPS or not interview.is_active:
        raise Http404
    change = seeker.open_change(interview)
    if change is not None and change.kind != Change.Kind.CANCEL:
        # One open change at a time: a reschedule in progress is withdrawn first.
        messages.info(request, _("Withdraw the reschedule in progress before you cancel."))
        return redirect(interview.get_absolute_url())
    if step == "why":
        return why(request, interview, change)
    if change is None:
        return redirect("seeker_cancel", interview.workspace_id, interview.pk, "why")
    blocks = first_step_blocks(change, now=timezone.now())
    if blocks:
        return render_earlier_block(
            request, interview, change, "cancel", step, {"why", "send"}, blocks
        )
    return send(request, interview, change)


def why(request: HttpRequest, interview: Interview, change: Change | None) -> HttpResponse:
    """The reason, and when they found out (M2.1: tell them as soon as you know)."""
    now = timezone.now()
    zone_args: dict[str, Any] = {"zone_name": person_zone(), "now": now}
    if request.method != "POST":
        found: list[Finding] = []
        if change is not None:
            found = for_step(raw_findings(change, now=now), "cancel_why")
        form = CancelReasonForm(initial=reason_initial(change), **zone_args)
        asked = ask_in(form, *their_language(interview))
        return _render(
            request,
            interview,
            change,
            "why",
            {"form": form, **asked, **shown_beside_found_out(found)},
        )
    form = CancelReasonForm(request.POST, **zone_args)
    asked = ask_in(form, *their_language(interview))
    if not form.is_valid() or not reason_fits(form, *their_language(interview)):
        return _render(
            request, interview, change, "why", {"form": form, **asked, **shown_beside_found_out([])}
        )
    data = form.cleaned_data
    change = seeker.save_reason(
        interview,
        kind=Change.Kind.CANCEL,
        actor=me(request),
        reason_category=data["reason_category"],
        reason_text=data["reason_text"],
        known_since=data["found_out"],
    )
    draft = change
    acknowledged = acknowledged_from(
        request,
        data["continue_anyway"],
        lambda: for_step(raw_findings(draft, now=now), "cancel_why"),
    )
    try:
        seeker.go_on(change, "why", actor=me(request), acknowledged=acknowledged)
    except Blocked as refusal:
        found = refused(refusal, STEP_RULES["cancel_why"])
        context = {
            **asked,
            **shown_beside_found_out(found),
            "ack_error": refused_context(request, refusal, found)["ack_error"],
        }
        return _render(request, interview, change, "why", {"form": form, **context})
    return redirect("seeker_cancel", interview.workspace_id, interview.pk, "send")


def send(request: HttpRequest, interview: Interview, change: Change) -> HttpResponse:
    """The call script and the e-mail; either way the interview is cancelled at once."""
    now = timezone.now()
    situation = situation_for(
        interview, me(request), member_language=page_language(), change=change
    )
    texts = {m.kind: m for m in wording.compose(situation, "cancel", Side.CANDIDATE)}
    email = texts["email"]
    call_form = CallForm()
    email_form = EmailForm(initial={"subject": email.subject, "text": email.text})
    action = request.POST.get("action") if request.method == "POST" else None
    shown_before = _findings(change, now, email.language, email.text)
    state = shown(shown_before)
    if action == "call":
        call_form = CallForm(request.POST)
        if call_form.is_valid():
            outcome = call_form.cleaned_data["outcome"]
            try:
                if outcome == ContactAttempt.Outcome.NO_ANSWER:
                    seeker.log_call(change, outcome=outcome, actor=me(request))
                    return redirect("seeker_cancel", interview.workspace_id, interview.pk, "send")
                channel = "phone" if outcome == ContactAttempt.Outcome.REACHED else "voicemail"
                seeker.send_cancellation(
                    change, actor=me(request), channel=channel, outcome=outcome
                )
            except Blocked as refusal:
                state = refused_context(request, refusal, refused(refusal, ("contact.",)))
            else:
                messages.success(
                    request, _("The interview is cancelled. Thank you for telling them.")
                )
                return redirect(interview.get_absolute_url())
    if action in ("send", "own_mail"):
        email_form = EmailForm(request.POST)
        if email_form.is_valid():
            data = email_form.cleaned_data
            state = shown(_findings(change, now, email.language, data["text"]))
            if action == "send" and not interview.counterpart.email:
                email_form.add_error(None, _("Takt has no e-mail address for them."))
            else:
                try:
                    seeker.send_cancellation(
                        change,
                        actor=me(request),
                        channel="email",
                        outcome="sent",
                        subject=data["subject"],
                        text=data["text"],
                        through_takt=action == "send",
                        acknowledged=acknowledged_from(
                            request, data["continue_anyway"], lambda: shown_before
                        ),
                    )
                except Blocked as refusal:
                    found = refused(refusal, STEP_RULES["cancel_send"])
                    state = refused_context(request, refusal, found)
                else:
                    messages.success(request, _("Your cancellation is sent."))
                    return redirect(interview.get_absolute_url())
    context = {
        **contact_context(interview, change, texts, call_form, email_form),
        "mailto": mailto(
            interview.counterpart.email,
            str(email_form["subject"].value() or ""),
            str(email_form["text"].value() or ""),
        ),
        **state,
    }
    return _render(request, interview, change, "send", context)


def _findings(change: Change, now: Any, language: str, text: str) -> list[Finding]:
    found = raw_findings(change, now=now, channel="email", message=(language, text))
    return for_step(found, "cancel_send")
