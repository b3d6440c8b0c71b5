"""Closing a position with 5,000 remaining candidates, on SQLite and on PostgreSQL.

Half the candidates have a booked interview ahead (cancelled, CANCEL
invitation attached), a third were interviewed, the rest applied; every one
gets the message for their stage composed and queued. Each database runs in
its own process (settings are read once per process); PostgreSQL gets a
temporary database that is dropped afterwards. Goal: under 10 s each.

To see where the time goes: `TAKT_BENCH_PROFILE=/tmp/close.prof` writes a
cProfile of the action alone (not the set-up), for `python -m pstats`.
"""

import cProfile
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from typing import Any

COUNT = 5000
POSTGRES = os.environ.get("TAKT_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def run() -> dict[str, dict[str, Any]]:
    results = {"close_position_5000_sqlite_s": {"value": _in_process(None), "unit": "s"}}
    name = f"takt_bench_{uuid.uuid4().hex[:8]}"
    try:
        _admin(f'CREATE DATABASE "{name}"')
    except Exception as error:  # no server: say so rather than invent a figure
        print(f"close_position on PostgreSQL skipped: {error}")
        return results
    try:
        url = POSTGRES.rsplit("/", 1)[0] + f"/{name}"
        results["close_position_5000_postgres_s"] = {"value": _in_process(url), "unit": "s"}
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return results


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[arg-type]


def _in_process(database_url: str | None) -> float:
    with tempfile.TemporaryDirectory(prefix="takt-close-bench-") as data:
        env = {**os.environ, "TAKT_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "takt.settings"}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        out = subprocess.run(
            [sys.executable, "-m", "bench.close_position_bench", "--one"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def _one() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User
    from django.utils import timezone

    from takt.core.models import (
        Application,
        Booking,
        Interview,
        Membership,
        Person,
        Position,
        Workspace,
    )
    from takt.hiring.positions import close_position
    from takt.outbox.models import Message

    recruiter = User.objects.create_user("anna", "anna@norrsken.example", first_name="Anna")
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=workspace, user=recruiter, phone="+46 8 555 010 00")
    position = Position.objects.create(workspace=workspace, title="Backendutvecklare")
    people = Person.objects.bulk_create(
        Person(
            workspace=workspace,
            name=f"Kandidat {n}",
            email=f"k{n}@example.se",
            language="sv" if n % 3 else "en",
        )
        for n in range(COUNT)
    )
    stages = ["interviewed", "booked", "applied"]
    applications = Application.objects.bulk_create(
        Application(position=position, person=p, stage=stages[n % 3]) for n, p in enumerate(people)
    )
    start = timezone.now().replace(microsecond=0) + timedelta(days=7)
    interviews = Interview.objects.bulk_create(
        Interview(
            workspace=workspace,
            position=position,
            application=a,
            counterpart=a.person,
            start=start + timedelta(minutes=30 * n),
            end=start + timedelta(minutes=30 * n + 25),
        )
        for n, a in enumerate(applications)
        if n % 2 == 0
    )
    Booking.objects.bulk_create(
        Booking(interview=i, user=recruiter, start=i.start, end=i.end) for i in interviews
    )
    profile_to = os.environ.get("TAKT_BENCH_PROFILE")  # a file: cProfile of the action alone
    profiler = cProfile.Profile() if profile_to else None
    began, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    result = close_position(position, hired=None, actor=recruiter)
    seconds = time.perf_counter() - began
    # This process's own CPU time: a busy machine slows the wall clock, not this.
    cpu = time.process_time() - cpu
    if profiler and profile_to:
        profiler.disable()
        profiler.dump_stats(profile_to)
    assert result.closed and result.informed == COUNT, result
    assert Message.objects.count() == COUNT
    assert not Interview.objects.filter(status="scheduled").exists()
    print(json.dumps({"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2)}))


if __name__ == "__main__":
    if "--one" in sys.argv:
        _one()
    else:
        print(run())
