"""A workspace's interviews: list (cursor pages, `updated_since`), book, read."""

from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from takt.api.acting import (
    ACT,
    READ,
    Email,
    Moment,
    ObjectId,
    WorkspaceId,
    Zone,
    act,
    caller,
)
from takt.api.errors import language_of
from takt.api.idempotency import idempotent
from takt.api.schemas import ACKNOWLEDGE, Acknowledge, Body, InterviewOut, InterviewPage, Lang
from takt.api.types import BodyId, Whole
from takt.core.access import interview_for, interviews_in, workspace_for
from takt.core.models import Application, Position
from takt.core.paging import soonest_first
from takt.hiring.interviews import book_interview, schedule_findings
from takt.seeker import services as seeker

router = Router(tags=["interviews"])
W = "/workspaces/{workspace_id}"


class Listing(Schema):
    cursor: str = Field("", max_length=100, description="From the previous page's next_cursor.")
    updated_since: Moment | None = Field(None, description="Only interviews changed since then.")
    limit: int = Field(50, ge=1, le=200)


@router.get(f"{W}/interviews", response={200: InterviewPage, **READ}, summary="List interviews")
def list_interviews(
    request: HttpRequest, workspace_id: WorkspaceId, listing: Query[Listing]
) -> InterviewPage:
    """Oldest change first, so a caller that keeps `next_cursor` misses nothing."""
    interviews = interviews_in(workspace_for(request, workspace_id))
    if listing.updated_since is not None:
        interviews = interviews.filter(updated_at__gte=listing.updated_since)
    page = soonest_first(interviews, listing.cursor, listing.limit, "updated_at")
    return InterviewPage(items=[InterviewOut.of(i) for i in page], next_cursor=page.next_cursor)


@router.get(
    f"{W}/interviews/{{interview_id}}", response={200: InterviewOut, **READ}, summary="Read one"
)
def read_interview(
    request: HttpRequest, workspace_id: WorkspaceId, interview_id: ObjectId
) -> InterviewOut:
    return InterviewOut.of(interview_for(request, workspace_id, interview_id))


class Contact(Body):
    name: str = Field(min_length=1, max_length=200, examples=["Anna Berg"])
    email: Email | None = Field(None)
    phone: str = Field("", max_length=40)
    language: Lang = "sv"


class Booking(Body):
    """A team books a position's candidate; a job seeker adds an interview they were invited to."""

    start: Moment
    minutes: Whole = Field(60, ge=5, le=24 * 60, description="How long it lasts.")
    timezone: Zone = Field("Europe/Stockholm", examples=["Europe/Stockholm"])
    location: str = Field("", max_length=300)
    # A team's booking
    position_id: BodyId | None = None
    application_id: BodyId | None = None
    interviewer_ids: list[BodyId] = Field(
        default_factory=list, description="Members who interview; the caller when left out."
    )
    # A job seeker's interview
    company: str = Field("", max_length=200)
    role: str = Field("", max_length=200)
    contact: Contact | None = None
    acknowledge: Acknowledge = ACKNOWLEDGE

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


def _unfit(detail: str) -> Status[Any]:
    """The body does not fit this kind of workspace: a conflict with it, not a malformed body."""
    return Status(409, {"detail": detail, "findings": [], "unacknowledged": []})


@router.post(f"{W}/interviews", response={201: InterviewOut, **ACT}, summary="Book an interview")
@idempotent
def create_interview(
    request: HttpRequest, workspace_id: WorkspaceId, booking: Booking
) -> Status[Any]:
    """Runs Tip 2 on every interviewer's calendar: a clash answers 409 with the findings."""
    workspace = workspace_for(request, workspace_id)
    lang = language_of(request)
    actor = caller(request)
    if not workspace.is_team:
        contact = booking.contact
        if contact is None:
            return _unfit("a job seeker's interview needs the contact")
        return act(
            lambda: Status(
                201,
                InterviewOut.of(
                    seeker.add_interview(
                        workspace=workspace,
                        actor=actor,
                        company=booking.company,
                        role=booking.role,
                        contact_name=contact.name,
                        contact_email=contact.email or "",
                        contact_phone=contact.phone,
                        contact_language=contact.language,
                        start=booking.start,
                        end=booking.end,
                        zone=booking.timezone,
                        location=booking.location,
                        acknowledged=booking.acknowledge,
                        lang=lang,
                    )
                ),
            )
        )
    if booking.position_id is None or booking.application_id is None:
        return _unfit("a team's booking needs position_id and application_id")
    position = get_object_or_404(Position, pk=booking.position_id, workspace=workspace)
    application = get_object_or_404(Application, pk=booking.application_id, position=position)
    chosen = booking.interviewer_ids or [actor.pk]
    interviewers = list(User.objects.filter(pk__in=chosen, workspaces=workspace))
    if len(interviewers) != len(set(chosen)):
        raise Http404("no such member")

    def book() -> Status[Any]:
        found = schedule_findings(
            interviewers, booking.start, booking.end, timezone=booking.timezone, lang=lang
        )
        interview = book_interview(
            position,
            application,
            start=booking.start,
            end=booking.end,
            timezone=booking.timezone,
            interviewers=interviewers,
            actor=actor,
            location=booking.location,
            acknowledged=booking.acknowledge,
            language=lang,
        )
        return Status(201, InterviewOut.of(interview, found))

    return act(book)
