"""Booking a new interview (Tip 2: never without checking the calendar)."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction

from takt.core import audit, booking, events
from takt.core.models import Application, Interview, Person, Position, Workspace


@transaction.atomic
def schedule_interview(
    *,
    workspace: Workspace,
    counterpart: Person,
    start: datetime,
    end: datetime,
    timezone: str,
    interviewers: list[User],
    actor: User | None,
    position: Position | None = None,
    application: Application | None = None,
    company: str = "",
    role: str = "",
    location: str = "",
    video_link: str = "",
) -> Interview:
    """Create the interview and hold everyone's time; DoubleBooking leaves nothing behind."""
    interview = Interview.objects.create(
        workspace=workspace,
        counterpart=counterpart,
        start=start,
        end=end,
        timezone=timezone,
        position=position,
        application=application,
        company=company,
        role=role,
        location=location,
        video_link=video_link,
    )
    booking.hold(interview, interviewers)
    if application is not None and application.stage == Application.Stage.APPLIED:
        application.stage = Application.Stage.BOOKED
        application.save(update_fields=["stage"])
    audit.record(
        "interview.scheduled",
        workspace=workspace,
        interview=interview,
        actor=actor,
        start=start.isoformat(),
        end=end.isoformat(),
    )
    events.about_interview("interview.scheduled", interview)
    return interview
