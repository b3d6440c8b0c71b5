"""Every list a page shows is read through an index: no sequential scan of a big table.

The pages are rendered against a workspace filled as years of use fill it (bench/workload.py),
beside other workspaces, after ANALYZE; each SELECT they ran is EXPLAINed on PostgreSQL.
SQLite has no planner statistics worth asking, so the test runs on PostgreSQL only.
"""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.workload import fill_history, fill_position, fill_seeker, fill_team
from takt.core.models import Membership, Position, Workspace
from takt.core.needs import NEEDS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="EXPLAIN plans are PostgreSQL's; run with DATABASE_URL=postgresql://...",
    ),
]
TEAM_SIZE = 10_000
# The tables that grow with every interview; a small one (users, sessions, positions: one
# for ten interviews) may well be read whole by a page. Positions are still checked for an
# index to use (the second check below).
BIG = {
    "interviews_interview",
    "interviews_change",
    "interviews_application",
    "interviews_person",
    "interviews_alternative",
    "outbox_message",
}


def _seq_scans(plan: dict[str, Any], tables: set[str] = BIG) -> Iterator[str]:
    if plan.get("Node Type") == "Seq Scan" and plan.get("Relation Name") in tables:
        yield plan["Relation Name"]
    for child in plan.get("Plans", []):
        yield from _seq_scans(child, tables)


def _selects(client: Client, url: str, **query: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(url, query)
    assert answer.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]


@pytest.fixture
def filled(team, make_user) -> dict[str, Any]:
    workspace = team["workspace"]
    fill_team(workspace, TEAM_SIZE)
    fill_position(team["position"], 500)
    fill_history(workspace, 3 * TEAM_SIZE)
    # Other tenants on the same server: a second team and a job seeker.
    other = Workspace.objects.create(name="Fjällräv AB", kind=Workspace.Kind.TEAM)
    fill_team(other, TEAM_SIZE // 5)
    seeker = make_user("sara")
    personal = Workspace.objects.create(name="Sara", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=personal, user=seeker, role="owner")
    fill_seeker(personal, seeker, 2000)
    fill_history(personal, 3 * 2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {**team, "seeker": seeker, "personal": personal}


def _pages(filled: dict[str, Any]) -> Iterator[tuple[Any, str, dict[str, str]]]:
    team, personal = filled["workspace"], filled["personal"]
    position = filled["position"]
    filled_position = Position.objects.filter(workspace=team, status="filled").first()
    assert filled_position is not None
    recruiter, seeker = filled["recruiter"], filled["seeker"]
    yield recruiter, reverse("dashboard", args=[team.pk]), {}
    yield seeker, reverse("dashboard", args=[personal.pk]), {}
    for need in NEEDS.values():
        workspace = team if need.applies(team) else personal
        user = recruiter if workspace == team else seeker
        yield user, reverse("needs", args=[workspace.pk, need.name]), {}
    positions = reverse("positions", args=[team.pk])
    yield recruiter, positions, {}
    yield recruiter, positions, {"status": "filled"}
    yield recruiter, positions, {"q": "tjänst 12"}
    page = reverse("position", args=[team.pk, position.pk])
    yield recruiter, page, {}
    yield recruiter, page, {"stage": "booked", "status": "scheduled", "day": ""}
    yield recruiter, page, {"q": "sökande 4"}
    yield recruiter, reverse("position", args=[team.pk, filled_position.pk]), {}
    outbox = reverse("outbox", args=[team.pk])
    yield recruiter, outbox, {}
    yield recruiter, outbox, {"status": "queued"}


def _plan(sql: str) -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        found = cursor.fetchone()[0]
    return (found if isinstance(found, list) else json.loads(found))[0]["Plan"]


def _without_seq_scans(sql: str) -> dict[str, Any]:
    """The plan when sequential scans cost the earth: a Seq Scan left means no index fits."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            return _plan(sql)
        finally:
            cursor.execute("RESET enable_seqscan")


def test_every_list_query_has_an_index_and_every_page_uses_one(filled) -> None:
    """Two checks over every SELECT the pages ran.

    A page of a list (a LIMIT, no count) must be read through an index by the planner's
    own choice: its cost must not grow with the table. A count or a dashboard's window
    over a kind of work reads every matching row anyway, and there the planner may
    rightly prefer a scan of a small table; it must still have an index to use for its
    filter and order, which is what EXPLAIN shows with sequential scans switched off.
    """
    paged: dict[str, list[str]] = {}
    no_index: dict[str, list[str]] = {}
    for user, url, query in _pages(filled):
        client = Client()
        client.force_login(user)
        for sql in _selects(client, url, **query):
            where = f"{url}?{query}"
            is_page = " LIMIT " in sql and "COUNT(" not in sql
            if is_page and (scans := sorted(set(_seq_scans(_plan(sql))))):
                paged.setdefault(where, []).append(f"{scans}: {sql}")
            forced = _without_seq_scans(sql)
            if scans := sorted(set(_seq_scans(forced, {*BIG, "interviews_position"}))):
                no_index.setdefault(where, []).append(f"{scans}: {sql}")
    assert paged == {}, json.dumps(paged, indent=1, ensure_ascii=False)
    assert no_index == {}, json.dumps(no_index, indent=1, ensure_ascii=False)
