"""The main pages at 1,000 and at 10,000 interviews: median render time and its growth.

Two databases are filled by bench/workload.py (the generator the tests use): one to
1,000 interviews, the other to 1,000 and then 9,000 more, each with a team and a job
seeker. One process renders the pages of both through Django's test client, signed in,
after a warm-up, in alternating rounds (the small one first in every other round), so a
busy moment on a shared machine falls on both sizes alike rather than on one of them.
The figure is the median of ROUNDS renders; growth is the median at 10k over the median
at 1k: a page whose work is bounded stays near 1.0 (goal: at most 1.3).

SQLite in a temporary data folder by default, as `make bench` runs it; with
PAGES_BENCH_DATABASE_URL=postgresql://... the same on two scratch databases created
beside that one (and dropped at the end).
"""

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ROUNDS = 30
WARM_UP = 3
SIZES = (1_000, 10_000)


def run() -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="takt-pages-bench-") as data:
        env = {**os.environ, "TAKT_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "takt.settings"}
        env.pop("DATABASE_URL", None)
        if url := os.environ.get("PAGES_BENCH_DATABASE_URL"):
            env["DATABASE_URL"] = url
        env["ALLOWED_HOSTS"] = "testserver"
        out = subprocess.run(
            [sys.executable, "-m", "bench.pages_bench", "--one"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


class Site:
    """One database with a team and a job seeker, each with a signed-in client."""

    def __init__(self, database: Any) -> None:
        from django.test import Client

        self.database = database
        self.recruiter, self.seeker = Client(), Client()

    @contextmanager
    def active(self) -> Iterator[None]:
        from django.db import connections

        before = connections["default"]
        connections["default"] = self.database
        try:
            yield
        finally:
            connections["default"] = before

    def set_up(self) -> None:
        from django.contrib.auth.models import User
        from django.core.management import call_command

        from takt.core.models import Membership, Workspace

        call_command("migrate", verbosity=0)
        recruiter = User.objects.create_user("anna")
        self.team = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
        Membership.objects.create(workspace=self.team, user=recruiter, role="owner")
        seeker = User.objects.create_user("sara")
        self.personal = Workspace.objects.create(name="Sara", kind=Workspace.Kind.PERSONAL)
        Membership.objects.create(workspace=self.personal, user=seeker, role="owner")
        self.seeker_user = seeker
        self.recruiter.force_login(recruiter)
        self.seeker.force_login(seeker)

    def fill(self, size: int) -> None:
        from bench.workload import fill_seeker, fill_team

        fill_team(self.team, size)
        fill_seeker(self.personal, self.seeker_user, size)

    def analyze(self) -> None:
        """PostgreSQL's statistics, as its autovacuum keeps them on a server in use.

        Right after a bulk load it has none yet and plans blind; SQLite keeps none unless
        asked (Django never asks), so it is left as it runs.
        """
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def dashboards(self) -> dict[str, tuple[Any, str]]:
        from django.urls import reverse

        return {
            "recruiter": (self.recruiter, reverse("dashboard", args=[self.team.pk])),
            "seeker": (self.seeker, reverse("dashboard", args=[self.personal.pk])),
        }


def _databases() -> tuple[Any, Any, Any]:
    """Two scratch databases beside the settings' own, for the small and the large site."""
    from django.db import connections

    default = connections["default"]
    settings = default.settings_dict
    if default.vendor == "postgresql":
        names = [f"{settings['NAME']}_pages_{size}" for size in SIZES]
        with default.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}"')
    else:  # files in the temporary data folder
        names = [str(settings["NAME"]).replace(".sqlite3", f"-{size}.sqlite3") for size in SIZES]
    small, large = (type(default)({**settings, "NAME": name}, "default") for name in names)

    def clean_up() -> None:
        small.close()
        large.close()
        if default.vendor == "postgresql":
            with default.cursor() as cursor:
                for name in names:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return small, large, clean_up


def _render_ms(client: Any, url: str) -> float:
    began = time.perf_counter()
    answer = client.get(url)
    elapsed = (time.perf_counter() - began) * 1000
    assert answer.status_code == 200, url
    return elapsed


def _one() -> None:
    import django

    django.setup()
    from django.urls import reverse

    from bench.workload import fill_position
    from takt.core.models import Position

    small_db, large_db, clean_up = _databases()
    small, large = Site(small_db), Site(large_db)
    low, high = SIZES
    try:
        for site in (small, large):
            with site.active():
                site.set_up()
                site.fill(low)
        with large.active():
            large.fill(high - low)
        for site in (small, large):
            with site.active():
                site.analyze()
        gc.collect()  # the filling's garbage is not the pages' to collect

        times: dict[str, dict[int, list[float]]] = {"recruiter": {}, "seeker": {}}
        for round_ in range(WARM_UP + ROUNDS):
            # The small one first in every other round: neither size always follows the other.
            order = ((small, low), (large, high)) if round_ % 2 else ((large, high), (small, low))
            for site, size in order:
                with site.active():
                    for who, (client, url) in site.dashboards().items():
                        took = _render_ms(client, url)
                        if round_ >= WARM_UP:
                            times[who].setdefault(size, []).append(took)

        with large.active():
            outbox_url = reverse("outbox", args=[large.team.pk])
            position = Position.objects.create(workspace=large.team, title="Backendutvecklare")
            fill_position(position, 500)
            position_url = reverse("position", args=[large.team.pk, position.pk])
            for _ in range(WARM_UP):
                _render_ms(large.recruiter, outbox_url)
                _render_ms(large.recruiter, position_url)
            outbox_ms = statistics.median(
                _render_ms(large.recruiter, outbox_url) for _ in range(ROUNDS)
            )
            position_ms = statistics.median(
                _render_ms(large.recruiter, position_url) for _ in range(ROUNDS)
            )
    finally:
        clean_up()

    medians = {
        who: {size: statistics.median(t) for size, t in by.items()} for who, by in times.items()
    }

    def ms(value: float) -> dict[str, Any]:
        return {"value": round(value, 1), "unit": "ms"}

    def ratio(who: str) -> dict[str, Any]:
        return {"value": round(medians[who][high] / medians[who][low], 2), "unit": "ratio"}

    print(
        json.dumps(
            {
                "dashboard_recruiter_10k_ms": ms(medians["recruiter"][high]),
                "dashboard_growth_10k_to_1k": ratio("recruiter"),
                "dashboard_seeker_10k_ms": ms(medians["seeker"][high]),
                "dashboard_seeker_growth_10k_to_1k": ratio("seeker"),
                "position_500_candidates_ms": ms(position_ms),
                "outbox_20k_page_ms": ms(outbox_ms),
            }
        )
    )


if __name__ == "__main__":
    if "--one" in sys.argv:
        _one()
    else:
        for name, figure in run().items():
            print(f"{name}: {figure['value']} {figure['unit']}")
