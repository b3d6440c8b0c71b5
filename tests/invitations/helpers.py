"""An interview invitation as the tests use it."""

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from takt.outbox.invitation import Invitation

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def interview(**changes: object) -> Invitation:
    """A booked interview at 10.00 in Stockholm on the Monday after the spring DST change."""
    booked = Invitation(
        uid="interview-8f3k2@takt.example",
        sequence=0,
        method="REQUEST",
        start=datetime(2026, 3, 30, 10, 0, tzinfo=STOCKHOLM),
        end=datetime(2026, 3, 30, 11, 0, tzinfo=STOCKHOLM),
        timezone="Europe/Stockholm",
        summary="Intervju: backendutvecklare, Norrsken AB",
        description="Välkommen till intervjun; fråga efter Anna i receptionen.",
        location="Sveavägen 1, Stockholm",
        organizer=("Anna Berg", "anna@norrsken.example"),
        attendees=[("Erik Lind", "erik@example.se")],
        dtstamp=datetime(2026, 3, 20, 9, 15, tzinfo=UTC),
    )
    return replace(booked, **changes)  # type: ignore[arg-type]
