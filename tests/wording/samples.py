"""Realistic situations shared by the wording tests: Erik Lind applies to Norrsken AB."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from takt.wording import Interview, Party, Reason, Situation, Slot

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Every action and side compose() writes for.
SITUATIONS = [
    ("reschedule", "candidate"),
    ("cancel", "candidate"),
    ("cancel", "employer"),
    ("reschedule", "employer"),
    ("position_filled", "employer"),
    ("followup", "candidate"),
    ("schedule", "candidate"),
    ("schedule", "employer"),
]


def at(day: int, hour: int, month: int = 3) -> datetime:
    """An instant in Stockholm in spring 2026."""
    return datetime(2026, month, day, hour, 0, tzinfo=STOCKHOLM)


def slot(day: int, hour: int, month: int = 4) -> Slot:
    """An hour-long alternative."""
    return Slot(at(day, hour, month), at(day, hour + 1, month))


CANDIDATE = Party(
    name="Erik Lind",
    email="erik@example.se",
    phone="070-123 45 67",
    language="sv",
    timezone="Europe/Stockholm",
)
CONTACT = Party(
    name="Anna Berg",
    email="anna@norrsken.example",
    phone="08-555 010 00",
    language="sv",
    timezone="Europe/Stockholm",
)
INTERVIEW = Interview(
    start=at(31, 10),
    end=at(31, 11),
    timezone="Europe/Stockholm",
    location="Sveavägen 12, Stockholm",
)


def situation(language: str = "sv", **changes: object) -> Situation:
    """Erik and Anna, both speaking `language`, an interview on 31 March."""
    base = Situation(
        candidate=replace(CANDIDATE, language=language),
        contact=replace(CONTACT, language=language),
        company="Norrsken AB",
        role="backendutvecklare" if language == "sv" else "backend developer",
        interview=INTERVIEW,
        reason=Reason(
            "conflict",
            "Jag har blivit kallad att vittna i en rättegång samma dag."
            if language == "sv"
            else "I have been called as a witness in a court case that day.",
        ),
        alternatives=(slot(1, 10), slot(2, 14)),
        link="https://takt.example/c/8f3k2",
    )
    return replace(base, **changes)  # type: ignore[arg-type]
