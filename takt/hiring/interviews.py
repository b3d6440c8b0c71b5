"""Booking an interview for a position (Tip 2: never without checking the calendars)."""

from collections.abc import Collection
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone as clock

from takt.calendars.services import check_schedule
from takt.core import rules
from takt.core.models import Application, Interview, Position
from takt.core.schedule import schedule_interview


def schedule_findings(
    interviewers: list[User], start: datetime, end: datetime, *, timezone: str, lang: str
) -> list[rules.Finding]:
    """Tip 2 for the time about to be booked: every interviewer's calendar."""
    return check_schedule(interviewers, start, end, now=clock.now(), timezone=timezone, lang=lang)


@transaction.atomic
def book_interview(
    position: Position,
    application: Application,
    *,
    start: datetime,
    end: datetime,
    timezone: str,
    interviewers: list[User],
    actor: User,
    location: str = "",
    acknowledged: Collection[str] = (),
    language: str = "sv",
) -> Interview:
    """Book the candidate; a clash in an interviewer's calendar (schedule.conflict) blocks.

    DoubleBooking still guards the race between two bookings in Takt itself.
    """
    found = schedule_findings(interviewers, start, end, timezone=timezone, lang=language)
    rules.enforce(found, acknowledged)
    is_link = location.startswith("http")
    return schedule_interview(
        workspace=position.workspace,
        counterpart=application.person,
        start=start,
        end=end,
        timezone=timezone,
        interviewers=interviewers,
        actor=actor,
        position=position,
        application=application,
        location="" if is_link else location,
        video_link=location if is_link else "",
    )
