"""Browser: the job seeker pastes the employer's answer and moves the interview on one click."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from takt.core.models import Change, Interview, Membership, Person, Workspace
from takt.core.schedule import schedule_interview
from takt.seeker import services as verbs
from tests.e2e.conftest import sign_in
from tests.seeker.conftest import step_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _after_a_call(make_user) -> Interview:
    user = make_user("erik", first_name="Erik", last_name="Lind")
    workspace = Workspace.objects.create(name="Eriks jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    contact = Person.objects.create(
        workspace=workspace, name="Anna Berg", email="anna@norrsken.example", phone="+4685550100"
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
    reason = {
        "reason_category": "conflict",
        "reason_text": "Jag är kallad som vittne till en rättegång den dagen.",
        "other_plans_movable": "no",
    }
    client.post(step_url(interview, "why"), reason)
    client.post(step_url(interview, "notice"))
    change = Change.objects.get(interview=interview)
    base = start + timedelta(days=2)
    times = [
        (base, base + timedelta(hours=1)),
        (base + timedelta(days=1), base + timedelta(days=1, hours=1)),
    ]
    verbs.choose_alternatives(change, times, actor=user)
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
    return interview


@pytest.mark.parametrize("locale", ["sv-SE", "en-GB"])
def test_the_answer_becomes_a_one_click_move(make_user, new_page, shot, locale) -> None:
    interview = _after_a_call(make_user)
    page = new_page(locale=locale)
    sign_in(page, "erik")
    page.goto(step_url(interview, "after"))
    answer = (
        "Hej Erik!\n\nIngen av de tiderna passar oss. Kan du onsdag kl. 13?\n\nMvh Anna"
        if locale == "sv-SE"
        else "Hi Erik,\n\nNone of those work for us. Could you do Wednesday at 1pm?\n\nBest, Anna"
    )
    page.get_by_label(re.compile("Deras svar|Their answer")).fill(answer)
    page.get_by_role("button", name=re.compile("^(Läs svaret|Read the answer)$")).click()
    question = (
        "Flytta intervjun till onsdag 6 maj kl. 13.00?"
        if locale == "sv-SE"
        else "Move the interview to Wednesday 6 May at 13:00?"
    )
    assert question in page.content()
    shot(page, "proposed")
    page.get_by_role("button", name=re.compile("^(Ja, flytta den|Yes, move it)$")).click()
    shot(page, "moved")
    interview.refresh_from_db()
    assert interview.start == datetime(2026, 5, 6, 11, 0, tzinfo=UTC)
    assert interview.status == Interview.Status.SCHEDULED
