"""The actions on an interview, each one call to the verbs the web uses.

Offer times and cancel (employer, method 3), request a reschedule and cancel
(job seeker, methods 1 and 2). The verbs run the rules; a refusal is a 409
with the findings and leaves nothing behind, the draft included.
"""

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Status

from takt.api.acting import ACT, Moment, ObjectId, WorkspaceId, act, caller, composed_email
from takt.api.errors import language_of
from takt.api.idempotency import idempotent
from takt.api.schemas import ACKNOWLEDGE, Acknowledge, Body, ChangeOut, ReasonCategory, SpanIn
from takt.core.access import interview_for
from takt.core.models import Change, ContactAttempt, Interview
from takt.hiring import employer
from takt.seeker import services as seeker

router = Router(tags=["actions"])
AT = "/workspaces/{workspace_id}/interviews/{interview_id}"
REASON = Field(min_length=1, max_length=2000, examples=["Intervjuaren har blivit sjuk."])


def _spans(times: list[SpanIn]) -> list[tuple[Any, Any]]:
    return [(t.start, t.end) for t in times]


def _wrong_side(interview: Interview, needs_team: bool) -> Status[Any] | None:
    if interview.workspace.is_team == needs_team:
        return None
    who = "a team's" if needs_team else "a job seeker's"
    return Status(409, {"detail": f"only {who} interviews", "findings": [], "unacknowledged": []})


class Offer(Body):
    """New times for the candidate to pick from with a personal link (method 3.3)."""

    reason_category: ReasonCategory = "other"
    reason_text: str = REASON
    times: list[SpanIn] = Field(min_length=1, max_length=20)
    acknowledge: Acknowledge = ACKNOWLEDGE


@router.post(f"{AT}/offer", response={201: ChangeOut, **ACT}, summary="Offer new times")
@idempotent
def offer_times(
    request: HttpRequest, workspace_id: WorkspaceId, interview_id: ObjectId, offer: Offer
) -> Status[Any]:
    """The employer's offer; the candidate gets the e-mail with every time and the link."""
    interview = interview_for(request, workspace_id, interview_id)
    actor, lang = caller(request), language_of(request)

    def send() -> Status[Any]:
        if refused := _wrong_side(interview, needs_team=True):
            return refused
        change = employer.start_offer(
            interview,
            reason_category=offer.reason_category,
            reason_text=offer.reason_text,
            actor=actor,
            acknowledged=offer.acknowledge,
            language=lang,
        )
        employer.send_offer(
            change,
            _spans(offer.times),
            actor=actor,
            language=lang,
            acknowledged=offer.acknowledge,
        )
        change.refresh_from_db()
        return Status(201, ChangeOut.of(change))

    return act(send)


class Cancellation(Body):
    """Cancel the interview: the employer (method 3.1) or the job seeker (method 2)."""

    reason_category: ReasonCategory = "other"
    reason_text: str = REASON
    emergency: bool = Field(False, description="Employer: an emergency, said at once.")
    times: list[SpanIn] | None = Field(
        None,
        max_length=20,
        description="Employer: new times to offer with the cancellation; left out, the "
        "e-mail promises to come back with new times.",
    )
    channel: Literal["phone", "voicemail", "email"] = Field(
        "email", description="Job seeker: how the employer was told."
    )
    through_takt: bool = Field(
        False, description="Job seeker: Takt sends the composed e-mail (needs their address)."
    )
    acknowledge: Acknowledge = ACKNOWLEDGE


@router.post(f"{AT}/cancel", response={201: ChangeOut, **ACT}, summary="Cancel the interview")
@idempotent
def cancel(
    request: HttpRequest,
    workspace_id: WorkspaceId,
    interview_id: ObjectId,
    cancellation: Cancellation,
) -> Status[Any]:
    interview = interview_for(request, workspace_id, interview_id)
    actor, lang = caller(request), language_of(request)
    body = cancellation

    def employer_cancel() -> Status[Any]:
        change = employer.start_cancel(
            interview,
            reason_category=body.reason_category,
            reason_text=body.reason_text,
            emergency=body.emergency,
            actor=actor,
            acknowledged=body.acknowledge,
            language=lang,
        )
        employer.send_cancellation(
            change,
            actor=actor,
            times=_spans(body.times) if body.times else None,
            language=lang,
            acknowledged=body.acknowledge,
        )
        change.refresh_from_db()
        return Status(201, ChangeOut.of(change))

    def seeker_cancel() -> Status[Any]:
        change = seeker.save_reason(
            interview,
            kind=Change.Kind.CANCEL,
            actor=actor,
            reason_category=body.reason_category,
            reason_text=body.reason_text,
        )
        email = composed_email(interview, change, actor, lang, "cancel")
        by_email = body.channel == ContactAttempt.Channel.EMAIL
        seeker.send_cancellation(
            change,
            actor=actor,
            channel=body.channel,
            outcome="sent" if by_email else "reached",
            subject=email.subject or "",
            text=email.text,
            through_takt=by_email and body.through_takt,
            acknowledged=body.acknowledge,
            lang=lang,
        )
        change.refresh_from_db()
        return Status(201, ChangeOut.of(change))

    return act(employer_cancel if interview.workspace.is_team else seeker_cancel)


class RescheduleRequest(Body):
    """The job seeker asks for a new time (method 1): the reason and the times they offer."""

    reason_category: ReasonCategory = "conflict"
    reason_text: str = REASON
    other_plans_movable: bool = Field(
        False, description="Could the other plan move instead? (the guide's last resort)"
    )
    known_since: Moment | None = Field(None, description="When they found out; now if left out.")
    times: list[SpanIn] = Field(min_length=1, max_length=20)
    acknowledge: Acknowledge = ACKNOWLEDGE


@router.post(
    f"{AT}/reschedule-request", response={201: ChangeOut, **ACT}, summary="Ask for a new time"
)
@idempotent
def request_reschedule(
    request: HttpRequest,
    workspace_id: WorkspaceId,
    interview_id: ObjectId,
    ask: RescheduleRequest,
) -> Status[Any]:
    """The draft with its reason and times; send it with .../changes/{id}/send."""
    interview = interview_for(request, workspace_id, interview_id)
    actor, lang = caller(request), language_of(request)

    def start() -> Status[Any]:
        if refused := _wrong_side(interview, needs_team=False):
            return refused
        change = seeker.save_reason(
            interview,
            kind=Change.Kind.RESCHEDULE,
            actor=actor,
            reason_category=ask.reason_category,
            reason_text=ask.reason_text,
            other_plans_movable=ask.other_plans_movable,
            known_since=ask.known_since or timezone.now(),
        )
        seeker.choose_alternatives(
            change, _spans(ask.times), actor=actor, acknowledged=ask.acknowledge, lang=lang
        )
        change.refresh_from_db()
        return Status(201, ChangeOut.of(change))

    return act(start)
