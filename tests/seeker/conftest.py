"""A job seeker with a personal workspace and one interview with a contact who has a phone."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from takt.core.models import Membership, Person, Workspace
from takt.core.schedule import schedule_interview


@pytest.fixture
def seeker(make_user) -> dict[str, Any]:
    user = make_user("erik", first_name="Erik", last_name="Lind", email="erik@example.se")
    workspace = Workspace.objects.create(name="Eriks jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner", phone="+46701234567")
    contact = Person.objects.create(
        workspace=workspace,
        name="Anna Berg",
        email="anna@norrsken.example",
        phone="+46 8 555 010 00",
        language="sv",
    )
    start = (timezone.now() + timedelta(days=5)).replace(minute=0, second=0, microsecond=0)
    interview = schedule_interview(
        workspace=workspace,
        counterpart=contact,
        start=start,
        end=start + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[user],
        actor=user,
        company="Norrsken AB",
        role="backendutvecklare",
    )
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return {
        "user": user,
        "workspace": workspace,
        "contact": contact,
        "interview": interview,
        "client": client,
    }


def step_url(interview: Any, step: str, flow: str = "reschedule") -> str:
    return f"/w/{interview.workspace_id}/interviews/{interview.pk}/{flow}/{step}/"


def reschedule_and_reach_them(client: Client, interview: Any, reason: dict[str, str]) -> None:
    """Walk a reschedule up to a call that got through: reason, notice, two own times, reached."""
    client.post(step_url(interview, "why"), reason)
    client.post(step_url(interview, "notice"))
    client.post(
        step_url(interview, "times"),
        {
            "own_day_1": "2030-06-04",
            "own_time_1": "10:00",
            "own_day_2": "2030-06-05",
            "own_time_2": "13:00",
        },
    )
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
