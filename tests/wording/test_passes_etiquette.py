"""Every composed message passes Takt's own message rules, with no `message.*` finding."""

from dataclasses import replace
from typing import Any

import pytest

from takt.etiquette import check, has_apology, is_rude, promises_new_times, shows_interest
from takt.wording import ComposedMessage, Reason, Situation, compose
from takt.wording.reading import EXTRA_FIELDS
from tests.wording.cases import CASES
from tests.wording.samples import SITUATIONS, situation, slot

# The actions of each golden case as the check contract names them.
ACTION = {
    "candidate_reschedule": ("reschedule", "candidate"),
    "candidate_reschedule_no_times": ("reschedule", "candidate"),
    "candidate_reschedule_abroad": ("reschedule", "candidate"),
    "candidate_reschedule_short_notice": ("reschedule", "candidate"),
    "candidate_reschedule_from_new_york": ("reschedule", "candidate"),
    "employer_cancel_tomorrow": ("cancel", "employer"),
    "employer_cancel_to_new_york": ("cancel", "employer"),
    "employer_reschedule_to_new_york": ("reschedule", "employer"),
    "candidate_cancel_other_offer": ("cancel", "candidate"),
    "candidate_cancel_not_interested": ("cancel", "candidate"),
    "candidate_cancel_other": ("cancel", "candidate"),
    "employer_cancel": ("cancel", "employer"),
    "employer_cancel_emergency": ("cancel", "employer"),
    "employer_cancel_with_times": ("cancel", "employer"),
    "employer_reschedule": ("reschedule", "employer"),
    "position_filled_applied": ("position_filled", "employer"),
    "position_filled_booked": ("position_filled", "employer"),
    "position_filled_interviewed": ("position_filled", "employer"),
    "followup": ("followup", "candidate"),
    "schedule_by_employer": ("schedule", "employer"),
    "time_agreed": ("confirmation", "either"),
    "cancellation_received": ("confirmation", "either"),  # only tone applies
}

# The golden cases whose situation offers new times (the others offer none).
CASE_ALTERNATIVES = {
    name: situation("sv").alternatives
    for name in (
        "candidate_reschedule",
        "candidate_reschedule_abroad",
        "candidate_reschedule_short_notice",
        "candidate_reschedule_from_new_york",
        "employer_cancel_with_times",
        "employer_cancel_to_new_york",
        "employer_reschedule",
        "employer_reschedule_to_new_york",
    )
}

EDGES = {
    "one_alternative": {"alternatives": (slot(1, 10),)},
    "six_alternatives": {"alternatives": tuple(slot(day, 9) for day in range(6, 12))},
    "one_word_reason": {"reason": Reason("illness", "sjuk")},
    "no_reason_text": {"reason": Reason("family", None)},
    "emergency": {"emergency": True, "alternatives": ()},
}


def test_every_golden_case_has_its_action() -> None:
    assert set(ACTION) == set(CASES)


def _expectations(action: str, side: str, message: ComposedMessage, alternatives: int) -> None:
    text, lang = message.text, message.language
    assert not is_rude(text, lang), text
    if action in ("reschedule", "followup"):
        assert has_apology(text, lang), text
    if message.kind == "followup_email":
        assert shows_interest(text, lang), text
    if action == "cancel" and side == "employer" and not alternatives:
        assert promises_new_times(text, lang), text


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_cases_pass_the_detectors(case: str, language: str) -> None:
    action, side = ACTION[case]
    # Taken from the case's input, not guessed from the text it produced.
    alternatives = len(CASE_ALTERNATIVES.get(case, ()))
    for message in CASES[case](language):
        _expectations(action, side, message, alternatives)


def _no_phone(base: Situation) -> Situation:
    return replace(
        base,
        candidate=replace(base.candidate, phone=None),
        contact=replace(base.contact, phone=None),
    )


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("edge", [*sorted(EDGES), "no_phone"])
@pytest.mark.parametrize(("action", "side"), SITUATIONS)
def test_edge_cases_pass_the_detectors(action: str, side: str, edge: str, language: str) -> None:
    base = situation(language)
    edged = _no_phone(base) if edge == "no_phone" else replace(base, **EDGES[edge])  # type: ignore[arg-type]
    for message in compose(edged, action, side):
        _expectations(action, side, message, len(edged.alternatives))


def _check_input(
    action: str, side: str, sit: Situation, message: ComposedMessage
) -> dict[str, Any]:
    """A realistic `check` request carrying one composed message."""
    return {
        "action": action,
        "side": side,
        "now": "2026-03-27T08:30:00+01:00",
        "interview": {
            "start": sit.interview.start.isoformat(),
            "end": sit.interview.end.isoformat(),
            "timezone": sit.interview.timezone,
        },
        "reason": {"category": sit.reason.category, "text": sit.reason.text},
        "emergency": sit.emergency,
        "alternatives": [
            {"start": a.start.isoformat(), "end": a.end.isoformat()} for a in sit.alternatives
        ],
        "contacted_at": "2026-03-27T08:00:00+01:00" if action == "followup" else None,
        "message": {"language": message.language, "text": message.text},
    }


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("edge", [*sorted(EDGES), "no_phone"])
@pytest.mark.parametrize(
    ("action", "side"),
    [
        ("reschedule", "candidate"),
        ("cancel", "candidate"),
        ("cancel", "employer"),
        ("reschedule", "employer"),
        ("followup", "candidate"),
    ],
)
def test_the_checker_finds_nothing_wrong_with_any_message(
    action: str, side: str, edge: str, language: str
) -> None:
    base = situation(language)
    edged = _no_phone(base) if edge == "no_phone" else replace(base, **EDGES[edge])  # type: ignore[arg-type]
    for message in compose(edged, action, side):
        result = check(_check_input(action, side, edged, message), language)
        rules = [finding["rule"] for finding in result["findings"]]
        assert not [rule for rule in rules if rule.startswith("message.")], (rules, message.text)


def test_the_check_would_catch_a_message_without_an_apology() -> None:
    # Guards the test above: the checker does look at the message it is given.
    base = situation("sv")
    message = compose(base, "reschedule", "candidate")[2]
    bare = replace(message, text=message.text.replace("Jag beklagar att jag måste", "Jag vill"))
    result = check(_check_input("reschedule", "candidate", base, bare), "sv")
    assert "message.apology_missing" in [finding["rule"] for finding in result["findings"]]


def test_the_compose_fields_are_accepted_by_the_check_parser() -> None:
    assert {"people", "company", "role", "stage", "link"} == EXTRA_FIELDS
