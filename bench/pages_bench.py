"""The main pages at 1,000 and at 10,000 interviews: median render time and its growth.

The workspaces are filled by bench/workload.py (the generator the tests use) on SQLite
in a temporary data folder, in a process of its own (settings are read once per
process). Each page is rendered ROUNDS times through Django's test client, signed in,
after one warm-up; the figure is the median. Growth is the median at 10k over the
median at 1k: a page whose work is bounded stays near 1.0 (goal: at most 1.3).
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

ROUNDS = 20
SIZES = (1_000, 10_000)


def run() -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="takt-pages-bench-") as data:
        env = {**os.environ, "TAKT_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "takt.settings"}
        env.pop("DATABASE_URL", None)
        env["ALLOWED_HOSTS"] = "testserver"
        out = subprocess.run(
            [sys.executable, "-m", "bench.pages_bench", "--one"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median_ms(client: Any, url: str) -> float:
    assert client.get(url).status_code == 200, url  # warm-up: templates, translations
    times = []
    for _ in range(ROUNDS):
        began = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def _one() -> None:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from bench.workload import fill_position, fill_seeker, fill_team
    from takt.core.models import Membership, Position, Workspace

    call_command("migrate", verbosity=0)
    recruiter = User.objects.create_user("anna")
    team = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=team, user=recruiter, role="owner")
    seeker = User.objects.create_user("sara")
    personal = Workspace.objects.create(name="Sara", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=personal, user=seeker, role="owner")
    as_recruiter, as_seeker = Client(), Client()
    as_recruiter.force_login(recruiter)
    as_seeker.force_login(seeker)

    medians: dict[str, dict[int, float]] = {"recruiter": {}, "seeker": {}}
    filled = 0
    for size in SIZES:
        fill_team(team, size - filled)
        fill_seeker(personal, seeker, size - filled)
        filled = size
        medians["recruiter"][size] = _median_ms(as_recruiter, reverse("dashboard", args=[team.pk]))
        medians["seeker"][size] = _median_ms(as_seeker, reverse("dashboard", args=[personal.pk]))
    outbox_ms = _median_ms(as_recruiter, reverse("outbox", args=[team.pk]))
    position = Position.objects.create(workspace=team, title="Backendutvecklare")
    fill_position(position, 500)
    position_ms = _median_ms(as_recruiter, reverse("position", args=[team.pk, position.pk]))
    small, large = SIZES

    def ms(value: float) -> dict[str, Any]:
        return {"value": round(value, 1), "unit": "ms"}

    def ratio(who: str) -> dict[str, Any]:
        return {"value": round(medians[who][large] / medians[who][small], 2), "unit": "ratio"}

    print(
        json.dumps(
            {
                "dashboard_recruiter_10k_ms": ms(medians["recruiter"][large]),
                "dashboard_growth_10k_to_1k": ratio("recruiter"),
                "dashboard_seeker_10k_ms": ms(medians["seeker"][large]),
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
