"""Every situation the composer knows, by name, for the golden and etiquette tests."""

from collections.abc import Callable
from dataclasses import replace

from takt.wording import (
    ComposedMessage,
    Party,
    Reason,
    Situation,
    compose,
    confirm_cancellation,
    confirm_time,
)
from tests.wording.samples import situation, slot

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
}
