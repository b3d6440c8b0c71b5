"""Steps 4 and 5 of a reschedule: phone first, e-mail when the phone fails; then the follow-up."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from takt import wording
from takt.core import audit, rules
from takt.core.booking import DoubleBooking
from takt.core.composing import situation_for
from takt.core.models import Change, ContactAttempt, Interview, Side
from takt.core.pages import page_language
from takt.core.rules import Blocked, Finding
from takt.core.templatetags.takt_tags import clock, when
from takt.core.timeline import meaning_of, moment_words
from takt.etiquette.errors import BadInput
from takt.replies import read_reply
from takt.seeker import services as seeker
from takt.seeker.checks import STEP_RULES, for_step, raw_findings
from takt.seeker.forms import CallForm, EmailForm, NewTimeForm
from takt.seeker.views.common import (
    acknowledged_from,
    contact_context,
    mailto,
    me,
    refused,
    refused_context,
    shown,
)
from takt.seeker.views.reschedule_steps import render_step


def _alternatives(change: Change) -> list[tuple[Any, Any]]:
    return [(a.start, a.end) for a in change.alternatives.all()]


def drafts(request: HttpRequest, interview: Interview, change: Change) -> dict[str, Any]:
    """The composer's scripts and e-mails for this reschedule, by kind."""
    agreed = (change.new_start, change.new_end) if change.new_start and change.new_end else None
    situation = situation_for(
        interview,
        me(request),
        member_language=page_language(),
        change=change,
        alternatives=_alternatives(change),
        agreed=agreed,
    )
    return {m.kind: m for m in wording.compose(situation, "reschedule", Side.CANDIDATE)}


def _render(
    request: HttpRequest, interview: Interview, change: Change, step: str, context: dict[str, Any]
) -> HttpResponse:
    return render_step(request, interview, change, step, context)


def _phone_failures(change: Change) -> int:
    return change.contact_attempts.filter(
        channel__in=["phone", "voicemail"],
        outcome__in=[ContactAttempt.Outcome.NO_ANSWER, ContactAttempt.Outcome.LEFT_MESSAGE],
    ).count()


def contact(request: HttpRequest, interview: Interview, change: Change) -> HttpResponse:
    """Step 4: call (script, voicemail script, log each attempt), e-mail when the phone fails."""
    now = timezone.now()
    texts = drafts(request, interview, change)
    email = texts["email"]
    call_form = CallForm()
    email_form = EmailForm(initial={"subject": email.subject, "text": email.text})
    action = request.POST.get("action") if request.method == "POST" else None
    findings = _email_findings(change, now, email.text, email.language)
    state = shown(findings)
    if action == "call":
        call_form = CallForm(request.POST)
        if call_form.is_valid():
            outcome = call_form.cleaned_data["outcome"]
            try:
                seeker.log_call(
                    change, outcome=outcome, actor=me(request), note=call_form.cleaned_data["note"]
                )
            except Blocked as refusal:
                state = refused_context(request, refusal, refused(refusal, STEP_RULES["contact"]))
            else:
                if outcome == ContactAttempt.Outcome.REACHED:
                    messages.success(request, _("Good. Now send a short follow-up note."))
                    return _to(interview, "after")
                return _to(interview, "contact")
    if action in ("send", "own_mail"):
        email_form = EmailForm(request.POST)
        if email_form.is_valid():
            data = email_form.cleaned_data
            state = shown(_email_findings(change, now, data["text"], email.language))
            if action == "send" and not interview.counterpart.email:
                email_form.add_error(None, _("Takt has no e-mail address for them."))
            else:
                try:
                    seeker.send_request(
                        change,
                        actor=me(request),
                        subject=data["subject"],
                        text=data["text"],
                        through_takt=action == "send",
                        acknowledged=acknowledged_from(
                            request, data["continue_anyway"], lambda: findings
                        ),
                    )
                except Blocked as refusal:
                    found = refused(refusal, STEP_RULES["contact"])
                    state = refused_context(request, refusal, found)
                else:
                    messages.success(request, _("Your request is on its way."))
                    return _to(interview, "after")
    subject = email_form["subject"].value() or ""
    body = email_form["text"].value() or ""
    policy = rules.thresholds(interview.workspace)
    failures = _phone_failures(change)
    phone = interview.counterpart.phone
    context = {
        **contact_context(interview, change, texts, call_form, email_form),
        "failures": failures,
        "needed": policy.phone_attempts_before_message,
        "email_open": not phone or failures >= policy.phone_attempts_before_message,
        "mailto": mailto(interview.counterpart.email, str(subject), str(body)),
        "sent": change.state == Change.State.SENT,
        **state,
    }
    return _render(request, interview, change, "contact", context)


def _to(interview: Interview, step: str) -> HttpResponse:
    return redirect("seeker_reschedule", interview.workspace_id, interview.pk, step)


def _email_findings(change: Change, now: Any, text: str, language: str) -> list[Finding]:
    return for_step(
        raw_findings(
            change,
            now=now,
            alternatives=_alternatives(change),
            channel="email",
            message=(language, text),
        ),
        "contact",
    )


def after(request: HttpRequest, interview: Interview, change: Change) -> HttpResponse:
    """Step 5: the follow-up note (M1.5), and recording the time the employer answered with."""
    now = timezone.now()
    user = me(request)
    followup = drafts(request, interview, change)["followup_email"]
    duration = interview.end - interview.start
    email_form = EmailForm(initial={"subject": followup.subject, "text": followup.text})
    time_form = NewTimeForm(zone_name=interview.timezone, duration=duration)
    time_findings: list[Finding] = []
    action = request.POST.get("action") if request.method == "POST" else None
    message = (followup.language, followup.text)
    shown_before = _after_findings(change, now, message)
    refusal_state: dict[str, Any] = {}
    if action in ("send", "own_mail"):
        email_form = EmailForm(request.POST)
        if email_form.is_valid():
            data = email_form.cleaned_data
            message = (followup.language, data["text"])
            if action == "send" and not interview.counterpart.email:
                email_form.add_error(None, _("Takt has no e-mail address for them."))
            else:
                try:
                    seeker.send_followup(
                        change,
                        actor=user,
                        subject=data["subject"],
                        text=data["text"],
                        through_takt=action == "send",
                        acknowledged=acknowledged_from(
                            request, data["continue_anyway"], lambda: _about_note(shown_before)
                        ),
                    )
                except Blocked as refusal:
                    refused_now = refused(refusal, STEP_RULES["after"])
                    refusal_state = refused_context(request, refusal, refused_now)
                else:
                    messages.success(request, _("Your follow-up note is sent."))
                    return redirect(
                        "seeker_reschedule", interview.workspace_id, interview.pk, "after"
                    )
    answer_form = AnswerForm()
    if action == "read_answer":
        answer_form = AnswerForm(request.POST)
        if answer_form.is_valid():
            _read_answer(interview, change, answer_form.cleaned_data["answer"], user)
            return redirect("seeker_reschedule", interview.workspace_id, interview.pk, "after")
    answer = _last_answer(interview, change)
    if answer is not None and answer["start"] is not None and not time_form.is_bound:
        local = answer["start"].astimezone(ZoneInfo(interview.timezone))
        time_form = NewTimeForm(
            zone_name=interview.timezone,
            duration=duration,
            initial={"day": local.date(), "start_time": local.strftime("%H:%M")},
        )
    if action == "new_time":
        time_form = NewTimeForm(request.POST, zone_name=interview.timezone, duration=duration)
        if time_form.is_valid():
            start, end = time_form.cleaned_data["start"], time_form.cleaned_data["end"]
            try:
                seeker.record_new_time(change, start=start, end=end, actor=user)
            except Blocked as refusal:
                time_findings = refusal.findings
            except DoubleBooking as clash:
                other = clash.conflicts[0].interview
                time_form.add_error(
                    None,
                    _("This collides with your interview %(other)s, %(when)s–%(end)s.")
                    % {
                        "other": other.title,
                        "when": when(other.start, other.timezone),
                        "end": clock(other.end, other.timezone),
                    },
                )
            else:
                messages.success(request, _("The interview is moved to the new time."))
                return redirect("seeker_reschedule", interview.workspace_id, interview.pk, "after")
    found = _after_findings(change, now, message)
    subject = email_form["subject"].value() or ""
    body = email_form["text"].value() or ""
    context = {
        "email_form": email_form,
        "time_form": time_form,
        "answer_form": answer_form,
        "answer": answer,
        "time_findings": shown(time_findings)["findings"],
        "mailto": mailto(interview.counterpart.email, str(subject), str(body)),
        "followup_sent": change.followup_sent_at is not None,
        "agreed": change.state == Change.State.AGREED,
        **shown(found),
        "needs_ack": shown(_about_note(found))["needs_ack"],
        "seen": shown(_about_note(found))["seen"],
        **refusal_state,
    }
    return _render(request, interview, change, "after", context)


def _after_findings(change: Change, now: Any, message: tuple[str, str]) -> list[Finding]:
    """Is the follow-up late (a reschedule rule), and does the note read right (follow-up rules)."""
    late = [f for f in raw_findings(change, now=now) if f.rule == "followup.due"]
    note = raw_findings(change, now=now, channel="email", message=message, action="followup")
    return late + for_step(note, "after")


def _about_note(found: list[Finding]) -> list[Finding]:
    # A late note is still worth sending: its lateness is shown, not asked to be gone past.
    return [f for f in found if f.rule != "followup.due"]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Their answer, pasted as it came"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
    )


ANSWER_READ = "reply.read"


def _read_answer(interview: Interview, change: Change, text: str, user: Any) -> None:
    """Read the employer's answer (takt.replies) and keep it, with its reading, on the timeline."""
    offered = _alternatives(change)
    request = {
        "text": text,
        "received_at": timezone.now().isoformat(),
        "timezone": interview.counterpart.timezone,
        "duration_minutes": max(1, int((interview.end - interview.start).total_seconds() // 60)),
        "offered": [{"start": s.isoformat(), "end": e.isoformat()} for s, e in offered],
    }
    try:
        reading = read_reply(request)
    except BadInput:
        reading = {"intent": "unclear", "chosen": None, "windows": [], "quote": ""}
    if reading["intent"] == "accept" and reading["chosen"] is not None:
        start, end = offered[reading["chosen"]]
        reading["chosen_start"], reading["chosen_end"] = start.isoformat(), end.isoformat()
    audit.record(
        ANSWER_READ,
        workspace=interview.workspace,
        interview=interview,
        actor=user,
        change=change.pk,
        note=text.strip()[:2000],
        reading=reading,
        writer=_first_name(interview),
    )


def _first_name(interview: Interview) -> str:
    return (interview.counterpart.name.split() or [""])[0]


def _last_answer(interview: Interview, change: Change) -> dict[str, Any] | None:
    """The latest answer read for this change: what it means, and the one time it names, if one."""
    if change.state == Change.State.AGREED:
        return None
    event = (
        interview.audit.filter(verb=ANSWER_READ, data__change=change.pk)
        .order_by("-at", "-pk")
        .first()
    )
    if event is None:
        return None
    reading = event.data.get("reading") or {}
    start = _one_time(reading, interview.end - interview.start)
    local = start.astimezone(ZoneInfo(interview.timezone)) if start else None
    return {
        "day": local.date().isoformat() if local else "",
        "clock": local.strftime("%H:%M") if local else "",
        "note": event.data.get("note", ""),
        "meaning": meaning_of(reading, interview.timezone, _first_name(interview)),
        "start": start,
        "question": _("Move the interview to %(when)s?")
        % {"when": moment_words(start, interview.timezone)}
        if start
        else "",
    }


def _one_time(reading: dict[str, Any], duration: timedelta) -> datetime | None:
    """The single time an answer settles on: a time taken, or one exact time proposed."""
    if reading.get("intent") == "accept" and reading.get("chosen_start"):
        return datetime.fromisoformat(reading["chosen_start"])
    windows = reading.get("windows") or []
    if reading.get("intent") == "propose" and len(windows) == 1:
        start = datetime.fromisoformat(windows[0]["start"])
        if datetime.fromisoformat(windows[0]["end"]) - start == duration:
            return start
    # A span ("onsdag eftermiddag") leaves the time to the person: Takt does not guess it.
    return None
