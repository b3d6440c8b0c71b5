"""The dashboards' lists read as much at three times the size: each stops at the rows it shows.

Each list on the two dashboards (a SELECT with a LIMIT) is run again at 800 and at 2,400
interviews per workspace, with years of history and a second team beside them, and the
database's own count of its work is compared: on SQLite the virtual machine's steps (a
progress handler), on PostgreSQL the rows each scan of a big table read (EXPLAIN ANALYZE).
A list that sorts what it matched, or walks past rows that are not its own, reads three
times as much at three times the size; one that walks an index in its order and stops
reads the same. No clock is read, so a busy machine cannot fail it.
"""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from bench.workload import fill_history, fill_seeker, fill_team
from takt.core.models import Membership, Workspace

pytestmark = pytest.mark.django_db
SMALL, LARGE = 800, 2_400
# Steps are counted per this many virtual machine instructions.
STEP = 100
# Room for the few extra steps of a longer parameter or a deeper index, not for a walk
# that grows with the workspace (that would be three times as much).
ROOM = 1.25
BIG = {
    "interviews_interview",
    "interviews_change",
    "interviews_application",
    "interviews_person",
    "interviews_alternative",
    "interviews_position",
    "outbox_message",
}


@pytest.fixture
def sites(team, make_user) -> dict[str, Any]:
    seeker = make_user("sara")
    personal = Workspace.objects.create(name="Sara", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=personal, user=seeker, role="owner")
    other = Workspace.objects.create(name="Fjällräv AB", kind=Workspace.Kind.TEAM)
    return {**team, "seeker": seeker, "personal": personal, "other": other}


def _grow(sites: dict[str, Any], size: int) -> None:
    team, personal, other = sites["workspace"], sites["personal"], sites["other"]
    fill_history(team, size)
    fill_team(team, size)
    fill_team(other, size)
    fill_history(personal, size)
    fill_seeker(personal, sites["seeker"], size)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _ran(client: Client, url: str) -> list[tuple[str, Any]]:
    """The queries a page ran, with their parameters apart, as the page sends them.

    SQLite plans "state IN (?, ?)" otherwise than "state IN ('draft', 'sent')" (a partial
    index fits only the latter), so the text with the values filled in would mislead.
    """
    ran: list[tuple[str, Any]] = []

    def keep(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        ran.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        assert client.get(url).status_code == 200
    return ran


def _lists(sites: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """Every list query the two dashboards ran: (dashboard, SQL, parameters)."""
    for who, user, workspace in (
        ("recruiter", sites["recruiter"], sites["workspace"]),
        ("seeker", sites["seeker"], sites["personal"]),
    ):
        client = Client()
        client.force_login(user)
        for sql, params in _ran(client, reverse("dashboard", args=[workspace.pk])):
            if sql.startswith("SELECT") and " LIMIT " in sql and "COUNT(" not in sql:
                yield who, sql, params


def _sqlite_steps(sql: str, params: Any) -> int:
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0  # go on

    raw = connection.connection
    raw.set_progress_handler(count, STEP)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()
    finally:
        raw.set_progress_handler(None, STEP)
    return steps


def _rows_read(plan: dict[str, Any]) -> int:
    read = 0
    if plan.get("Relation Name") in BIG:
        kept = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)
        read += (kept + plan.get("Rows Removed by Index Recheck", 0)) * plan.get("Actual Loops", 1)
    return read + sum(_rows_read(child) for child in plan.get("Plans", []))


def _postgresql_rows(sql: str, params: Any) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        found = cursor.fetchone()[0]
    return _rows_read((found if isinstance(found, list) else json.loads(found))[0]["Plan"])


def _plan(sql: str, params: Any) -> str:
    explain = "EXPLAIN" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def _work(sites: dict[str, Any]) -> list[tuple[str, str, Any, int]]:
    connection.ensure_connection()
    measure = _postgresql_rows if connection.vendor == "postgresql" else _sqlite_steps
    return [(who, sql, params, measure(sql, params)) for who, sql, params in _lists(sites)]


def test_every_dashboard_list_reads_as_much_at_three_times_the_size(sites) -> None:
    _grow(sites, SMALL)
    small = _work(sites)
    _grow(sites, LARGE - SMALL)
    large = _work(sites)
    assert [who for who, *_ in small] == [who for who, *_ in large]
    assert len(small) >= 10  # every kind of work, the upcoming interviews, the open changes
    grew = [
        f"{who}: {before} -> {after}: {sql[sql.find(' WHERE ') :]}\n{_plan(sql, params)}"
        for (who, _, _, before), (_, sql, params, after) in zip(small, large, strict=True)
        if after > before * ROOM + 5
    ]
    assert grew == [], "\n".join(grew)
