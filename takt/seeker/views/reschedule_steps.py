"""Which steps of a reschedule may be opened, and a step rendered with its indicator.

Both halves of the flow (reschedule.py: why, notice, times; reschedule_reach.py: contact,
afterwards) render through this, so neither imports the other.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from takt.core.models import Change, Interview
from takt.seeker.checks import for_step, raw_findings
from takt.seeker.views import common


def reached_steps(change: Change | None) -> set[str]:
    """The steps that may be opened: up to the first one not done yet."""
    if change is None:
        return {"why"}
    done = {"why", "notice"}
    if _notice_passed(change):
        done.add("times")
    if change.alternatives.exists() or change.contacted_at or not change.is_open:
        done |= {"times", "contact"}
    if change.contacted_at or change.state in (Change.State.SENT, Change.State.AGREED):
        done.add("after")
    return done


def _notice_passed(change: Change) -> bool:
    """The notice step is done when its warnings, if any, were acknowledged."""
    warned = {
        f.rule for f in for_step(raw_findings(change, now=timezone.now()), "notice") if f.warns
    }
    return warned <= {entry["rule"] for entry in change.overridden}


def render_step(
    request: HttpRequest,
    interview: Interview,
    change: Change | None,
    step: str,
    context: dict[str, Any],
) -> HttpResponse:
    return common.render_step(
        request, interview, change, "reschedule", step, reached_steps(change), context
    )
