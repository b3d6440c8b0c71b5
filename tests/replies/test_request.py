"""Bad input is refused naming the field, as for `check`: a typo never turns into a default."""

from typing import Any

import pytest

from takt.etiquette import BadInput
from takt.replies import read_reply

GOOD: dict[str, Any] = {
    "text": "Onsdag kl. 13 går bra.",
    "received_at": "2026-05-04T09:12:00+02:00",
    "timezone": "Europe/Stockholm",
    "duration_minutes": 60,
    "offered": [{"start": "2026-05-06T13:00:00+02:00", "end": "2026-05-06T14:00:00+02:00"}],
}


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"txet": "x"}, "txet", "unknown_field"),
        ({"text": None}, "text", "required"),
        ({"text": 12}, "text", "wrong_type"),
        ({"language": "de"}, "language", "bad_choice"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown_zone"),
        ({"received_at": "igår"}, "received_at", "bad_format"),
        ({"received_at": None}, "received_at", "required"),
        ({"duration_minutes": 0}, "duration_minutes", "not_positive"),
        ({"duration_minutes": "60"}, "duration_minutes", "wrong_type"),
        ({"duration_minutes": True}, "duration_minutes", "wrong_type"),
        ({"offered": {"start": "x"}}, "offered", "wrong_type"),
        ({"offered": [{"start": "2026-05-06T13:00:00+02:00"}]}, "offered[0].end", "required"),
        ({"offered": [{"start": "2026-05-06T13:00:00+02:00", "end": "2026-05-06T12:00:00+02:00"}]},
         "offered[0]", "ends_before_start"),
        ({"offered": [{"start": "2026-05-06T13:00", "end": "2026-05-06T14:00", "rum": 1}]},
         "offered[0].rum", "unknown_field"),
        ({"hours": {"start": "8"}}, "hours.start", "bad_format"),
        ({"hours": {"start": "17:00", "end": "08:00"}}, "hours", "ends_before_start"),
        ({"hours": {"from": "08:00"}}, "hours.from", "unknown_field"),
        ({"received_at": "2026-03-29T02:30:00"}, "received_at", "nonexistent"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field(change: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(BadInput) as raised:
        read_reply({**GOOD, **change})
    assert (raised.value.field, raised.value.code) == (field, code)


def test_a_request_that_is_not_an_object_is_bad_input() -> None:
    with pytest.raises(BadInput):
        read_reply(["Onsdag kl. 13"])


def test_offered_times_without_an_offset_are_in_the_writers_zone() -> None:
    local = {"start": "2026-05-06T13:00", "end": "2026-05-06T14:00"}
    answer = read_reply({**GOOD, "offered": [local]})
    assert (answer["intent"], answer["chosen"]) == ("accept", 0)


def test_the_answer_holds_exactly_the_contracts_fields() -> None:
    answer = read_reply(GOOD)
    assert answer == {
        "intent": "accept",
        "chosen": 0,
        "windows": [],
        "quote": "Onsdag kl. 13 går bra",
    }


def test_offered_and_hours_may_be_left_out() -> None:
    answer = read_reply(
        {k: v for k, v in GOOD.items() if k != "offered"} | {"text": "Fredag förmiddag."}
    )
    assert answer["windows"] == [
        {"start": "2026-05-08T06:00:00+00:00", "end": "2026-05-08T10:00:00+00:00"}
    ]
