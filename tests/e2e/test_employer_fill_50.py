"""Browser, in English: a position with 50 candidates is filled and closed through the pages.

The informing runs as the django.tasks task the page enqueues; the test runs
it with the real database worker (`db_worker --batch`), so the progress the
recruiter sees is the task's own work.
"""

import re
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from takt.core.models import Application, Interview, Person, Position
from takt.core.schedule import schedule_interview
from takt.hiring.positions import OPEN_STAGES
from takt.outbox.models import Message
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _people(team: dict[str, Any]) -> dict[str, list[Application]]:
    """49 more candidates next to the fixture's Erik (applied): 12 interviewed, 14 booked."""
    made: dict[str, list[Application]] = {"interviewed": [], "booked": [], "applied": []}
    plan = [("interviewed", 12, {0, 1}), ("booked", 14, set()), ("applied", 23, {0, 1})]
    start = (timezone.now() + timedelta(days=5)).replace(minute=0, second=0, microsecond=0)
    for stage, count, without_email in plan:
        for n in range(count):
            name = f"{stage.title()} {n:02d}"
            person = Person.objects.create(
                workspace=team["workspace"],
                name=name,
                email="" if n in without_email else f"{stage}{n}@example.se",
                phone=f"+46 70 000 {n:02d} 00",
                language="en" if n % 2 else "sv",
            )
            application = Application.objects.create(
                position=team["position"], person=person, stage=stage
            )
            made[stage].append(application)
            if stage == "booked":
                at = start + timedelta(hours=2 * n)
                schedule_interview(
                    workspace=team["workspace"],
                    counterpart=person,
                    start=at,
                    end=at + timedelta(hours=1),
                    timezone="Europe/Stockholm",
                    interviewers=[team["recruiter"]],
                    actor=team["recruiter"],
                    position=team["position"],
                    application=application,
                )
                Application.objects.filter(pk=application.pk).update(stage="booked")
    return made


def _log_call(page: Any, name: str, outcome: str) -> None:
    calls = page.get_by_role("region", name="Call list")
    row = calls.get_by_role("listitem").filter(has_text=name)
    row.get_by_label(outcome).check()
    row.get_by_role("button", name="Log the call").click()
    page.wait_for_load_state()


def test_filling_a_position_of_50_tells_everyone_then_closes(team, new_page, shot) -> None:
    made = _people(team)
    position = team["position"]
    assert position.applications.count() == 50
    future = list(Interview.objects.filter(position=position, start__gt=timezone.now()))
    assert len(future) == 14
    hired = made["interviewed"][5]

    page = new_page(locale="en-GB")
    sign_in(page, "recruiter")
    page.goto(reverse("employer_position", args=[team["workspace"].pk, position.pk]))
    shot(page, "position")
    page.get_by_role("link", name="The position is filled").click()
    who = page.get_by_role("heading", name="Who hears what").locator("..")
    assert "12 interviewed" in who.inner_text()
    assert "14 with an interview booked" in who.inner_text()
    assert "24 who applied" in who.inner_text()
    page.get_by_label("Who got the job?").select_option(label=hired.person.name)
    shot(page, "fill")
    page.get_by_role("button", name="Tell every candidate").click()

    # The task is queued, not yet run: the recruiter sees the progress from nought.
    status = page.get_by_role("status")
    assert "0 of 49 told." in status.inner_text()
    assert "Sending" in status.inner_text()
    shot(page, "progress-queued")
    assert DBTaskResult.objects.filter(status="READY").count() >= 1

    # The worker runs the enqueued task for real.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.filter(
        task_path__endswith="inform_candidates", status="SUCCESSFUL"
    ).exists()
    page.reload()
    # 49 remain (one is hired); the four without an e-mail address wait for a call.
    assert "45 of 49 told." in page.get_by_role("status").inner_text()
    shot(page, "progress-sent")

    # The call list: the interviewed first, then those the e-mail cannot reach.
    calls = page.get_by_role("region", name="Call list")
    names = [
        re.sub(r"\s+", " ", item.locator("strong").inner_text())
        for item in calls.get_by_role("listitem").all()
    ]
    interviewed = sorted(a.person.name for a in made["interviewed"] if a != hired)
    assert names == [*interviewed, "Applied 00", "Applied 01"]
    shot(page, "call-list")

    # Closing is refused while someone is not told, and the page says who.
    close = page.get_by_role("button", name="Close the position")
    assert close.is_disabled()
    not_told = page.get_by_role("region", name="Close the position")
    for name in ("Interviewed 00", "Interviewed 01", "Applied 00", "Applied 01"):
        assert name in not_told.inner_text()
    assert 'data-rule="position_filled.uninformed"' in page.content()
    # Even a forced press (the button enabled by hand) is refused by the server.
    close.evaluate("button => { button.disabled = false; }")
    close.click()
    assert "Not closed yet: 4 candidates have not been told." in page.content()
    assert Position.objects.get(pk=position.pk).status == Position.Status.FILLED
    shot(page, "close-refused")

    # The calls: one is not answered (they stay on the list), the rest are told.
    _log_call(page, "Interviewed 02", "No answer")
    assert "Interviewed 02" in page.get_by_role("region", name="Call list").inner_text()
    _log_call(page, "Interviewed 02", "Left a message")
    for name in interviewed:
        if name != "Interviewed 02":
            _log_call(page, name, "Reached them")
    shot(page, "interviewed-called")
    _log_call(page, "Applied 00", "Reached them")
    _log_call(page, "Applied 01", "Left a message")
    assert page.get_by_role("region", name="Call list").count() == 0
    assert "49 of 49 told." in page.get_by_role("status").inner_text()
    shot(page, "everyone-told")

    page.get_by_role("button", name="Close the position").click()
    assert "The position is closed. Everyone has been told." in page.content()
    shot(page, "closed")

    # Every open application was told; the hired one got nothing.
    position.refresh_from_db()
    assert position.status == Position.Status.CLOSED
    remaining = position.applications.filter(stage__in=OPEN_STAGES)
    assert remaining.count() == 49
    assert not remaining.filter(informed_at__isnull=True).exists()
    assert remaining.filter(informed_channel="phone").count() == 11 + 2
    assert not Message.objects.filter(recipient_email=hired.person.email).exists()
    # Every future interview is cancelled, each with its CANCEL invitation queued once.
    for interview in future:
        interview.refresh_from_db()
        assert interview.status == Interview.Status.CANCELLED
        assert not interview.bookings.filter(active=True).exists()
        cancel = Message.objects.get(interview=interview)
        assert cancel.ical_method == "CANCEL"
        assert "METHOD:CANCEL" in cancel.ical and f"SEQUENCE:{interview.sequence}" in cancel.ical
    # One message to each candidate with an e-mail address, none twice.
    sent = Counter(Message.objects.values_list("recipient_email", flat=True))
    assert len(sent) == 45 and set(sent.values()) == {1}
    assert Message.objects.filter(kind="position_filled").count() == 45
