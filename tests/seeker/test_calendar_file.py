"""The employer's answer moves the interview; the .ics download carries it (same UID, SEQUENCE up).

A personal workspace sends no invitation: the person's own calendar learns the new
time only from this file, so the file must be an update of the old event, not a new one.
"""

from datetime import UTC, datetime

import icalendar
import pytest

from takt.core.models import Change
from takt.outbox.models import Message
from tests.seeker.conftest import reschedule_and_reach_them, step_url

pytestmark = pytest.mark.django_db


def _event(client, interview) -> tuple[icalendar.Calendar, icalendar.Event]:
    response = client.get(f"/w/{interview.workspace_id}/interviews/{interview.pk}/interview.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_the_calendar_file_after_the_answer_updates_the_same_event(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    reschedule_and_reach_them(
        client,
        interview,
        {
            "reason_category": "conflict",
            "reason_text": "Jag är kallad som vittne till en rättegång den dagen.",
            "other_plans_movable": "no",
        },
    )
    _calendar, before = _event(client, interview)
    assert before.decoded("DTSTART") == interview.start

    moved = client.post(
        step_url(interview, "after"),
        {"action": "new_time", "day": "2030-06-05", "start_time": "13:00"},
    )
    assert moved.status_code == 302

    calendar, after = _event(client, interview)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(after["UID"]) == str(before["UID"]) == interview.uid
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    start = after.decoded("DTSTART")
    assert start == datetime(2030, 6, 5, 11, 0, tzinfo=UTC)  # 13:00 in Stockholm, summer time
    assert str(after["DTSTART"].params.get("TZID")) == "Europe/Stockholm"
    assert after.decoded("DTEND") - start == interview.end - interview.start
    assert Change.objects.get(interview=interview).state == Change.State.AGREED
    # Nobody is invited from a personal workspace: the file is how the new time reaches them.
    assert not Message.objects.exists()
