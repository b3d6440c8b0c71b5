"""The database keeps interviews valid and never double-books an interviewer."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction

from takt.core.booking import DoubleBooking
from takt.core.models import Booking, Interview
from takt.core.schedule import schedule_interview


def _book(team, start, minutes=60, interviewers=None):
    return schedule_interview(
        workspace=team["workspace"],
        counterpart=team["candidate"],
        start=start,
        end=start + timedelta(minutes=minutes),
        timezone="Europe/Stockholm",
        interviewers=interviewers or [team["recruiter"]],
        actor=team["recruiter"],
        position=team["position"],
    )


@pytest.mark.django_db
def test_an_interview_must_end_after_it_starts(team, soon) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.create(
            workspace=team["workspace"],
            counterpart=team["candidate"],
            start=soon(3),
            end=soon(3),
        )


@pytest.mark.django_db
def test_an_overlapping_interview_is_refused_and_leaves_nothing(team, soon) -> None:
    _book(team, soon(3, 9))
    with pytest.raises(DoubleBooking) as caught:
        _book(team, soon(3, 9) + timedelta(minutes=30))
    assert [b.user for b in caught.value.conflicts] == [team["recruiter"]]
    assert Interview.objects.count() == 1
    assert Booking.objects.count() == 1


@pytest.mark.django_db
def test_touching_end_to_start_is_no_overlap(team, soon) -> None:
    _book(team, soon(3, 9))
    _book(team, soon(3, 10))
    assert Booking.objects.filter(active=True).count() == 2


@pytest.mark.django_db
def test_a_cancelled_interview_frees_the_time(team, soon) -> None:
    first = _book(team, soon(3, 9))
    first.bookings.update(active=False)
    _book(team, soon(3, 9))
    assert Booking.objects.filter(active=True).count() == 1


@pytest.mark.django_db
def test_another_interviewer_may_hold_the_same_time(team, soon) -> None:
    _book(team, soon(3, 9), interviewers=[team["recruiter"]])
    _book(team, soon(3, 9), interviewers=[team["colleague"]])
    assert Booking.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="exclusion constraints are PostgreSQL's"
)
def test_postgresql_itself_refuses_an_overlapping_booking(team, soon) -> None:
    interview = _book(team, soon(3, 9))
    other = _book(team, soon(4, 9))
    with pytest.raises(IntegrityError, match="no_double_booking"), transaction.atomic():
        Booking.objects.filter(interview=other).update(
            start=interview.start + timedelta(minutes=15), end=interview.end
        )


@pytest.mark.db_concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_find_exactly_one_winner(team, soon) -> None:
    writers = 6
    barrier = threading.Barrier(writers)
    outcomes: list[str] = []
    lock = threading.Lock()
    start = soon(5, 9)

    def write(offset: int) -> None:
        try:
            barrier.wait()
            # Each overlaps all the others: 0, 5, 10 ... minutes after 09:00, 60 minutes long.
            _book(team, start + timedelta(minutes=5 * offset))
            result = "won"
        except DoubleBooking:
            result = "refused"
        except Exception as error:  # anything else is a failure of the guard
            result = f"error: {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["refused"] * (writers - 1) + ["won"]
    assert Booking.objects.filter(active=True, user=team["recruiter"]).count() == 1
    assert Interview.objects.count() == 1
