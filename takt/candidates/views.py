"""The candidate's pages behind a link: no account, the candidate's own language and zone.

GET only ever reads (mail scanners open links); every change is a POST with
CSRF protection. Each request counts against the rate limit (ratelimit.LIMIT).
"""

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from takt.candidates import ratelimit, services
from takt.candidates.forms import CandidateCancelForm, CandidateRescheduleForm, OtherTimesForm
from takt.candidates.preview import email_preview, recruiter_language
from takt.core.booking import DoubleBooking
from takt.core.models import Change, Interview
from takt.core.pages import for_page, page_language
from takt.core.reason_language import ask_in, reason_fits
from takt.core.rules import Blocked, Finding, warned
from takt.core.timeline import span_words
from takt.hiring.links import Opened, open_link
from takt.hiring.mail import recruiter_of, recruiter_phone

View = Callable[..., HttpResponse]


def TAKEN() -> str:
    return _("Someone else booked that time a moment ago. Please choose another.")


def with_link(view: View) -> View:
    """Rate limit, look the token up (404 if unknown), speak the candidate's language."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        if ratelimit.guessing(request) or not ratelimit.allow(request, token):
            return render(request, "candidates/limited.html", status=429)
        opened = open_link(token, now=timezone.now())
        if opened is None:
            ratelimit.missed(request)
            raise Http404
        language = _language_for(request, opened.link.interview.counterpart.language)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            if not opened.live:
                return _spent(request, opened)
            return view(request, opened)

    return wrapper


def _language_for(request: HttpRequest, candidates_own: str) -> str:
    """The candidate's language, unless they chose another with the language switch."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in dict(settings.LANGUAGES):
        return chosen
    return candidates_own


def _page(
    request: HttpRequest, template: str, opened: Opened, status: int = 200, **extra: Any
) -> HttpResponse:
    interview = opened.link.interview
    recruiter = recruiter_of(interview, opened.link.change)
    now = timezone.now()
    context = {
        "opened": opened,
        "interview": interview,
        "title": _title(interview, _lang()),
        "person": interview.counterpart,
        "zone": interview.counterpart.timezone,
        "recruiter": recruiter,
        "recruiter_name": (recruiter.get_full_name() or recruiter.get_username())
        if recruiter
        else "",
        "recruiter_phone": recruiter_phone(interview, recruiter),
        "urgent": interview.is_active and (interview.start - now).total_seconds() < 24 * 3600,
        "times": services.offered_times(opened.link, now) if opened.live else [],
        **extra,
    }
    return render(request, template, context, status=status)


def _title(interview: Interview, language: str) -> str:
    """The interview's name on the page: the position's English title on an English page."""
    if interview.position is None:
        return interview.title
    role = interview.position.title_in(language)
    return " · ".join(
        part for part in (role, interview.company or interview.workspace.name) if part
    )


def _spent(request: HttpRequest, opened: Opened) -> HttpResponse:
    """The page for a link that no longer works: expired, used, or the interview changed."""
    return _page(request, "candidates/dead.html", opened, status=410)


def _form_page(
    request: HttpRequest,
    template: str,
    opened: Opened,
    form: Any,
    findings: list[Finding],
    asked: dict[str, Any],
) -> HttpResponse:
    """The cancel or reschedule form again, with the findings and the warnings now seen."""
    return _page(
        request,
        template,
        opened,
        form=form,
        findings=for_page(findings),
        seen=warned(findings),
        **asked,
    )


def _recruiter_reads(opened: Opened) -> tuple[str, str]:
    """The language the recruiter reads the candidate's e-mail in, and their first name."""
    recruiter = recruiter_of(opened.link.interview, opened.link.change)
    name = (recruiter.first_name or recruiter.get_username()) if recruiter else ""
    return recruiter_language(), name or _("the recruiter")


def _preview_first(
    request: HttpRequest,
    opened: Opened,
    asked: dict[str, Any],
    kind: str,
    data: dict[str, Any],
    times: Iterable[tuple[datetime, datetime]] = (),
) -> dict[str, Any]:
    """The e-mail to show before it goes, when written across languages and not yet seen.

    Seen means shown with this very reason: a reason changed after the preview is shown again.
    """
    text = data["reason_text"]
    # Without a reason there is no e-mail worth showing: the verb says what is missing.
    if not asked or not text.strip() or request.POST.get("previewed") == text:
        return {}
    email = email_preview(
        opened,
        kind=kind,
        reason_category=data["reason_category"],
        reason_text=data["reason_text"],
        times=times,
    )
    return {"preview": email, "previewed": data["reason_text"]} if email else {}


def _lang() -> str:
    return translation.get_language() or "sv"


@with_link
@require_http_methods(["GET", "HEAD"])
def link_page(request: HttpRequest, opened: Opened) -> HttpResponse:
    return _page(request, "candidates/link.html", opened, other_form=OtherTimesForm())


@with_link
@require_POST
def pick(request: HttpRequest, opened: Opened) -> HttpResponse:
    raw = request.POST.get("alternative", "")
    times = services.offered_times(opened.link, timezone.now())
    chosen = next((t for t in times if str(t.pk) == raw), None)
    change = opened.link.change
    taken = chosen is None and change is not None and raw.isdigit()
    if taken and change is not None and change.alternatives.filter(pk=int(raw)).exists():
        return _page(
            request,
            "candidates/link.html",
            opened,
            status=409,
            other_form=OtherTimesForm(),
            notice=TAKEN(),
        )
    if chosen is None:
        return _page(
            request,
            "candidates/link.html",
            opened,
            status=400,
            other_form=OtherTimesForm(),
            notice=_("Choose one of the times below."),
        )
    try:
        services.choose_time(
            opened.link,
            chosen.pk,
            now=timezone.now(),
            lang=page_language(),
            acknowledged=request.POST.getlist("seen"),
        )
    except Blocked as refused:
        # Gone from an interviewer's calendar since the offer: the finding says whose.
        return _page(
            request,
            "candidates/link.html",
            opened,
            status=409,
            other_form=OtherTimesForm(),
            findings=for_page(refused.findings),
            seen=warned(refused.findings),
        )
    except DoubleBooking:
        # First come, first served: someone else just took it. Show what is left.
        return _page(
            request,
            "candidates/link.html",
            opened,
            status=409,
            other_form=OtherTimesForm(),
            notice=TAKEN(),
        )
    except services.LinkSpent:
        return _spent(request, opened)
    opened.link.interview.refresh_from_db()
    return _page(request, "candidates/done.html", opened, done="picked")


@with_link
@require_POST
def other_times(request: HttpRequest, opened: Opened) -> HttpResponse:
    form = OtherTimesForm(request.POST)
    if not form.is_valid():
        return _page(request, "candidates/link.html", opened, status=400, other_form=form)
    try:
        reading = services.ask_other_times(
            opened.link,
            form.cleaned_data["note"],
            now=timezone.now(),
            lang=page_language(),
            acknowledged=request.POST.getlist("seen"),
        )
    except Blocked as refused:
        return _page(
            request,
            "candidates/link.html",
            opened,
            other_form=form,
            note_findings=for_page(refused.findings),
            seen=warned(refused.findings),
        )
    except services.LinkSpent:
        return _spent(request, opened)
    return _page(
        request,
        "candidates/done.html",
        opened,
        done="other_times",
        understood=_understood(reading, opened.link.interview.counterpart.timezone),
    )


def _understood(reading: dict[str, Any], zone: str) -> str:
    """The times Takt read in the candidate's note, in their zone, so they can see it got them."""
    if reading.get("intent") != "propose" or not reading.get("windows"):
        return ""
    return ", ".join(
        span_words(datetime.fromisoformat(w["start"]), datetime.fromisoformat(w["end"]), zone)
        for w in reading["windows"]
    )


@with_link
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, opened: Opened) -> HttpResponse:
    form = CandidateCancelForm(request.POST or None)
    asked = ask_in(form, *_recruiter_reads(opened))
    findings: list[Finding] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and reason_fits(form, *_recruiter_reads(opened))
    ):
        data = form.cleaned_data
        shown = _preview_first(request, opened, asked, Change.Kind.CANCEL, data)
        if shown:
            return _form_page(
                request, "candidates/cancel.html", opened, form, findings, {**asked, **shown}
            )
        try:
            services.cancel_by_candidate(
                opened.link,
                reason_category=data["reason_category"],
                reason_text=data["reason_text"],
                now=timezone.now(),
                lang=page_language(),
                acknowledged=request.POST.getlist("seen"),
            )
        except Blocked as refused:
            findings = refused.findings
        except services.LinkSpent:
            return _spent(request, opened)
        else:
            return _page(request, "candidates/done.html", opened, done="cancelled")
    return _form_page(request, "candidates/cancel.html", opened, form, findings, asked)


@with_link
@require_http_methods(["GET", "HEAD", "POST"])
def reschedule(request: HttpRequest, opened: Opened) -> HttpResponse:
    interview = opened.link.interview
    form = CandidateRescheduleForm(request.POST or None, zone_name=interview.counterpart.timezone)
    asked = ask_in(form, *_recruiter_reads(opened))
    findings: list[Finding] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and reason_fits(form, *_recruiter_reads(opened))
    ):
        data = form.cleaned_data
        now = timezone.now()
        duration = interview.end - interview.start
        times = sorted(
            {(data[n], data[n] + duration) for n in ("time_1", "time_2", "time_3") if data[n]}
        )
        shown = _preview_first(request, opened, asked, Change.Kind.RESCHEDULE, data, times)
        if shown:
            return _form_page(
                request, "candidates/reschedule.html", opened, form, findings, {**asked, **shown}
            )
        try:
            services.reschedule_by_candidate(
                opened.link,
                reason_category=data["reason_category"],
                reason_text=data["reason_text"],
                other_plans_movable=data["other_plans_movable"],
                times=times,
                now=now,
                lang=page_language(),
                acknowledged=request.POST.getlist("seen"),
            )
        except Blocked as refused:
            findings = refused.findings
        except services.LinkSpent:
            return _spent(request, opened)
        else:
            return _page(request, "candidates/done.html", opened, done="reschedule")
    return _form_page(request, "candidates/reschedule.html", opened, form, findings, asked)
