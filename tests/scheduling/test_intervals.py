from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from takt.scheduling import Interval, first_conflict, merge, overlaps

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, 11, hour, minute, tzinfo=STOCKHOLM)


def test_touching_end_to_start_is_no_overlap() -> None:
    assert not overlaps(Interval(at(9), at(10)), Interval(at(10), at(11)))
    assert not overlaps(Interval(at(10), at(11)), Interval(at(9), at(10)))


def test_it_sees_an_overlap_from_either_side() -> None:
    assert overlaps(Interval(at(9), at(10, 1)), Interval(at(10), at(11)))
    assert overlaps(Interval(at(10), at(11)), Interval(at(9), at(10, 1)))
    assert overlaps(Interval(at(9), at(12)), Interval(at(10), at(11)))


def test_it_refuses_naive_times_and_backwards_intervals() -> None:
    with pytest.raises(ValueError):
        Interval(datetime(2026, 5, 11, 9), datetime(2026, 5, 11, 10))  # noqa: DTZ001
    with pytest.raises(ValueError):
        Interval(at(10), at(9))


def test_it_keeps_instants_in_utc_and_compares_by_instant() -> None:
    interval = Interval(at(9), at(10))
    assert interval.start.tzinfo is UTC
    assert interval.start == at(9)
    assert interval == Interval(at(9).astimezone(UTC), at(10).astimezone(UTC))
    assert interval.duration == timedelta(hours=1)


def test_it_orders_the_repeated_autumn_hour_by_real_time() -> None:
    # 02:30 happens twice in Stockholm on 25 October 2026; comparing
    # within one zone would call the two equal.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=1)
    half_hour = timedelta(minutes=30)  # added in UTC: zoned arithmetic is wall-clock arithmetic
    assert not overlaps(
        Interval(first, first.astimezone(UTC) + half_hour),
        Interval(second, second.astimezone(UTC) + half_hour),
    )
    assert merge(
        [Interval(second, second.astimezone(UTC) + half_hour), Interval(first, second)]
    ) == [Interval(first, second.astimezone(UTC) + half_hour)]
    assert Interval(first, second).duration == timedelta(hours=1)


def test_merge_sorts_and_coalesces_overlapping_and_touching_times() -> None:
    merged = merge(
        [
            Interval(at(14), at(15)),
            Interval(at(9), at(10)),
            Interval(at(10), at(11)),
            Interval(at(10, 30), at(10, 45)),
            Interval(at(12), at(13)),
            Interval(at(12, 30), at(13, 30)),
        ]
    )
    assert merged == [
        Interval(at(9), at(11)),
        Interval(at(12), at(13, 30)),
        Interval(at(14), at(15)),
    ]


def test_merge_of_nothing_is_nothing() -> None:
    assert merge([]) == []


def test_first_conflict_finds_the_earliest_overlap() -> None:
    busy = merge([Interval(at(9), at(10)), Interval(at(11), at(12)), Interval(at(13), at(14))])
    assert first_conflict(Interval(at(9, 30), at(13, 30)), busy) == Interval(at(9), at(10))
    assert first_conflict(Interval(at(11, 30), at(13, 30)), busy) == Interval(at(11), at(12))
    assert first_conflict(Interval(at(10), at(11)), busy) is None
    assert first_conflict(Interval(at(15), at(16)), busy) is None
    assert first_conflict(Interval(at(8), at(9)), busy) is None
    assert first_conflict(Interval(at(9), at(10)), []) is None


BASE = datetime(2026, 5, 11, 8, tzinfo=UTC)
intervals = st.builds(
    lambda start, length: Interval(
        BASE + timedelta(minutes=start), BASE + timedelta(minutes=start + length)
    ),
    st.integers(0, 600),
    st.integers(0, 120),
)


@given(st.lists(intervals, max_size=25))
def test_merge_covers_exactly_the_same_time(busy: list[Interval]) -> None:
    merged = merge(busy)
    for earlier, later in pairwise(merged):
        assert earlier.end < later.start  # sorted, apart, not even touching
    for interval in busy:
        assert any(m.start <= interval.start and interval.end <= m.end for m in merged)
    # Every minute inside a merged interval is inside some original one.
    for m in merged:
        minute = m.start
        while minute < m.end:
            probe = Interval(minute, minute + timedelta(minutes=1))
            assert any(b.start <= probe.start < b.end for b in busy)
            minute += timedelta(minutes=1)


@given(st.lists(intervals, max_size=25), intervals)
def test_first_conflict_agrees_with_checking_every_interval(
    busy: list[Interval], candidate: Interval
) -> None:
    merged = merge(busy)
    conflicts = [m for m in merged if overlaps(m, candidate)]
    assert first_conflict(candidate, merged) == (conflicts[0] if conflicts else None)
    assert (first_conflict(candidate, merged) is None) == (
        not any(overlaps(b, candidate) for b in busy)
    )
