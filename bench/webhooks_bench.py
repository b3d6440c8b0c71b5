"""Webhooks and the API: 1,000 signed posts by the delivery loop, and offers through the API.

webhook_1000_per_s: the worker's delivery loop (claim in batches, sign, post
through the outbound guard, write each attempt and mark each delivery) posts
1,000 events to a receiver that verifies every signature with the
standardwebhooks library, in a process of its own. webhook_ratio_to_httpx:
the same 1,000 bodies with the same headers from a bare httpx loop (one
kept-alive client, nothing recorded) to the same receiver; goal >= 0.5.
Rounds alternate so a busy machine slows both alike.

api_offer_times_per_s: the employer's offer of three new times through the
API with a bearer token (Django's test client, the rules run, the e-mail
queued and the webhook event written), one interview per offer.

Each runs in a fresh process with its own SQLite data folder.
"""

import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from typing import Any

COUNT = 1000
ROUNDS = 3
OFFERS = 200


def run() -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="takt-webhooks-bench-") as data:
        env = {**os.environ, "TAKT_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "takt.settings"}
        env["TAKT_OUTBOUND_ALLOW"] = "127.0.0.1/32"
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "bench.webhooks_bench", "--inside"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-4000:])
    result: dict[str, dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _inside() -> dict[str, dict[str, Any]]:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    figures = _webhooks()
    figures.update(_offers())
    return figures


def _serve(port: int, secret: str, count: Any, ready: Any, stop: Any) -> None:
    """The receiver: verifies each post with standardwebhooks, counts what it accepts."""
    from tests.webhooks.receiver import Receiver, serve

    def counted(_: Any) -> None:
        with count.get_lock():
            count.value += 1

    server = serve(Receiver([secret], on_accept=counted), port)
    ready.set()
    stop.wait()
    server.shutdown()


class _Receiver:
    def __init__(self, secret: str) -> None:
        from tests.servers import free_port, wait_for_port

        self.port = free_port()
        self.count = multiprocessing.Value("i", 0)
        ready, self._stop = multiprocessing.Event(), multiprocessing.Event()
        self._process = multiprocessing.Process(
            target=_serve, args=(self.port, secret, self.count, ready, self._stop), daemon=True
        )
        self._process.start()
        ready.wait(30)
        wait_for_port(self.port)

    def received(self) -> int:
        return int(self.count.value)

    def reset(self) -> None:
        with self.count.get_lock():
            self.count.value = 0

    def stop(self) -> None:
        self._stop.set()
        self._process.join(10)


def _webhooks() -> dict[str, dict[str, Any]]:
    from django.db import transaction
    from django.utils import timezone

    from takt.core import events
    from takt.core.events import KINDS
    from takt.core.models import Event, Workspace
    from takt.webhooks.delivery import deliver_due
    from takt.webhooks.models import Attempt, Delivery, Endpoint
    from takt.webhooks.signing import body_of, headers_for, new_secret

    secret = new_secret()
    receiver = _Receiver(secret)
    try:
        url = f"http://127.0.0.1:{receiver.port}/hooks"
        workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
        endpoint = Endpoint.objects.create(
            workspace=workspace, url=url, events=list(KINDS), secret=secret
        )
        with transaction.atomic():
            for number in range(COUNT):
                events.record(
                    "change.opened",
                    {"number": number, "reason_text": "Intervjuaren har blivit sjuk."},
                    workspace=workspace,
                    stream=f"interview:{number % 50}",
                )
        import httpx

        loop_s, bare_s = [], []
        for _ in range(ROUNDS):
            Attempt.objects.all().delete()
            Delivery.objects.update(
                state=Delivery.State.PENDING, attempts=0, next_attempt_at=timezone.now()
            )
            receiver.reset()
            began = time.perf_counter()
            deliver_due()
            loop_s.append(time.perf_counter() - began)
            if receiver.received() != COUNT:
                raise AssertionError(f"the delivery loop delivered {receiver.received()}")
            # The same bodies and headers, signed a moment ago, from a bare loop.
            now = timezone.now()
            posts = [
                (body_of(e), headers_for(e.public_id, body_of(e), endpoint.secrets_at(now), now))
                for e in Event.objects.order_by("pk")
            ]
            receiver.reset()
            began = time.perf_counter()
            with httpx.Client() as client:
                for body, headers in posts:
                    client.post(url, content=body, headers=headers).raise_for_status()
            bare_s.append(time.perf_counter() - began)
            if receiver.received() != COUNT:
                raise AssertionError(f"httpx delivered {receiver.received()}")
    finally:
        receiver.stop()
    loop_rate = COUNT / statistics.median(loop_s)
    bare_rate = COUNT / statistics.median(bare_s)
    return {
        "webhook_1000_per_s": {"value": round(loop_rate, 1), "unit": "posts/s"},
        "webhook_ratio_to_httpx": {"value": round(loop_rate / bare_rate, 2), "unit": "ratio"},
    }


def _offers() -> dict[str, dict[str, Any]]:
    from django.contrib.auth.models import User
    from django.test import Client
    from django.utils import timezone

    from takt.api.models import ApiToken
    from takt.core.models import Application, Membership, Person, Position, Workspace
    from takt.core.schedule import schedule_interview

    recruiter = User.objects.create_user("bench-recruiter", first_name="Anna", last_name="Berg")
    team = Workspace.objects.create(name="Bench AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=team, user=recruiter, role="owner")
    position = Position.objects.create(workspace=team, title="Backendutvecklare")
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=10)
    interviews = []
    for number in range(OFFERS):
        person = Person.objects.create(
            workspace=team, name=f"Erik Lind {number}", email=f"erik{number}@example.se"
        )
        application = Application.objects.create(position=position, person=person)
        interviews.append(
            schedule_interview(
                workspace=team,
                counterpart=person,
                start=start + timedelta(hours=number),
                end=start + timedelta(hours=number, minutes=45),
                timezone="Europe/Stockholm",
                interviewers=[recruiter],
                actor=recruiter,
                position=position,
                application=application,
            )
        )
    _, key = ApiToken.issue(recruiter, "bench")
    client = Client(headers={"Authorization": f"Bearer {key}"}, SERVER_NAME="localhost")
    later = start + timedelta(days=30)
    began = time.perf_counter()
    for number, interview in enumerate(interviews):
        times = [
            {
                "start": (later + timedelta(days=day, hours=number)).isoformat(),
                "end": (later + timedelta(days=day, hours=number, minutes=45)).isoformat(),
            }
            for day in (0, 1, 2)
        ]
        answer = client.post(
            f"/api/v1/workspaces/{team.pk}/interviews/{interview.pk}/offer",
            data=json.dumps(
                {
                    "reason_category": "illness",
                    "reason_text": "Intervjuaren är sjuk.",
                    "times": times,
                }
            ),
            content_type="application/json",
        )
        if answer.status_code != 201:
            raise AssertionError(answer.content)
    spent = time.perf_counter() - began
    return {"api_offer_times_per_s": {"value": round(OFFERS / spent, 1), "unit": "offers/s"}}


if __name__ == "__main__":
    if sys.argv[1:] == ["--inside"]:
        print(json.dumps(_inside()))
    else:
        for name, figure in run().items():
            print(f"{name}: {figure['value']} {figure['unit']}")
