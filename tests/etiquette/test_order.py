"""Findings come ordered by severity (block, warn, advice), then by id; ok means nothing blocks."""

from takt.etiquette import check
from tests.etiquette.cases import calm


def test_findings_are_ordered_by_severity_then_id() -> None:
    data = calm(
        side="employer",
        now="2026-05-10T12:00:00+02:00",
        reason=None,
        known_since="2026-05-01T08:00:00+02:00",
        alternatives=[
            {"start": "2026-05-12T10:00:00+02:00", "end": "2026-05-12T11:00:00+02:00"},
            {"start": "2026-05-12T14:00:00+02:00", "end": "2026-05-12T13:00:00+02:00"},
            {"start": "2026-05-12T15:00:00+02:00", "end": "2026-05-12T16:00:00+02:00"},
        ],
        message={"text": "Vi flyttar intervjun, lol."},
    )
    data["interview"]["times_rescheduled_by_side"] = 1
    result = check(data)
    assert result["ok"] is False
    assert [(f["severity"], f["rule"]) for f in result["findings"]] == [
        ("block", "alternatives.invalid"),
        ("block", "alternatives.too_few"),
        ("block", "reason.missing"),
        ("warn", "message.apology_missing"),
        ("warn", "message.rude"),
        ("warn", "notice.delayed"),
        ("warn", "notice.short"),
        ("warn", "reschedule.repeat"),
        ("advice", "alternatives.same_day"),
    ]


def test_warnings_and_advice_alone_leave_ok_true() -> None:
    result = check(calm(other_plans_movable=True, side="candidate"))
    assert result["findings"] and result["ok"] is True
