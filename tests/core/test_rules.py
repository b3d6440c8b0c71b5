"""The one adapter to the rules: typed findings, enforcement, and the workspace's thresholds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from takt.core import rules
from takt.core.changes import start_change
from takt.core.models import Change
from takt.core.rules import Blocked, Finding, Severity, Unacknowledged

BLOCK = Finding("reason.missing", Severity.BLOCK, "M1.2", "Skriv varför.")
WARN = Finding("notice.short", Severity.WARN, "M1.2", "Mindre än 24 timmar kvar.")
ADVICE = Finding("alternatives.same_day", Severity.ADVICE, "M3.3", "Sprid tiderna.")


def test_a_block_stops_the_action_whatever_was_acknowledged() -> None:
    with pytest.raises(Blocked) as refused:
        rules.enforce([WARN, BLOCK], acknowledged={"notice.short", "reason.missing"})
    assert not isinstance(refused.value, Unacknowledged)
    assert refused.value.blocking == [BLOCK]


def test_a_warning_needs_its_rule_id_acknowledged() -> None:
    with pytest.raises(Unacknowledged) as refused:
        rules.enforce([WARN, ADVICE], acknowledged={"alternatives.same_day"})
    assert refused.value.rules == ["notice.short"]
    assert rules.enforce([WARN, ADVICE], acknowledged={"notice.short"}) == [WARN, ADVICE]


def test_advice_never_stops_anything() -> None:
    assert rules.enforce([ADVICE], acknowledged=()) == [ADVICE]


def test_a_finding_goes_to_json_and_back_as_the_contract_says() -> None:
    data = WARN.as_json()
    assert data == {
        "rule": "notice.short",
        "severity": "warn",
        "source": "M1.2",
        "message": "Mindre än 24 timmar kvar.",
    }
    assert Finding.from_json(data) == WARN


def test_the_guides_reason_comes_in_either_language() -> None:
    assert WARN.why("sv") != WARN.why("en") and WARN.why("en")


@pytest.mark.django_db
def test_only_rule_keys_of_the_stored_policy_reach_the_rules(team) -> None:
    workspace = team["workspace"]
    workspace.policy = {"min_notice_hours": 12, "calendar_colour": "green"}
    workspace.save()
    assert rules.policy_for(workspace) == {"min_notice_hours": 12}
    assert rules.thresholds(workspace).min_notice_hours == 12


@pytest.mark.django_db
@pytest.mark.parametrize("side", ["candidate", "employer"])
def test_a_workspace_with_other_settings_is_checked_with_its_own_threshold(
    team, book_interview, side
) -> None:
    workspace = team["workspace"]
    workspace.policy = {"min_notice_hours": 12, "calendar_colour": "green"}
    workspace.save()
    start = (timezone.now() + timedelta(hours=18)).replace(second=0, microsecond=0)
    change = start_change(
        book_interview(start),
        kind=Change.Kind.CANCEL,
        side=side,
        reason_category="illness",
        reason_text="Jag har feber.",
        actor=team["recruiter"],
    )
    found = rules.findings_for(change, now=timezone.now(), lang="sv")
    # 18 hours is short by the guide's 24, but not by this workspace's 12.
    assert "notice.short" not in [f.rule for f in found]
    workspace.policy = {"calendar_colour": "green"}
    workspace.save()
    change.interview.workspace.refresh_from_db()
    found = rules.findings_for(change, now=timezone.now(), lang="sv")
    assert "notice.short" in [f.rule for f in found]
