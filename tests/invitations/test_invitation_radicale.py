"""What a calendar client does with Takt's invitations, against a real CalDAV server."""

from datetime import UTC, datetime, timedelta

from takt.outbox.invitation import build_invitation
from tests.caldav_client import apply_itip, open_calendar
from tests.invitations.helpers import STOCKHOLM, interview

MOVED_START = datetime(2026, 4, 2, 14, 0, tzinfo=STOCKHOLM)


def stored_events(calendar):
    return [item.icalendar_component for item in calendar.get_events()]


def test_a_moved_request_replaces_the_event_and_a_cancel_removes_it(radicale_server):
    calendar = open_calendar(radicale_server, "erik", "secret", "Intervjuer")

    booked = build_invitation(interview(sequence=0))
    assert apply_itip(calendar, booked) == "created"
    moved = build_invitation(
        interview(sequence=1, start=MOVED_START, end=MOVED_START + timedelta(hours=1))
    )
    assert apply_itip(calendar, moved) == "updated"

    (event,) = stored_events(calendar)
    assert event["UID"] == "interview-8f3k2@takt.example"
    assert event["SEQUENCE"] == 1
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2026, 4, 2, 12, 0, tzinfo=UTC)

    cancelled = build_invitation(interview(sequence=2, method="CANCEL"))
    assert apply_itip(calendar, cancelled) == "deleted"
    assert stored_events(calendar) == []


def test_a_late_request_with_a_lower_sequence_is_ignored(radicale_server):
    calendar = open_calendar(radicale_server, "erik", "secret", "Intervjuer")
    moved = build_invitation(
        interview(sequence=1, start=MOVED_START, end=MOVED_START + timedelta(hours=1))
    )
    apply_itip(calendar, moved)

    assert apply_itip(calendar, build_invitation(interview(sequence=0))) == "stale"
    (event,) = stored_events(calendar)
    assert event["SEQUENCE"] == 1
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2026, 4, 2, 12, 0, tzinfo=UTC)


def test_a_cancel_for_an_unknown_interview_changes_nothing(radicale_server):
    calendar = open_calendar(radicale_server, "erik", "secret", "Intervjuer")

    assert apply_itip(calendar, build_invitation(interview(method="CANCEL"))) == "absent"
    assert stored_events(calendar) == []


def test_the_stored_object_has_no_method(radicale_server):
    calendar = open_calendar(radicale_server, "erik", "secret", "Intervjuer")
    apply_itip(calendar, build_invitation(interview()))

    (item,) = calendar.get_events()
    assert "METHOD" not in item.icalendar_instance
