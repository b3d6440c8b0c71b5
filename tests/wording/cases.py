"""Every situation the composer knows, by name, for the golden and etiquette tests."""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from takt.wording import (
    ComposedMessage,
    Party,
    Reason,
    Situation,
    compose,
    confirm_cancellation,
    confirm_time,
)
from tests.wording.samples import INTERVIEW, situation, slot

Case = Callable[[str], list[ComposedMessage]]


def _abroad(language: str) -> Situation:
    """Erik in Stockholm (scripts in `language`) writes to a recruiter in New York."""
    base = situation("en")
    candidate = replace(base.candidate, language=language)
    contact = Party(
        name="Sarah Miller",
        email="sarah@northwind.example",
        phone="+1 212 555 0142",
        language="en",
        timezone="America/New_York",
    )
    return replace(base, candidate=candidate, contact=contact, company="Northwind Inc.")


def _from_stockholm_to_new_york(language: str) -> Situation:
    """Märta in Stockholm (speaking `language`) tells Emily in New York; her reason in Swedish."""
    base = situation(language)
    contact = Party(
        name="Märta Sjögren",
        email="marta@norrsken.example",
        phone="+46 8 555 010 20",
        language=language,
        timezone="Europe/Stockholm",
    )
    candidate = Party(
        name="Emily Clarke",
        email="emily@example.com",
        phone="+1 212 555 0199",
        language="en",
        timezone="America/New_York",
    )
    return replace(
        base,
        candidate=candidate,
        contact=contact,
        role={"sv": "Senior backend-utvecklare", "en": "Senior Backend Developer"},
        reason=Reason("illness", "Jag har fått influensa och ligger med feber."),
        alternatives=(slot(7, 15), slot(8, 16), slot(9, 15)),
    )


def _from_new_york_to_stockholm(language: str) -> Situation:
    """Emily in New York asks Märta in Stockholm (reading `language`) to move; reason in English."""
    there = _from_stockholm_to_new_york(language)
    return replace(there, reason=Reason("travel", "My flight to Stockholm has been cancelled."))


def _hours_before(language: str, hours: float, **changes: object) -> Situation:
    return situation(language, now=INTERVIEW.start - timedelta(hours=hours), **changes)


CASES: dict[str, Case] = {
    "candidate_reschedule": lambda lang: compose(situation(lang), "reschedule", "candidate"),
    "candidate_reschedule_no_times": lambda lang: compose(
        situation(lang, alternatives=()), "reschedule", "candidate"
    ),
    "candidate_cancel_other_offer": lambda lang: compose(
        situation(lang, reason=Reason("other_offer")), "cancel", "candidate"
    ),
    "candidate_cancel_not_interested": lambda lang: compose(
        situation(lang, reason=Reason("not_interested")), "cancel", "candidate"
    ),
    "candidate_cancel_other": lambda lang: compose(
        situation(
            lang,
            reason=Reason(
                "other",
                "Jag har bestämt mig för att stanna kvar i min nuvarande tjänst."
                if lang == "sv"
                else "I have decided to stay in my current job.",
            ),
        ),
        "cancel",
        "candidate",
    ),
    "employer_cancel": lambda lang: compose(
        situation(
            lang,
            alternatives=(),
            reason=Reason(
                "conflict",
                "Jag har fått ett möte som inte går att flytta."
                if lang == "sv"
                else "I have been called to a meeting that cannot be moved.",
            ),
        ),
        "cancel",
        "employer",
    ),
    "employer_cancel_emergency": lambda lang: compose(
        situation(lang, alternatives=(), emergency=True, reason=Reason("emergency")),
        "cancel",
        "employer",
    ),
    "employer_cancel_with_times": lambda lang: compose(
        situation(lang, reason=Reason("illness")), "cancel", "employer"
    ),
    "employer_reschedule": lambda lang: compose(
        situation(
            lang,
            reason=Reason(
                "conflict",
                "Vår teknikchef är bortrest den veckan."
                if lang == "sv"
                else "Our head of engineering is away that week.",
            ),
            alternatives=(slot(7, 9), slot(8, 13), slot(9, 15)),
        ),
        "reschedule",
        "employer",
    ),
    "position_filled_applied": lambda lang: compose(
        situation(lang, stage="applied"), "position_filled", "employer"
    ),
    "position_filled_booked": lambda lang: compose(
        situation(lang, stage="booked"), "position_filled", "employer"
    ),
    "position_filled_interviewed": lambda lang: compose(
        situation(lang, stage="interviewed"), "position_filled", "employer"
    ),
    "followup": lambda lang: compose(situation(lang, agreed=slot(2, 14)), "followup", "candidate"),
    "schedule_by_employer": lambda lang: compose(situation(lang), "schedule", "employer"),
    "time_agreed": lambda lang: [
        confirm_time(situation(lang, agreed=slot(2, 14)), "candidate"),
        confirm_time(situation(lang, agreed=slot(2, 14)), "employer"),
    ],
    "cancellation_received": lambda lang: [
        confirm_cancellation(situation(lang, reason=Reason("other_offer")), "candidate"),
        confirm_cancellation(situation(lang), "employer"),
    ],
    "candidate_reschedule_abroad": lambda lang: compose(_abroad(lang), "reschedule", "candidate"),
    "candidate_reschedule_short_notice": lambda lang: compose(
        _hours_before(
            lang,
            2.5,
            reason=Reason(
                "illness",
                "Jag vaknade med hög feber i morse."
                if lang == "sv"
                else "I woke up with a high fever this morning.",
            ),
        ),
        "reschedule",
        "candidate",
    ),
    "employer_cancel_tomorrow": lambda lang: compose(
        _hours_before(lang, 20, alternatives=(), reason=Reason("emergency")),
        "cancel",
        "employer",
    ),
    "employer_cancel_to_new_york": lambda lang: compose(
        _from_stockholm_to_new_york(lang), "cancel", "employer"
    ),
    "employer_reschedule_to_new_york": lambda lang: compose(
        _from_stockholm_to_new_york(lang), "reschedule", "employer"
    ),
    "candidate_reschedule_from_new_york": lambda lang: compose(
        _from_new_york_to_stockholm(lang), "reschedule", "candidate"
    ),
}
