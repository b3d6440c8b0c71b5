from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from takt.scheduling import Attendee, Interval, WorkingHours, find_slots, suggest_alternatives

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NEW_YORK = ZoneInfo("America/New_York")
EVERY_DAY = frozenset(range(7))
HOUR = timedelta(hours=1)


def sthlm(month: int, day: int, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=STOCKHOLM, fold=fold)


def person(zone: str = "Europe/Stockholm", busy: list[Interval] | None = None, **hours: object):
    return Attendee(WorkingHours(zone, **hours), busy or [])  # type: ignore[arg-type]


def search(attendees: list[Attendee], start: datetime, days: int = 7, **options: object):
    settings: dict[str, object] = {
        "window_start": start,
        "window_end": start + timedelta(days=days),
        "duration": HOUR,
        "now": start - timedelta(days=2),
    }
    settings.update(options)
    return find_slots(attendees, **settings)  # type: ignore[arg-type]


def local_starts(slots: list[Interval], tz: ZoneInfo = STOCKHOLM) -> list[str]:
    return [slot.start.astimezone(tz).strftime("%a %d %b %H:%M") for slot in slots]


def test_empty_calendars_give_the_opening_hours_first() -> None:
    slots = search([person()], sthlm(5, 11, 0), count=3)
    assert local_starts(slots) == ["Mon 11 May 09:00", "Mon 11 May 09:15", "Mon 11 May 09:30"]
    assert all(slot.end - slot.start == HOUR for slot in slots)


def test_slots_avoid_the_busy_time_of_every_attendee() -> None:
    anna = person(busy=[Interval(sthlm(5, 11, 9), sthlm(5, 11, 10, 30))])
    erik = person(
        busy=[
            Interval(sthlm(5, 11, 12), sthlm(5, 11, 13)),  # out of order on purpose
            Interval(sthlm(5, 11, 10, 45), sthlm(5, 11, 11, 45)),
            Interval(sthlm(5, 11, 11), sthlm(5, 11, 11, 30)),
        ]
    )
    slots = search([anna, erik], sthlm(5, 11, 0), count=2)
    assert local_starts(slots) == ["Mon 11 May 13:00", "Mon 11 May 13:15"]


def test_a_meeting_that_ends_as_the_slot_starts_is_no_conflict() -> None:
    anna = person(busy=[Interval(sthlm(5, 11, 9), sthlm(5, 11, 10))])
    assert local_starts(search([anna], sthlm(5, 11, 0), count=1)) == ["Mon 11 May 10:00"]


def test_busy_time_that_starts_before_the_window_still_blocks_it() -> None:
    anna = person(busy=[Interval(sthlm(5, 8, 9), sthlm(5, 11, 14))])
    assert local_starts(search([anna], sthlm(5, 11, 0), count=1)) == ["Mon 11 May 14:00"]


def test_working_hours_of_stockholm_and_new_york_overlap_as_their_clocks_change() -> None:
    # New York moves its clocks on 8 March, Stockholm on 29 March: for three
    # weeks the two are five hours apart instead of six.
    both = [person(), person("America/New_York")]
    assert local_starts(search(both, sthlm(3, 2, 0), days=1, count=1)) == ["Mon 02 Mar 15:00"]
    assert local_starts(search(both, sthlm(3, 16, 0), days=1, count=1)) == ["Mon 16 Mar 14:00"]
    assert local_starts(search(both, sthlm(3, 30, 0), days=1, count=1)) == ["Mon 30 Mar 15:00"]
    # Europe moves back on 25 October, New York on 1 November.
    assert local_starts(search(both, sthlm(10, 26, 0), days=1, count=1)) == ["Mon 26 Oct 14:00"]
    assert local_starts(search(both, sthlm(11, 2, 0), days=1, count=1)) == ["Mon 02 Nov 15:00"]
    # And the last slot of the day ends when Stockholm goes home at 17:00.
    last = search(both, sthlm(3, 16, 0), days=1, count=20)[-1]
    assert last.end == sthlm(3, 16, 17)


def test_the_day_zone_sets_the_step_grid_and_new_york_times_come_out_right() -> None:
    both = [person("America/New_York"), person()]
    slots = search(both, sthlm(3, 16, 0), days=1, count=1)
    assert local_starts(slots, NEW_YORK) == ["Mon 16 Mar 09:00"]


def test_notice_is_elapsed_time_across_the_spring_change() -> None:
    # 24 hours after Saturday 09:30 (UTC+1) is Sunday 10:30 (UTC+2), not 09:30.
    anyday = person(weekdays=EVERY_DAY)
    now = sthlm(3, 28, 9, 30)
    slots = search([anyday], now, now=now, count=1)
    assert local_starts(slots) == ["Sun 29 Mar 10:30"]
    assert slots[0].start - now.astimezone(UTC) == timedelta(hours=24)


def test_a_shorter_notice_moves_the_first_slot_forward() -> None:
    now = sthlm(5, 11, 9, 5)
    slots = search([person()], now, now=now, min_notice=timedelta(hours=2), count=1)
    assert local_starts(slots) == ["Mon 11 May 11:15"]


def test_a_buffer_keeps_time_free_before_and_after_each_slot() -> None:
    anna = person(busy=[Interval(sthlm(5, 11, 10), sthlm(5, 11, 11))])
    plain = search([anna], sthlm(5, 11, 0), count=4)
    buffered = search([anna], sthlm(5, 11, 0), count=4, buffer=timedelta(minutes=15))
    assert local_starts(plain) == [
        "Mon 11 May 09:00",
        "Mon 11 May 11:00",
        "Mon 11 May 11:15",
        "Mon 11 May 11:30",
    ]
    assert local_starts(buffered) == [
        "Mon 11 May 11:15",
        "Mon 11 May 11:30",
        "Mon 11 May 11:45",
        "Mon 11 May 12:00",
    ]


def test_a_buffer_applies_between_two_meetings_too() -> None:
    anna = person(
        busy=[
            Interval(sthlm(5, 11, 9), sthlm(5, 11, 10)),
            Interval(sthlm(5, 11, 12), sthlm(5, 11, 17)),
        ]
    )
    slots = search([anna], sthlm(5, 11, 0), count=3, buffer=timedelta(minutes=15))
    assert local_starts(slots) == ["Mon 11 May 10:15", "Mon 11 May 10:30", "Mon 11 May 10:45"]


def test_a_gap_exactly_as_long_as_the_meeting_fits() -> None:
    anna = person(
        busy=[
            Interval(sthlm(5, 11, 9), sthlm(5, 11, 10)),
            Interval(sthlm(5, 11, 11), sthlm(5, 11, 17)),
        ]
    )
    assert local_starts(search([anna], sthlm(5, 11, 0), count=1)) == ["Mon 11 May 10:00"]


def test_slots_start_on_the_step_grid_after_ragged_meetings() -> None:
    anna = person(busy=[Interval(sthlm(5, 11, 9), sthlm(5, 11, 10, 7))])
    assert local_starts(search([anna], sthlm(5, 11, 0), count=1)) == ["Mon 11 May 10:15"]
    half_hours = search([anna], sthlm(5, 11, 0), count=1, step=timedelta(minutes=30))
    assert local_starts(half_hours) == ["Mon 11 May 10:30"]


def test_the_grid_follows_local_time_in_a_half_hour_zone() -> None:
    # India is UTC+5:30: an hourly grid in local time falls on the half hour in UTC.
    kolkata = ZoneInfo("Asia/Kolkata")
    start = datetime(2026, 5, 11, 0, tzinfo=kolkata)
    slots = search([person("Asia/Kolkata")], start, count=2, step=HOUR)
    assert local_starts(slots, kolkata) == ["Mon 11 May 09:00", "Mon 11 May 10:00"]
    assert slots[0].start.minute == 30


def test_slots_come_earliest_first_and_stop_at_count() -> None:
    slots = search([person()], sthlm(5, 11, 0), count=40)
    assert len(slots) == 40
    assert [s.start for s in slots] == sorted(s.start for s in slots)
    assert search([person()], sthlm(5, 11, 0), count=0) == []


def test_spread_days_offers_the_earliest_time_of_each_day() -> None:
    anna = person(
        busy=[
            Interval(sthlm(5, 12, 9), sthlm(5, 12, 13)),
            Interval(sthlm(5, 14, 8), sthlm(5, 14, 18)),
        ]
    )
    slots = search([anna], sthlm(5, 11, 0), count=4, spread_days=True)
    assert local_starts(slots) == [
        "Mon 11 May 09:00",
        "Tue 12 May 13:00",
        "Wed 13 May 09:00",
        "Fri 15 May 09:00",
    ]


def test_spread_days_counts_days_in_the_day_zone() -> None:
    # A New Yorker working 09:00-18:30 is at work 15:00-00:30 Stockholm time.
    # Busy until 17:30 New York on Monday, the one free hour starts 23:30
    # Stockholm: still Monday there, so Tuesday may have its own slot.
    monday_ny = datetime(2026, 5, 11, 9, tzinfo=NEW_YORK)
    new_yorker = person(
        "America/New_York",
        end=time(18, 30),
        busy=[Interval(monday_ny, monday_ny + timedelta(hours=8, minutes=30))],
    )
    slots = search(
        [new_yorker],
        sthlm(5, 11, 0),
        days=3,
        count=5,
        spread_days=True,
        day_zone="Europe/Stockholm",
    )
    assert local_starts(slots) == ["Mon 11 May 23:30", "Tue 12 May 15:00", "Wed 13 May 15:00"]
    assert slots[0].end == sthlm(5, 12, 0, 30)


def test_the_step_grid_follows_the_day_zone() -> None:
    new_yorker = person("America/New_York")
    steps = timedelta(minutes=45)
    in_new_york = search([new_yorker], sthlm(5, 11, 0), days=1, count=2, step=steps)
    in_stockholm = search(
        [new_yorker], sthlm(5, 11, 0), days=1, count=2, step=steps, day_zone="Europe/Stockholm"
    )
    assert local_starts(in_new_york, NEW_YORK) == ["Mon 11 May 09:00", "Mon 11 May 09:45"]
    # 45-minute steps from Stockholm midnight: 15:00, 15:45 (09:00, 09:45 in New York).
    assert local_starts(in_stockholm) == ["Mon 11 May 15:00", "Mon 11 May 15:45"]


def test_working_hours_keep_to_the_wall_clock_on_both_dst_sundays() -> None:
    anyday = person(weekdays=EVERY_DAY)
    spring = search([anyday], sthlm(3, 29, 0), days=1, count=1)
    autumn = search([anyday], sthlm(10, 25, 0), days=1, count=1)
    assert spring[0].start == datetime(2026, 3, 29, 7, tzinfo=UTC)  # 09:00 CEST
    assert autumn[0].start == datetime(2026, 10, 25, 8, tzinfo=UTC)  # 09:00 CET
    assert local_starts(spring + autumn) == ["Sun 29 Mar 09:00", "Sun 25 Oct 09:00"]


def test_the_spring_night_has_no_two_oclock_and_the_autumn_night_has_two() -> None:
    night = person(weekdays=EVERY_DAY, start=time(0), end=time(6))
    options = {"duration": timedelta(minutes=30), "step": HOUR, "count": 10}
    spring = search([night], sthlm(3, 29, 0), days=1, **options)
    autumn = search([night], sthlm(10, 25, 0), days=1, **options)
    assert local_starts(spring) == [f"Sun 29 Mar {h:02}:00" for h in (0, 1, 3, 4, 5)]
    assert [s.start.astimezone(STOCKHOLM) for s in autumn] == [
        sthlm(10, 25, 0),
        sthlm(10, 25, 1),
        sthlm(10, 25, 2, fold=0),
        sthlm(10, 25, 2, fold=1),
        sthlm(10, 25, 3),
        sthlm(10, 25, 4),
        sthlm(10, 25, 5),
    ]
    assert all(s.end - s.start == timedelta(minutes=30) for s in spring + autumn)


def test_a_45_minute_grid_restarts_from_the_wall_clock_after_the_spring_change() -> None:
    # 00:00, 00:45, 01:30, (02:15 does not exist), 03:00, 03:45 ... on the wall clock.
    night = person(weekdays=EVERY_DAY, start=time(0), end=time(6))
    options = {"duration": timedelta(minutes=30), "step": timedelta(minutes=45), "count": 10}
    spring = search([night], sthlm(3, 29, 0), days=1, **options)  # type: ignore[arg-type]
    assert local_starts(spring) == [
        f"Sun 29 Mar {wall}"
        for wall in ("00:00", "00:45", "01:30", "03:00", "03:45", "04:30", "05:15")
    ]


def test_no_free_time_gives_an_empty_list() -> None:
    swamped = person(busy=[Interval(sthlm(5, 11, 0), sthlm(5, 19, 0))])
    assert search([swamped], sthlm(5, 11, 0)) == []
    # Stockholm and Tokyo working days never meet in winter (eight hours apart).
    apart = [person(), person("Asia/Tokyo")]
    assert search(apart, sthlm(1, 12, 0)) == []
    # A window shorter than the meeting.
    assert search([person()], sthlm(5, 11, 9), days=0) == []


def test_it_refuses_bad_requests() -> None:
    with pytest.raises(ValueError):
        search([], sthlm(5, 11, 0))
    with pytest.raises(ValueError):
        search([person()], sthlm(5, 11, 0), duration=timedelta(0))
    with pytest.raises(ValueError):
        search([person()], sthlm(5, 11, 0), now=datetime(2026, 5, 1))  # noqa: DTZ001


def test_suggest_alternatives_offers_free_times_on_separate_days() -> None:
    now = sthlm(5, 8, 16)  # a Friday afternoon
    seeker = person(busy=[Interval(sthlm(5, 11, 9), sthlm(5, 11, 12))])
    alternatives = suggest_alternatives(seeker, now=now, duration=HOUR)
    assert local_starts(alternatives) == [
        "Mon 11 May 12:00",
        "Tue 12 May 09:00",
        "Wed 13 May 09:00",
    ]
