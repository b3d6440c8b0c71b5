"""busy_for, free_times and check_schedule: calendars and bookings as one busy time."""

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from takt.calendars.services import add_source, busy_for, check_schedule, free_times
from takt.core.schedule import schedule_interview
from tests.calendars.conftest import NOW, calendar, event, utc

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def connect(team, user, *events: str, name: str = "Arbete"):
    source, _ = add_source(
        workspace=team["workspace"],
        owner=user,
        kind="ics_file",
        name=name,
        ics_data=calendar(*events),
        now=NOW,
    )
    return source


def book(team, users, start: datetime, hours: float = 1):
    return schedule_interview(
        workspace=team["workspace"],
        counterpart=team["candidate"],
        start=start,
        end=start + timedelta(hours=hours),
        timezone="Europe/Stockholm",
        interviewers=users,
        actor=users[0],
        position=team["position"],
    )


def overlaps(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_busy_for_merges_every_calendar_and_the_bookings(team) -> None:
    recruiter, colleague = team["recruiter"], team["colleague"]
    connect(team, recruiter, event("a@t", utc(2026, 3, 3, 8)), name="Arbete")
    connect(team, recruiter, event("b@t", utc(2026, 3, 3, 8, 30)), name="Privat")
    book(team, [recruiter], utc(2026, 3, 4, 10))

    busy = busy_for([recruiter, colleague], utc(2026, 3, 2), utc(2026, 3, 9))

    assert busy[recruiter.pk] == [
        (utc(2026, 3, 3, 8), utc(2026, 3, 3, 9, 30)),  # two calendars, one block
        (utc(2026, 3, 4, 10), utc(2026, 3, 4, 11)),  # the booking
    ]
    assert busy[colleague.pk] is None  # no calendar connected


def test_busy_for_tells_an_empty_calendar_from_none(team) -> None:
    recruiter, colleague = team["recruiter"], team["colleague"]
    connect(team, recruiter)
    book(team, [colleague], utc(2026, 3, 4, 10))

    busy = busy_for([recruiter, colleague], utc(2026, 3, 2), utc(2026, 3, 9))

    assert busy == {recruiter.pk: [], colleague.pk: None}


def test_busy_for_keeps_to_the_window_and_can_leave_out_the_interview_being_moved(team) -> None:
    recruiter = team["recruiter"]
    connect(team, recruiter, event("a@t", utc(2026, 3, 3, 8)), event("b@t", utc(2026, 3, 20, 8)))
    moving = book(team, [recruiter], utc(2026, 3, 4, 10))

    busy = busy_for([recruiter], utc(2026, 3, 2), utc(2026, 3, 9), exclude=moving)

    assert busy[recruiter.pk] == [(utc(2026, 3, 3, 8), utc(2026, 3, 3, 9))]


def test_free_times_avoid_calendars_and_bookings_and_spread_over_days(team) -> None:
    recruiter, colleague = team["recruiter"], team["colleague"]
    now = utc(2026, 3, 2, 7)  # Monday 08.00 in Stockholm
    # Tuesday is taken in the recruiter's calendar until 15.00 local, Wednesday
    # morning by the colleague's other interview.
    connect(team, recruiter, event("tue@t", utc(2026, 3, 3, 8), hours=6))
    book(team, [colleague], utc(2026, 3, 4, 8), hours=3)

    slots = free_times([recruiter, colleague], duration=timedelta(hours=1), now=now)

    assert slots[:2] == [
        (utc(2026, 3, 3, 14), utc(2026, 3, 3, 15)),  # Tuesday 15.00
        (utc(2026, 3, 4, 11), utc(2026, 3, 4, 12)),  # Wednesday 12.00
    ]
    assert len(slots) == 6
    days = [start.astimezone(STOCKHOLM).date() for start, _ in slots]
    assert len(set(days)) == len(days)
    for start, end in slots:
        local_start, local_end = start.astimezone(STOCKHOLM), end.astimezone(STOCKHOLM)
        assert local_start.weekday() < 5
        assert time(9) <= local_start.time() and local_end.time() <= time(17)
        assert start - now >= timedelta(hours=24)


def test_free_times_respect_the_notice(team) -> None:
    now = utc(2026, 3, 2, 12)  # Monday 13.00
    slots = free_times(
        [team["recruiter"]], duration=timedelta(hours=1), now=now, min_notice=timedelta(hours=48)
    )
    assert slots[0] == (utc(2026, 3, 4, 12), utc(2026, 3, 4, 13))  # Wednesday 13.00

    slots = free_times([team["recruiter"]], duration=timedelta(hours=1), now=now)
    assert slots[0] == (utc(2026, 3, 3, 12), utc(2026, 3, 3, 13))  # Tuesday 13.00


def test_free_times_without_spreading_fill_a_day(team) -> None:
    slots = free_times(
        [team["recruiter"]],
        duration=timedelta(hours=1),
        now=utc(2026, 3, 2, 7),
        spread_days=False,
        count=3,
    )
    assert [start for start, _ in slots] == [
        utc(2026, 3, 3, 8),
        utc(2026, 3, 3, 8, 15),
        utc(2026, 3, 3, 8, 30),
    ]


@pytest.mark.parametrize("seed", range(5))
def test_free_times_never_collide_with_a_busy_time_or_a_booking(team, seed) -> None:
    recruiter, colleague = team["recruiter"], team["colleague"]
    rng = random.Random(seed)
    now = utc(2026, 3, 2, 7)
    busy_events = []
    for number in range(60):
        start = now + timedelta(minutes=15 * rng.randrange(0, 4 * 24 * 20))
        busy_events.append(event(f"e{number}@t", start, hours=rng.choice([0.5, 1, 2, 3])))
    connect(team, recruiter, *busy_events)
    booked = []
    for number in range(8):
        start = now + timedelta(days=number * 2 + 1, hours=rng.randrange(0, 10))
        if not any(overlaps((start, start + timedelta(hours=2)), b) for b in booked):
            book(team, [colleague], start, hours=2)
            booked.append((start, start + timedelta(hours=2)))

    slots = free_times(
        [recruiter, colleague], duration=timedelta(minutes=45), now=now, count=12, spread_days=False
    )

    everything = busy_for([recruiter, colleague], now, now + timedelta(days=21))
    taken = (everything[recruiter.pk] or []) + booked
    assert slots, "some time is free in three weeks"
    for slot in slots:
        assert not any(overlaps(slot, block) for block in taken), slot


def test_check_schedule_names_the_collision(team) -> None:
    recruiter, colleague = team["recruiter"], team["colleague"]
    connect(team, recruiter, event("a@t", utc(2026, 3, 3, 8), summary="Tandläkare"))

    findings = check_schedule(
        [recruiter, colleague],
        utc(2026, 3, 3, 8, 30),
        utc(2026, 3, 3, 9, 30),
        now=NOW,
        timezone="Europe/Stockholm",
        lang="sv",
    )

    assert [f.rule for f in findings] == ["schedule.conflict"]
    conflict = findings[0]
    assert conflict.severity == "block"
    assert conflict.person_id == recruiter.pk and conflict.person == "Anna Berg"
    # The busy block, written as Swedish running text writes a time: "kl. 9.00–10.00".
    assert "kl. 9.00–10.00" in conflict.message


def test_check_schedule_in_english_and_with_a_booking(team) -> None:
    recruiter = team["recruiter"]
    connect(team, recruiter)
    book(team, [recruiter], utc(2026, 3, 5, 13))

    findings = check_schedule(
        [recruiter],
        utc(2026, 3, 5, 13, 30),
        utc(2026, 3, 5, 14, 30),
        now=NOW,
        timezone="Europe/Stockholm",
        lang="en",
    )

    assert [f.rule for f in findings] == ["schedule.conflict"]
    assert "clashes" in findings[0].message and "14:00" in findings[0].message


def test_check_schedule_is_quiet_for_a_free_time(team) -> None:
    connect(team, team["recruiter"], event("a@t", utc(2026, 3, 3, 8)))

    findings = check_schedule(
        [team["recruiter"]],
        utc(2026, 3, 3, 9),  # touches the end: no clash
        utc(2026, 3, 3, 10),
        now=NOW,
        timezone="Europe/Stockholm",
        lang="sv",
    )

    assert findings == []


def test_check_schedule_without_a_calendar_is_unchecked(team) -> None:
    findings = check_schedule(
        [team["recruiter"], team["colleague"]],
        utc(2026, 3, 3, 8),
        utc(2026, 3, 3, 9),
        now=NOW,
        timezone="Europe/Stockholm",
        lang="en",
    )

    assert [(f.rule, f.severity) for f in findings] == [("schedule.unchecked", "advice")]
    assert "No calendar is connected" in findings[0].message


def test_a_calendar_read_too_long_ago_cannot_call_a_far_time_free(team) -> None:
    recruiter = team["recruiter"]
    connect(team, recruiter)  # read at NOW, so it covers 120 days ahead
    far = NOW + timedelta(days=150)

    assert busy_for([recruiter], far, far + timedelta(hours=1)) == {recruiter.pk: None}
    findings = check_schedule(
        [recruiter], far, far + timedelta(hours=1), now=NOW, timezone="Europe/Stockholm", lang="en"
    )
    assert [f.rule for f in findings] == ["schedule.unchecked"]
    assert busy_for([recruiter], NOW, NOW + timedelta(days=100)) == {recruiter.pk: []}


def test_the_interviews_own_invitation_in_a_calendar_does_not_count_against_moving_it(
    team,
) -> None:
    recruiter = team["recruiter"]
    interview = book(team, [recruiter], utc(2026, 3, 4, 10))
    # Takt's invitation, accepted into the recruiter's calendar, carries the interview's UID.
    connect(
        team,
        recruiter,
        event(interview.uid, utc(2026, 3, 4, 10), summary="Intervju"),
        event("lunch@t", utc(2026, 3, 5, 11)),
    )
    window = (utc(2026, 3, 2), utc(2026, 3, 9))

    assert busy_for([recruiter], *window)[recruiter.pk] == [
        (utc(2026, 3, 4, 10), utc(2026, 3, 4, 11)),
        (utc(2026, 3, 5, 11), utc(2026, 3, 5, 12)),
    ]
    assert busy_for([recruiter], *window, exclude=interview)[recruiter.pk] == [
        (utc(2026, 3, 5, 11), utc(2026, 3, 5, 12)),
    ]
    slot = (utc(2026, 3, 4, 10), utc(2026, 3, 4, 11))
    kept = check_schedule([recruiter], *slot, now=NOW, timezone="Europe/Stockholm", lang="en")
    assert "schedule.conflict" in [finding.rule for finding in kept]
    moved = check_schedule(
        [recruiter], *slot, now=NOW, timezone="Europe/Stockholm", lang="en", exclude=interview
    )
    assert "schedule.conflict" not in [finding.rule for finding in moved]
