"""Bad input is refused with the field named, in Swedish and English."""

from typing import Any

import pytest

from takt.etiquette import BadInput, Policy, check, parse_check_input
from tests.etiquette.cases import calm


def refused(data: dict[str, Any], **options: Any) -> BadInput:
    with pytest.raises(BadInput) as caught:
        check(data, **options)
    return caught.value


def test_an_unknown_field_is_bad_input() -> None:
    error = refused(calm(alternatvies=[]))
    assert error.field == "alternatvies"
    assert error.message("sv").startswith("alternatvies: okänt fält. Kontrollera stavningen")
    assert error.message("en").startswith("alternatvies: unknown field.")


def test_an_unknown_nested_field_is_named_by_path() -> None:
    data = calm()
    data["alternatives"][1]["ends"] = "2026-05-13T15:00:00+02:00"
    assert refused(data).field == "alternatives[1].ends"


def test_compose_fields_are_ignored_when_allowed() -> None:
    data = calm(people={}, company="Norrsken AB", role="utvecklare", stage="booked", link="x")
    extra = frozenset({"people", "company", "role", "stage", "link"})
    assert check(data, extra_fields=extra)["ok"] is True
    assert refused(data).field in extra


def test_an_unknown_policy_key_is_bad_input() -> None:
    error = refused(calm(policy={"min_notice_hour": 24}))
    assert error.field == "policy.min_notice_hour"
    assert "min_notice_hours" in error.message("en")


@pytest.mark.parametrize("value", [0, -1, "24", True, None, float("nan")])
def test_a_policy_value_must_be_a_positive_number(value: Any) -> None:
    assert refused(calm(policy={"min_notice_hours": value})).field == "policy.min_notice_hours"


def test_policy_counts_must_be_whole() -> None:
    assert refused(calm(policy={"min_alternatives_candidate": 2.5})).field == (
        "policy.min_alternatives_candidate"
    )


def test_the_request_policy_overrides_the_workspace_policy_over_the_defaults() -> None:
    workspace = {"min_notice_hours": 48, "max_delay_hours": 6}
    inp = parse_check_input(calm(policy={"min_notice_hours": 36}), workspace_policy=workspace)
    assert inp.policy == Policy(min_notice_hours=36, max_delay_hours=6)
    assert Policy() == Policy(24, 12, 50, 2, 3, 2, 24)
    error = refused(calm(), workspace_policy={"typo": 1})
    assert error.field == "workspace_policy.typo"


def test_a_bad_zone_is_bad_input() -> None:
    data = calm()
    data["interview"]["timezone"] = "Europe/Stokholm"
    error = refused(data)
    assert error.field == "interview.timezone"
    assert "Europe/Stokholm" in error.message("sv")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"action": "postpone"}, "action"),
        ({"action": None}, "action"),
        ({"side": 1}, "side"),
        ({"emergency": "yes"}, "emergency"),
        ({"alternatives": {"start": "x"}}, "alternatives"),
        (
            {"alternatives": [{"start": "tisdag", "end": "2026-05-13T15:00"}]},
            "alternatives[0].start",
        ),
        ({"busy": [{"start": "2026-05-13T15:00", "end": "2026-05-13T14:00"}]}, "busy[0].end"),
        (
            {"contact_attempts": [{"channel": "fax", "outcome": "sent"}]},
            "contact_attempts[0].channel",
        ),
        ({"candidates": [{"id": "c1"}]}, "candidates[0].informed"),
        ({"message": {"text": 5}}, "message.text"),
        ({"reason": "sjuk"}, "reason"),
        ({"now": "2026-05-04 09:00"}, None),
    ],
)
def test_wrong_types_and_values_name_the_field(changes: dict[str, Any], field: str | None) -> None:
    data = calm(**changes)
    if field is None:
        # A space instead of T is fine ISO 8601 for Python; read in the interview's zone.
        assert check(data)["ok"] is True
        return
    error = refused(data)
    assert error.field == field
    assert error.message("sv").startswith(field)
    assert error.message("en").startswith(field)


def test_a_local_time_without_any_zone_is_bad_input() -> None:
    data = calm()
    del data["interview"]["timezone"]
    data["alternatives"][0]["start"] = "2026-05-12T10:00:00"
    error = refused(data)
    assert error.field == "alternatives[0].start"
    assert "interview.timezone" in error.message("en")


def test_the_language_must_be_swedish_or_english() -> None:
    assert refused(calm(), lang="de").field == "lang"
