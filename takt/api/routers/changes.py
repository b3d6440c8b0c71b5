"""A workspace's changes, and the steps on one: log a contact attempt, send the message."""

from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from takt.api.acting import (
    ACT,
    MAX_ID,
    READ,
    ObjectId,
    WorkspaceId,
    act,
    caller,
    composed_email,
)
from takt.api.errors import language_of
from takt.api.idempotency import idempotent
from takt.api.schemas import ACKNOWLEDGE, Acknowledge, Body, ChangeOut
from takt.core.access import workspace_for
from takt.core.models import Change, Workspace
from takt.hiring import employer
from takt.seeker import services as seeker

router = Router(tags=["changes"])
W = "/workspaces/{workspace_id}"


def _change_for(request: HttpRequest, workspace_id: int, change_id: int) -> Change:
    workspace: Workspace = workspace_for(request, workspace_id)
    return get_object_or_404(
        Change.objects.select_related("interview__workspace", "interview__counterpart"),
        pk=change_id,
        interview__workspace=workspace,
    )


class ChangeFilter(Schema):
    interview_id: int | None = Field(None, ge=1, le=MAX_ID)


@router.get(f"{W}/changes", response={200: list[ChangeOut], **READ}, summary="List changes")
def list_changes(
    request: HttpRequest, workspace_id: WorkspaceId, filters: Query[ChangeFilter]
) -> list[ChangeOut]:
    """Newest first, at most 200."""
    found = Change.objects.filter(interview__workspace=workspace_for(request, workspace_id))
    if filters.interview_id is not None:
        found = found.filter(interview_id=filters.interview_id)
    rows = found.prefetch_related("alternatives").order_by("-created_at", "-pk")[:200]
    return [ChangeOut.of(c) for c in rows]


@router.get(f"{W}/changes/{{change_id}}", response={200: ChangeOut, **READ}, summary="Read one")
def read_change(request: HttpRequest, workspace_id: WorkspaceId, change_id: ObjectId) -> ChangeOut:
    return ChangeOut.of(_change_for(request, workspace_id, change_id))


class ContactAttemptIn(Body):
    """A phone call about the change, or the voicemail left (the guide: phone first)."""

    outcome: Literal["reached", "no_answer", "left_message"]
    note: str = Field("", max_length=500)
    acknowledge: Acknowledge = ACKNOWLEDGE


@router.post(
    f"{W}/changes/{{change_id}}/contact-attempts",
    response={201: ChangeOut, **ACT},
    summary="Log a contact attempt",
)
@idempotent
def log_contact_attempt(
    request: HttpRequest, workspace_id: WorkspaceId, change_id: ObjectId, attempt: ContactAttemptIn
) -> Status[Any]:
    change = _change_for(request, workspace_id, change_id)
    actor, lang = caller(request), language_of(request)

    def log() -> Status[Any]:
        if change.interview.workspace.is_team:
            employer.log_call(
                change,
                outcome=attempt.outcome,
                actor=actor,
                note=attempt.note,
                acknowledged=attempt.acknowledge,
                language=lang,
            )
        else:
            seeker.log_call(
                change,
                outcome=attempt.outcome,
                actor=actor,
                note=attempt.note,
                acknowledged=attempt.acknowledge,
                lang=lang,
            )
        change.refresh_from_db()
        return Status(201, ChangeOut.of(change))

    return act(log)


class Sending(Body):
    """The job seeker's reschedule request by e-mail: the composed one unless a text is given."""

    subject: str | None = Field(None, max_length=300)
    text: str | None = Field(None, max_length=10000)
    through_takt: bool = Field(
        True, description="Takt sends it; false records that they sent it from their own mail."
    )
    acknowledge: Acknowledge = ACKNOWLEDGE


@router.post(
    f"{W}/changes/{{change_id}}/send",
    response={200: ChangeOut, **ACT},
    summary="Send the composed message",
)
@idempotent
def send_message(
    request: HttpRequest, workspace_id: WorkspaceId, change_id: ObjectId, sending: Sending
) -> Status[Any]:
    change = _change_for(request, workspace_id, change_id)
    actor, lang = caller(request), language_of(request)

    def send() -> Status[Any]:
        if change.interview.workspace.is_team or change.kind != Change.Kind.RESCHEDULE:
            detail = "only a job seeker's reschedule request is sent here"
            return Status(409, {"detail": detail, "findings": [], "unacknowledged": []})
        email = composed_email(change.interview, change, actor, lang, "reschedule")
        seeker.send_request(
            change,
            actor=actor,
            subject=sending.subject or email.subject or "",
            text=sending.text or email.text,
            through_takt=sending.through_takt,
            acknowledged=sending.acknowledge,
            lang=lang,
        )
        change.refresh_from_db()
        return Status(200, ChangeOut.of(change))

    return act(send)
