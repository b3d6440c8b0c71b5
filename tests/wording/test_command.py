"""`takt compose` and compose_json: the drafts with the check result, exit codes as for check."""

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from takt.etiquette import BadInput
from takt.wording.command import compose_json, main

CONTRACT_INPUT: dict[str, Any] = {
    "action": "reschedule",
    "side": "candidate",
    "now": "2026-03-27T08:30:00+01:00",
    "interview": {
        "start": "2026-03-31T10:00:00+02:00",
        "end": "2026-03-31T11:00:00+02:00",
        "timezone": "Europe/Stockholm",
    },
    "reason": {
        "category": "conflict",
        "text": "Jag har blivit kallad till en rättegång som vittne.",
    },
    "other_plans_movable": False,
    "alternatives": [
        {"start": "2026-04-01T10:00:00+02:00", "end": "2026-04-01T11:00:00+02:00"},
        {"start": "2026-04-02T14:00:00+02:00", "end": "2026-04-02T15:00:00+02:00"},
    ],
    "people": {
        "candidate": {
            "name": "Erik Lind",
            "email": "erik@example.se",
            "phone": "+46 70 123 45 67",
            "language": "sv",
            "timezone": "Europe/Stockholm",
        },
        "contact": {
            "name": "Anna Berg",
            "email": "anna@norrsken.example",
            "phone": "+46 8 555 010 00",
            "language": "sv",
            "timezone": "Europe/Stockholm",
        },
    },
    "company": "Norrsken AB",
    "role": "backendutvecklare",
    "stage": "booked",
    "link": "https://takt.example/c/8f3k2",
}


def data(**changes: Any) -> dict[str, Any]:
    copied = copy.deepcopy(CONTRACT_INPUT)
    copied.update(changes)
    return copied


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_it_composes_the_contract_example_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(CONTRACT_INPUT), encoding="utf-8")
    code, out, err = run([str(path)])
    result = json.loads(out)
    assert (code, err) == (0, "")
    assert result["ok"] is True
    assert result["findings"] == []
    kinds = [message["kind"] for message in result["messages"]]
    assert kinds == ["phone_script", "voicemail_script", "email", "followup_email"]
    email = result["messages"][2]
    assert email["to"] == "anna@norrsken.example"
    assert email["subject"] == "Intervjun tisdag 31 mars: kan vi boka om?"
    assert "- onsdag 1 april kl. 10.00\N{EN DASH}11.00" in email["text"]
    assert email["html"].startswith("<!DOCTYPE html>")
    assert set(result["messages"][0]) == {"kind", "language", "text"}


def test_it_reads_standard_input() -> None:
    code, out, _ = run(["-", "--lang", "en"], json.dumps(data(action="followup")))
    assert code == 0
    assert [m["kind"] for m in json.loads(out)["messages"]] == ["followup_email"]


def test_a_blocking_finding_still_returns_the_drafts_and_exits_1() -> None:
    code, out, _ = run(["-"], json.dumps(data(reason={"category": "conflict"})))
    result = json.loads(out)
    assert code == 1
    assert result["ok"] is False
    assert "reason.missing" in [finding["rule"] for finding in result["findings"]]
    assert len(result["messages"]) == 4


def test_it_checks_each_draft_and_reports_what_the_draft_says() -> None:
    result = compose_json(data(reason={"category": "other", "text": "Ni är idioter."}), "sv")
    assert "message.rude" in [finding["rule"] for finding in result["findings"]]
    rules = [(f["severity"], f["rule"]) for f in result["findings"]]
    order = {"block": 0, "warn": 1, "advice": 2}
    assert rules == sorted(rules, key=lambda pair: (order[pair[0]], pair[1]))


def test_it_writes_to_each_side_in_their_own_language_and_zone() -> None:
    people = copy.deepcopy(CONTRACT_INPUT["people"])
    people["contact"].update(language="en", timezone="America/New_York")
    result = compose_json(data(people=people), "sv")
    script, _, email, _ = result["messages"]
    # The call is in Anna's English, with Erik's Swedish beside each line he says.
    assert (script["language"], script["aside_language"]) == ("en", "sv")
    assert email["language"] == "en"
    assert "aside_language" not in email
    # A reader in New York reads American English unless a locale says otherwise.
    assert (
        "Tuesday, March 31 at 4:00 AM (New York, EDT) / 10:00 AM (Stockholm, CEST)"
        in (email["text"])
    )


def test_a_candidate_who_only_applied_needs_no_interview() -> None:
    given = data(action="position_filled", side="employer", stage="applied")
    del given["interview"]
    result = compose_json(given, "en")
    assert [m["kind"] for m in result["messages"]] == ["phone_script", "email"]
    assert "Tack för din ansökan" in result["messages"][1]["text"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"people": None}, "people"),
        ({"role": None}, "role"),
        ({"role": {}}, "role"),
        ({"role": {"de": "Entwickler"}}, "role.de"),
        ({"role": {"sv": 7}}, "role.sv"),
        ({"company": 7}, "company"),
        ({"stage": "hired"}, "stage"),
        ({"action": "position_filled", "side": "employer", "stage": None}, "stage"),
        ({"peeple": {}}, "peeple"),
    ],
)
def test_bad_input_exits_2_with_the_field_on_stderr(changes: dict[str, Any], field: str) -> None:
    given = data(**changes)
    given = {key: value for key, value in given.items() if value is not None}
    code, out, err = run(["-", "--lang", "en"], json.dumps(given))
    assert (code, out) == (2, "")
    assert err.startswith(field)


@pytest.mark.parametrize(
    ("party", "field"),
    [
        ({"name": "Erik", "telephone": "1"}, "people.candidate.telephone"),
        ({"email": "erik@example.se"}, "people.candidate.name"),
        ({"name": "Erik", "language": "de"}, "people.candidate.language"),
        ({"name": "Erik", "timezone": "Europe/Stockholmm"}, "people.candidate.timezone"),
        ({"name": "Erik", "locale": "en-AU"}, "people.candidate.locale"),
        ({"name": "Erik", "language": "sv", "locale": "en-US"}, "people.candidate.locale"),
    ],
)
def test_a_bad_person_is_named_by_its_field(party: dict[str, Any], field: str) -> None:
    people = copy.deepcopy(CONTRACT_INPUT["people"])
    people["candidate"] = party
    with pytest.raises(BadInput) as raised:
        compose_json(data(people=people), "sv")
    assert raised.value.field == field


def test_not_json_and_an_unreadable_file_exit_2(tmp_path: Path) -> None:
    code, out, err = run(["-"], "{not json")
    assert (code, out) == (2, "")
    assert "JSON" in err
    code, _, err = run([str(tmp_path / "missing.json")])
    assert code == 2
    assert "missing.json" in err


def test_an_unknown_language_for_findings_is_bad_input() -> None:
    with pytest.raises(BadInput):
        compose_json(data(), "de")
    assert run(["-", "--lang", "de"], "{}")[0] == 2


def test_a_person_may_name_a_locale_and_a_role_its_title_in_each_language() -> None:
    people = copy.deepcopy(CONTRACT_INPUT["people"])
    # A locale alone says the language: a Londoner living in New York keeps British dates.
    people["contact"] = {"name": "Sarah Miller", "locale": "en-GB", "timezone": "America/New_York"}
    role = {"sv": "Senior backend-utvecklare", "en": "Senior Backend Developer"}
    result = compose_json(data(people=people, role=role), "sv")
    email = next(message for message in result["messages"] if message["kind"] == "email")
    assert email["language"] == "en"
    assert "the Senior Backend Developer role" in email["text"]
    assert "Tuesday 31 March at 04:00 (New York, EDT)" in email["text"]
    # Erik's Swedish reason would mix two languages; the category's English sentence stands in.
    assert "I have another commitment that cannot be moved." in email["text"]
    assert "message.language_mixed" not in [finding["rule"] for finding in result["findings"]]


def test_the_check_of_a_script_reads_what_is_said_not_the_callers_asides() -> None:
    people = copy.deepcopy(CONTRACT_INPUT["people"])
    people["contact"].update(language="en", timezone="Europe/London")
    result = compose_json(data(people=people), "en")
    script = result["messages"][0]
    assert "\u21b3 Hej Anna, det är Erik Lind." in script["text"]
    assert "message.language_mixed" not in [finding["rule"] for finding in result["findings"]]


def test_an_interview_hours_away_reads_today_and_apologises_for_the_notice() -> None:
    result = compose_json(data(now="2026-03-31T07:30:00+02:00"), "sv")
    email = next(message for message in result["messages"] if message["kind"] == "email")
    assert "Jag ber om ursäkt för det korta varslet" in email["text"]
    assert "bokad till i dag kl. 10.00" in email["text"]


SENDERS_REASON = {
    "sv": "Jag har fått influensa och ligger med feber.",
    "en": "I have come down with the flu and have a fever.",
}


@pytest.mark.parametrize("candidate", ["sv", "en"])
@pytest.mark.parametrize("contact", ["sv", "en"])
@pytest.mark.parametrize(
    ("action", "side"),
    [
        ("reschedule", "candidate"),
        ("cancel", "candidate"),
        ("cancel", "employer"),
        ("reschedule", "employer"),
        ("position_filled", "employer"),
        ("followup", "candidate"),
        ("schedule", "employer"),
    ],
)
def test_compose_mixes_no_languages_in_any_pair(
    action: str, side: str, candidate: str, contact: str
) -> None:
    people = copy.deepcopy(CONTRACT_INPUT["people"])
    people["candidate"]["language"] = candidate
    people["contact"].update(language=contact, timezone="America/New_York")
    sender = candidate if side == "candidate" else contact
    given = data(
        action=action,
        side=side,
        people=people,
        role={"sv": "Backendutvecklare", "en": "Backend developer"},
        reason={"category": "illness", "text": SENDERS_REASON[sender]},
        contacted_at="2026-03-27T08:00:00+01:00" if action == "followup" else None,
    )
    result = compose_json({key: value for key, value in given.items() if value is not None}, "en")
    assert "message.language_mixed" not in [finding["rule"] for finding in result["findings"]]
    recipient = contact if side == "candidate" else candidate
    for message in result["messages"]:
        assert message["language"] == recipient
        said = [line for line in message["text"].splitlines() if not line.startswith("\u21b3")]
        if recipient != sender:
            assert SENDERS_REASON[sender] not in "\n".join(said)
