"""What the dashboard's lists hold now that each walks one index and stops early."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.core.changes import start_change
from takt.core.models import Change, Interview, Person, Side, Workspace
from takt.core.needs import NEEDS

pytestmark = pytest.mark.django_db


def _interview(team: dict[str, Any], hours: float, length: float = 1, **extra: Any) -> Interview:
    start = timezone.now() + timedelta(hours=hours)
    return Interview.objects.create(
        workspace=team["workspace"],
        position=team["position"],
        application=team["application"],
        counterpart=team["candidate"],
        start=start,
        end=start + timedelta(hours=length),
        **extra,
    )


def _change(interview: Interview, **fields: Any) -> Change:
    fields.setdefault("side", Side.EMPLOYER)
    fields.setdefault("kind", Change.Kind.CANCEL)
    return Change.objects.create(interview=interview, reason_category="conflict", **fields)


def _listed(name: str, workspace: Workspace) -> list[Any]:
    return list(NEEDS[name].rows(workspace, timezone.now()))


def test_a_change_keeps_its_interviews_workspace(team) -> None:
    interview = _interview(team, 48)
    change = start_change(
        interview,
        kind=Change.Kind.RESCHEDULE,
        side=Side.EMPLOYER,
        reason_category="conflict",
        reason_text="Krock.",
        actor=team["recruiter"],
    )
    change.refresh_from_db()
    assert change.workspace_id == team["workspace"].pk


def test_drafts_and_calls_are_of_interviews_not_yet_begun(team) -> None:
    ahead, begun = _interview(team, 3), _interview(team, -0.5)
    for interview in (ahead, begun):
        _change(interview, emergency=True)  # an urgent cancellation, not sent, nobody called
    workspace = team["workspace"]
    assert [c.interview for c in _listed("drafts", workspace)] == [ahead]
    assert [c.interview for c in _listed("calls", workspace)] == [ahead]


def test_a_promise_of_new_times_waits_until_times_are_offered(team) -> None:
    interview = _interview(team, 72, status=Interview.Status.CANCELLED)
    promise = _change(
        interview, state=Change.State.SENT, sent_at=timezone.now() - timedelta(hours=30)
    )
    assert _listed("promised", team["workspace"]) == [promise]
    # New times offered: a reschedule after the cancellation (still a draft) keeps its word.
    _change(interview, kind=Change.Kind.RESCHEDULE)
    assert _listed("promised", team["workspace"]) == []


def _dashboard(team: dict[str, Any]) -> str:
    client = Client()
    client.force_login(team["recruiter"])
    return client.get(reverse("dashboard", args=[team["workspace"].pk])).content.decode()


def test_upcoming_holds_an_interview_under_way_and_not_one_over(team) -> None:
    under_way = _interview(team, -0.5)
    over = _interview(team, -3)
    day_long = _interview(team, -25, length=30)  # begun over a day ago: see LONGEST
    upcoming = _dashboard(team).split('id="upcoming-h"')[1].split("</section>")[0]
    assert under_way.get_absolute_url() in upcoming
    assert over.get_absolute_url() not in upcoming
    assert day_long.get_absolute_url() not in upcoming


def test_open_changes_are_the_workspaces_own_newest_first(team) -> None:
    older = _change(_interview(team, 48), kind=Change.Kind.RESCHEDULE)
    newer = _change(_interview(team, 96), state=Change.State.SENT)
    _change(_interview(team, 120), state=Change.State.AGREED)  # closed: not listed
    other = Workspace.objects.create(name="Fjällräv AB", kind=Workspace.Kind.TEAM)
    stranger = Person.objects.create(workspace=other, name="Okänd", email="o@example.se")
    start = timezone.now() + timedelta(days=2)
    Change.objects.create(
        interview=Interview.objects.create(
            workspace=other, counterpart=stranger, start=start, end=start + timedelta(hours=1)
        ),
        side=Side.EMPLOYER,
        kind=Change.Kind.CANCEL,
        reason_category="conflict",
    )
    changes = _dashboard(team).split('id="changes-h"')[1].split("</section>")[0]
    assert changes.count("<li>") == 2
    assert changes.index(newer.interview.get_absolute_url()) < changes.index(
        older.interview.get_absolute_url()
    )


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_change_its_interviews_workspace(team) -> None:
    before = [("interviews", "0006_webhook_events")]
    after = [("interviews", "0007_change_workspace_dashboards")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    interview = old.get_model("interviews", "Interview").objects.create(
        workspace_id=team["workspace"].pk,
        counterpart_id=team["candidate"].pk,
        start=timezone.now(),
        end=timezone.now() + timedelta(hours=1),
        uid="migrated@takt",
    )
    old.get_model("interviews", "Change").objects.create(
        interview=interview, kind="cancel", side="employer", reason_category="conflict"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    assert Change.objects.get(interview_id=interview.pk).workspace_id == team["workspace"].pk


def test_in_progress_is_kept_by_the_database_as_the_open_states(team) -> None:
    interview = _interview(team, 48)
    for state in Change.State.values:
        _change(interview, state=state)
    assert {
        change.state: change.in_progress for change in Change.objects.filter(interview=interview)
    } == {state: state in Change.OPEN_STATES for state in Change.State.values}
    Change.objects.filter(interview=interview, state=Change.State.DRAFT).update(
        state=Change.State.WITHDRAWN
    )
    assert not Change.objects.filter(interview=interview, state="withdrawn", in_progress=True)
