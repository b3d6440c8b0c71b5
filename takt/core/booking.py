"""Holding interviewers' time, with double booking refused by the database itself.

PostgreSQL has an exclusion constraint over (user, time range) for active
bookings, so two concurrent writers cannot both win. SQLite has no such
constraint; there every transaction is IMMEDIATE (settings), so the check
below runs while this connection alone holds the write lock.
"""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction

from takt.core.models import Booking, Interview


class DoubleBooking(Exception):
    """The time collides with another active interview of one of these people."""

    def __init__(self, conflicts: list[Booking]) -> None:
        super().__init__("double booking")
        self.conflicts = conflicts


def conflicts(
    users: Iterable[User], start: datetime, end: datetime, *, exclude: Interview | None
) -> list[Booking]:
    """Active bookings of these users overlapping [start, end); touching is free."""
    query = Booking.objects.filter(
        user__in=list(users), active=True, start__lt=end, end__gt=start
    ).select_related("interview", "user")
    if exclude is not None:
        query = query.exclude(interview=exclude)
    return list(query)


def hold(interview: Interview, users: Iterable[User]) -> None:
    """Book `users` for the interview's time, or raise DoubleBooking. Call inside a transaction."""
    users = list(users)
    clashes = conflicts(users, interview.start, interview.end, exclude=interview)
    if clashes:
        raise DoubleBooking(clashes)
    try:
        with transaction.atomic():
            for user in users:
                Booking.objects.update_or_create(
                    interview=interview,
                    user=user,
                    defaults={"start": interview.start, "end": interview.end, "active": True},
                )
    except IntegrityError as error:
        if connection.vendor == "postgresql" and "no_double_booking" in str(error):
            raise DoubleBooking(
                conflicts(users, interview.start, interview.end, exclude=interview)
            ) from error
        raise


def move(interview: Interview) -> None:
    """Follow the interview's new time, or raise DoubleBooking. Call inside a transaction."""
    users = [booking.user for booking in interview.bookings.select_related("user")]
    hold(interview, users)


def release(interview: Interview) -> None:
    """Free the time of everyone booked for the interview."""
    interview.bookings.update(active=False)
