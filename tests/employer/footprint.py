"""What a verb leaves behind, counted, so a refused verb can be shown to have written nothing."""

from datetime import UTC, datetime, timedelta
from typing import Any

from django.utils import timezone

from takt.calendars.services import add_source
from takt.core.models import (
    Alternative,
    Application,
    AuditEvent,
    Booking,
    Change,
    ContactAttempt,
    Interview,
    Position,
)
from takt.hiring.models import CandidateLink
from takt.outbox.models import Message


def footprint() -> dict[str, Any]:
    """Every row a verb could write, and every status it could move."""
    return {
        "changes": list(Change.objects.order_by("pk").values_list("pk", "state", "sent_at")),
        "alternatives": Alternative.objects.count(),
        "contact_attempts": ContactAttempt.objects.count(),
        "links": list(CandidateLink.objects.order_by("pk").values_list("pk", "used_at")),
        "messages": Message.objects.count(),
        "audit": AuditEvent.objects.count(),
        "interviews": list(
            Interview.objects.order_by("pk").values_list("pk", "status", "sequence", "start")
        ),
        "bookings": list(Booking.objects.order_by("pk").values_list("pk", "active", "start")),
        "positions": list(Position.objects.order_by("pk").values_list("pk", "status")),
        "applications": list(Application.objects.order_by("pk").values_list("pk", "stage")),
    }


def busy_calendar(team: dict[str, Any], user: Any, start: datetime, hours: float = 1) -> None:
    """Connect a calendar for `user` that is busy from `start` for `hours`."""
    end = start + timedelta(hours=hours)
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//takt tests//EN\nBEGIN:VEVENT\n"
        "UID:busy@takt.test\nSUMMARY:Styrelsemöte\n"
        f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%SZ}\n"
        f"DTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}\n"
        "DTSTAMP:20260101T000000Z\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    add_source(
        workspace=team["workspace"],
        owner=user,
        kind="ics_file",
        name="Arbete",
        ics_data=text.replace("\n", "\r\n").encode(),
        now=timezone.now(),
    )


def long_reason() -> str:
    """A reason of 77 words, over the guide's 50 (reason.too_long warns)."""
    return " ".join(["Vår chef måste vara med på intervjun och är bortrest hela veckan."] * 7)
