"""What every job seeker page shares: personal workspaces only, findings ready for the page."""

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from takt.core import access
from takt.core.models import Change, Interview, Workspace
from takt.core.pages import for_page
from takt.core.rules import Blocked, Finding, Unacknowledged, warned


def personal_workspace(request: HttpRequest, workspace_id: int) -> Workspace:
    workspace = access.workspace_for(request, workspace_id)
    if workspace.is_team:
        raise Http404
    return workspace


def personal_interview(request: HttpRequest, workspace_id: int, interview_id: int) -> Interview:
    interview = access.interview_for(request, workspace_id, interview_id)
    if interview.workspace.is_team:
        raise Http404
    return interview


def me(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def shown(findings: list[Finding]) -> dict[str, Any]:
    """The findings as the page shows them, whether they stop the step or need a tick.

    `seen` goes back with the form as hidden fields: the tick acknowledges the
    warnings shown, by rule id, and not one that appears after it.
    """
    return {
        "findings": for_page(findings),
        "blocked": any(f.blocks for f in findings),
        "needs_ack": any(f.warns for f in findings),
        "seen": warned(findings),
    }


def acknowledged_from(
    request: HttpRequest, ticked: bool, shown_before: Callable[[], list[Finding]]
) -> list[str]:
    """The rule ids the person went past with "continue anyway".

    The ids come from the page's `seen` fields; a post without them (a client
    that never showed the page) acknowledges what the step shows as it stands.
    """
    if not ticked:
        return []
    return request.POST.getlist("seen") or warned(shown_before())


def refused(refusal: Blocked, about: Iterable[str] = ()) -> list[Finding]:
    """What the page shows when a verb refused: this step's findings and what stopped it.

    `about` are the step's rule prefixes; a finding of an earlier step is shown
    only when it blocks or waits for its acknowledgement.
    """
    prefixes = tuple(about)
    waiting = set(refusal.rules) if isinstance(refusal, Unacknowledged) else set()
    return [
        f for f in refusal.findings if f.rule.startswith(prefixes) or f.blocks or f.rule in waiting
    ]


def refused_context(request: HttpRequest, refusal: Blocked, found: list[Finding]) -> dict[str, Any]:
    """shown() for a refusal; a tick missing for warnings already on the page is an error."""
    waiting = set(refusal.rules) if isinstance(refusal, Unacknowledged) else set()
    seen = set(request.POST.getlist("seen"))
    return {**shown(found), "ack_error": bool(waiting) and waiting <= seen}


# The findings about when they found out, shown beside that field rather than in the list.
ABOUT_FOUND_OUT = ("notice.delayed",)


def shown_beside_found_out(findings: list[Finding]) -> dict[str, Any]:
    """As shown(), with notice.delayed apart, to sit under "When did you find out?"."""
    context = shown(findings)
    context["findings"] = for_page(f for f in findings if f.rule not in ABOUT_FOUND_OUT)
    context["found_out_findings"] = for_page(f for f in findings if f.rule in ABOUT_FOUND_OUT)
    return context


def person_zone() -> str:
    """The zone the person lives in: Django's current zone (the installation's TIME_ZONE).

    Not the interview's: a video interview in New York is still found out about in Stockholm.
    """
    return timezone.get_current_timezone_name()


def found_out_initial(change: Any, zone_name: str) -> dict[str, Any]:
    """The saved "found out" time, back in the person's wall-clock time."""
    if change is None or change.known_since is None:
        return {}
    local = change.known_since.astimezone(ZoneInfo(zone_name))
    return {"found_out": local.replace(tzinfo=None, second=0, microsecond=0)}


def reason_initial(change: Change | None) -> dict[str, Any]:
    """The reason step's form as it was saved: the reason and when they found out."""
    if change is None:
        return {}
    return {
        "reason_category": change.reason_category,
        "reason_text": change.reason_text,
        **found_out_initial(change, person_zone()),
    }


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link that opens the person's own mail program with the draft filled in."""
    return f"mailto:{quote(address)}?subject={quote(subject)}&body={quote(body)}"


def contact_context(
    interview: Interview, change: Change, texts: dict[str, Any], call_form: Any, email_form: Any
) -> dict[str, Any]:
    """What a call-or-e-mail step shows: the scripts, both forms, the attempts, the number."""
    phone = interview.counterpart.phone
    return {
        "scripts": texts,
        "call_form": call_form,
        "email_form": email_form,
        "attempts": change.contact_attempts.all(),
        "phone": phone,
        "tel": "".join(ch for ch in phone if ch.isdigit() or ch == "+"),
    }


RESCHEDULE_STEPS = ("why", "notice", "times", "contact", "after")
CANCEL_STEPS = ("why", "send")


def step_labels() -> dict[str, str]:
    return {
        "why": _("Why"),
        "notice": _("Time left"),
        "times": _("New times"),
        "contact": _("Contact"),
        "after": _("Afterwards"),
        "send": _("Tell them"),
    }


def flow_heading(flow: str) -> str:
    """The title and heading of every step of a flow."""
    if flow == "reschedule":
        return _("Reschedule the interview")
    return _("Cancel the interview")


def steps_for(
    interview: Interview, flow: str, current: str, reached: set[str]
) -> list[dict[str, Any]]:
    """The step indicator: each step's label, link (when it may be opened) and whether current."""
    names = RESCHEDULE_STEPS if flow == "reschedule" else CANCEL_STEPS
    url_name = "seeker_reschedule" if flow == "reschedule" else "seeker_cancel"
    labels = step_labels()
    return [
        {
            "slug": slug,
            "number": number,
            "label": labels[slug],
            "current": slug == current,
            "url": reverse(url_name, args=[interview.workspace_id, interview.pk, slug])
            if slug in reached and slug != current
            else "",
        }
        for number, slug in enumerate(names, start=1)
    ]


def render_earlier_block(
    request: HttpRequest,
    interview: Interview,
    change: Change,
    flow: str,
    step: str,
    reached: set[str],
    findings: list[Finding],
) -> HttpResponse:
    """A later step opened by its address while the first step blocks: the finding, not the form."""
    url_name = "seeker_reschedule" if flow == "reschedule" else "seeker_cancel"
    return render(
        request,
        "seeker/step_blocked.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            "change": change,
            "heading": flow_heading(flow),
            "step": step,
            "steps": steps_for(interview, flow, step, reached),
            "findings": for_page(findings),
            "back_url": reverse(url_name, args=[interview.workspace_id, interview.pk, "why"]),
            "back_label": step_labels()["why"],
        },
    )


def render_step(
    request: HttpRequest,
    interview: Interview,
    change: Change | None,
    flow: str,
    step: str,
    reached: set[str],
    context: dict[str, Any],
) -> HttpResponse:
    """A step of the reschedule or cancel flow, with the step indicator above it."""
    return render(
        request,
        f"seeker/{flow}_{step}.html",
        {
            "workspace": interview.workspace,
            "interview": interview,
            "change": change,
            "heading": flow_heading(flow),
            "step": step,
            "steps": steps_for(interview, flow, step, reached),
            **context,
        },
    )
