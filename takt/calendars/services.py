"""Calendars as busy time: add, refresh and remove sources; ask who is busy, and when.

Reading a calendar happens outside any transaction (it may wait on the network
for seconds, and SQLite's IMMEDIATE transactions would hold the write lock all
that time). Only what was read is written, in one transaction: the source's
busy times replaced as a whole, or, when the read failed, only the error.
A broken calendar therefore never takes away busy times that were good.

Other flows use three functions:

- `busy_for(users, start, end)`: each user's busy times (calendars and Takt's own
  bookings), or None for a user with no calendar connected.
- `free_times(users, duration=..., now=...)`: times when all of them are free.
- `check_schedule(users, start, end, now=..., timezone=..., lang=...)`: Tip 2's
  findings (`schedule.conflict`, `schedule.unchecked`) for booking that time.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.tasks import task
from django.utils import timezone as django_timezone

from takt.calendars import ics
from takt.calendars.caldav_reader import read_caldav_busy
from takt.calendars.errors import CalendarError
from takt.calendars.models import EVENT_NOTES_KEPT, BusyTime, CalendarSource
from takt.core.models import Booking, Interview, Side, Workspace
from takt.core.rules import Finding
from takt.etiquette import check
from takt.scheduling import Attendee, Interval, Span, WorkingHours, find_slots, merge

# The busy times kept per source: a week back (for "what was I doing") and four
# months ahead, further than anyone books an interview.
WINDOW_BACK = timedelta(days=7)
WINDOW_AHEAD = timedelta(days=120)
# Adding or refreshing from a page waits at most this long for the network; the
# worker can afford to wait longer.
# A page waits this long for a calendar server, in all; a slower one is read by the
# worker instead, and the calendars page shows that it is being read.
PAGE_TIMEOUT = 4
WORKER_TIMEOUT = 30
DEFAULT_ZONE = "Europe/Stockholm"


@dataclass(frozen=True)
class Refreshed:
    """What a refresh did: how many busy times the source now has, or why it failed."""

    busy_count: int
    error: CalendarError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def read_source(
    source: CalendarSource,
    *,
    now: datetime,
    timeout: float = PAGE_TIMEOUT,
    limits: ics.Limits = ics.DEFAULT_LIMITS,
) -> list[ics.BusyTime]:
    """Every busy time of the source in the refresh window; CalendarError when it cannot."""
    start, end = now - WINDOW_BACK, now + WINDOW_AHEAD
    if source.kind == CalendarSource.Kind.CALDAV:
        return read_caldav_busy(
            source.url,
            source.username,
            source.password,
            window_start=start,
            window_end=end,
            owner_zone=source.timezone,
            limits=limits,
            timeout=max(1, int(timeout)),
        )
    if source.kind == CalendarSource.Kind.ICS_URL:
        data = ics.fetch_ics(source.url, timeout=timeout, max_bytes=limits.max_bytes)
    else:
        data = bytes(source.ics_data or b"")
    return ics.read_busy(
        data, window_start=start, window_end=end, owner_zone=source.timezone, limits=limits
    )


def add_source(
    *,
    workspace: Workspace,
    owner: User,
    kind: str,
    name: str = "",
    url: str = "",
    username: str = "",
    password: str = "",
    ics_data: bytes | None = None,
    zone: str = DEFAULT_ZONE,
    now: datetime | None = None,
    limits: ics.Limits = ics.DEFAULT_LIMITS,
) -> tuple[CalendarSource, int | None]:
    """Read the calendar, then save it with its busy times; CalendarError saves nothing.

    Every kind is read at once, URLs and CalDAV within PAGE_TIMEOUT, so the person
    adding it learns right away whether it works; a server slower than that is saved
    and read by the worker (the count is None), never holding the page longer.
    """
    moment = now or django_timezone.now()
    if ics_data is not None and len(ics_data) > limits.max_bytes:
        raise CalendarError("too_big", limit=limits.max_bytes)
    source = CalendarSource(
        workspace=workspace,
        owner=owner,
        kind=kind,
        name=name.strip(),
        url=url.strip(),
        username=username,
        password=password,
        ics_data=ics_data,
        timezone=zone,
    )
    try:
        found = read_source(source, now=moment, limits=limits, timeout=PAGE_TIMEOUT)
    except CalendarError as error:
        if error.code != "no_answer" or kind == CalendarSource.Kind.ICS_FILE:
            raise
        # A slow server: the worker reads it (with its longer deadline) instead of the page.
        with transaction.atomic():
            source.save()
            transaction.on_commit(lambda: read_later.enqueue(source.pk))
        return source, None
    with transaction.atomic():
        source.last_synced_at = moment
        source.last_tried_at = moment
        source.save()
        _store(source, found)
    return source, len(found)


@task(queue_name="calendars")
def read_later(source_id: int) -> bool:
    """The first read of a calendar whose server was too slow for the page."""
    source = CalendarSource.objects.filter(pk=source_id).first()
    if source is None:  # removed meanwhile
        return False
    return refresh_source(source, lang=settings.LANGUAGE_CODE, timeout=WORKER_TIMEOUT).ok


def refresh_source(
    source: CalendarSource,
    *,
    now: datetime | None = None,
    lang: str = "sv",
    timeout: float = PAGE_TIMEOUT,
    limits: ics.Limits = ics.DEFAULT_LIMITS,
) -> Refreshed:
    """Read the source again and replace its busy times, or keep them and record why not.

    `lang` is the language the stored `last_error` text is written in; pages
    show the error in the reader's own language through `source.error_message`.
    """
    moment = now or django_timezone.now()
    try:
        found = read_source(source, now=moment, timeout=timeout, limits=limits)
    except CalendarError as error:
        with transaction.atomic():
            still_there = CalendarSource.objects.filter(pk=source.pk).update(
                last_tried_at=moment,
                last_error=error.message(lang),
                error_code=error.code,
                error_detail=error.detail[:200],
                error_limit=error.limit,
            )
        if not still_there:
            return Refreshed(0, error)
        source.refresh_from_db()
        return Refreshed(source.busy.count(), error)
    with transaction.atomic():
        # Locked and read again: a source removed while we read stays removed.
        current = CalendarSource.objects.select_for_update().filter(pk=source.pk).first()
        if current is None:
            return Refreshed(0)
        current.last_synced_at = moment
        current.last_tried_at = moment
        current.last_error = ""
        current.error_code = ""
        current.error_detail = ""
        current.error_limit = None
        current.save()
        _store(current, found)
    source.refresh_from_db()
    return Refreshed(len(found))


def remove_source(source: CalendarSource) -> None:
    """Forget the calendar and every busy time read from it."""
    source.delete()


def _store(source: CalendarSource, found: Sequence[ics.BusyTime]) -> None:
    """Replace the source's busy times, and its notes on events left out or corrected."""
    notes: list[ics.EventNote] = getattr(found, "notes", [])
    skipped = [note for note in notes if note.skipped]
    corrected = [note for note in notes if not note.skipped]
    source.skipped_count = len(skipped)
    source.corrected_count = len(corrected)
    source.event_notes = [
        {"summary": (note.summary or "")[:300], "code": note.code, "skipped": note.skipped}
        for note in skipped[:EVENT_NOTES_KEPT] + corrected[:EVENT_NOTES_KEPT]
    ]
    source.save(update_fields=["skipped_count", "corrected_count", "event_notes"])
    source.busy.all().delete()
    BusyTime.objects.bulk_create(
        [
            BusyTime(
                source=source,
                start=b.start,
                end=b.end,
                summary=(b.summary or "")[:300],
                uid=(b.uid or "")[:300],
            )
            for b in found
        ],
        batch_size=1000,
    )


def busy_for(
    users: Iterable[AbstractBaseUser],
    window_start: datetime,
    window_end: datetime,
    *,
    exclude: Interview | None = None,
) -> dict[int, list[Span] | None]:
    """Each user's busy (start, end) pairs overlapping the window, merged and sorted.

    The pairs come from all the user's calendars plus their active bookings
    (other interviews; `exclude` leaves out the one being moved). A user with no
    calendar connected gets None, as the check contract wants `busy` left out
    then; an empty list means a connected calendar with nothing in it. A user
    whose calendar was last read too long ago to cover the window's end (see
    WINDOW_AHEAD) gets None too: what it does not cover, it cannot call free.
    """
    users = list(users)
    calendars = _calendar_busy(users, window_start, window_end, exclude)
    bookings = _booking_busy(users, window_start, window_end, exclude)
    stale = _not_covering(users, window_end)
    result: dict[int, list[Span] | None] = {}
    for user_id in _ids(users):
        if user_id not in calendars or user_id in stale:
            result[user_id] = None
            continue
        both = calendars[user_id] + bookings.get(user_id, [])
        result[user_id] = [(i.start, i.end) for i in merge(both)]
    return result


def has_calendar(user: AbstractBaseUser) -> bool:
    """Whether the user has connected any calendar."""
    return CalendarSource.objects.filter(owner_id=user.pk).exists()


def _ids(users: Iterable[AbstractBaseUser]) -> list[int]:
    return list(dict.fromkeys(int(user.pk) for user in users))


def _calendar_busy(
    users: Iterable[AbstractBaseUser],
    start: datetime,
    end: datetime,
    exclude: Interview | None = None,
) -> dict[int, list[Interval]]:
    ids = _ids(users)
    connected = CalendarSource.objects.filter(owner_id__in=ids).values_list("owner_id", flat=True)
    found: dict[int, list[Interval]] = {owner: [] for owner in connected}
    query = BusyTime.objects.filter(source__owner_id__in=ids, start__lt=end, end__gt=start)
    if exclude is not None:
        # The interview's own invitation in their calendar is the interview itself.
        query = query.exclude(uid=exclude.uid)
    rows = query.values_list("source__owner_id", "start", "end")
    for owner, busy_start, busy_end in rows:
        found[owner].append(Interval(busy_start, busy_end))
    return found


def _not_covering(users: Iterable[AbstractBaseUser], end: datetime) -> set[int]:
    """Users with a calendar last read too long ago to reach `end`."""
    stale = CalendarSource.objects.filter(
        owner_id__in=_ids(users), last_synced_at__lt=end - WINDOW_AHEAD
    )
    return set(stale.values_list("owner_id", flat=True))


def _booking_busy(
    users: Iterable[AbstractBaseUser], start: datetime, end: datetime, exclude: Interview | None
) -> dict[int, list[Interval]]:
    query = Booking.objects.filter(
        user_id__in=_ids(users), active=True, start__lt=end, end__gt=start
    )
    if exclude is not None:
        query = query.exclude(interview=exclude)
    found: dict[int, list[Interval]] = {}
    for user_id, busy_start, busy_end in query.values_list("user_id", "start", "end"):
        found.setdefault(user_id, []).append(Interval(busy_start, busy_end))
    return found


def free_times(
    users: Sequence[AbstractBaseUser],
    *,
    duration: timedelta,
    now: datetime,
    window_days: int = 21,
    count: int = 6,
    spread_days: bool = True,
    zone: str = DEFAULT_ZONE,
    min_notice: timedelta = timedelta(hours=24),
    exclude: Interview | None = None,
) -> list[Span]:
    """Up to `count` (start, end) times in the next `window_days` when every user is free.

    Working hours are 09-17 Monday to Friday in `zone` for everyone (Takt keeps
    no zone per user; pass the interview's zone). Busy means any calendar busy
    time or any active booking, calendar or not; `exclude` frees the interview
    being moved. Slots start `min_notice` after `now` at the earliest, on the
    quarter hour, and with `spread_days` at most one a day.
    """
    users = list(users)
    if not users:
        raise ValueError("free_times needs at least one user")
    window_end = now + timedelta(days=window_days)
    calendars = _calendar_busy(users, now, window_end, exclude)
    bookings = _booking_busy(users, now, window_end, exclude)
    hours = WorkingHours(zone)
    attendees = [
        Attendee(
            hours=hours,
            busy=calendars.get(user_id, []) + bookings.get(user_id, []),
            name=str(user_id),
        )
        for user_id in _ids(users)
    ]
    slots = find_slots(
        attendees,
        window_start=now,
        window_end=window_end,
        duration=duration,
        now=now,
        min_notice=min_notice,
        count=count,
        spread_days=spread_days,
        day_zone=zone,
    )
    return [(slot.start, slot.end) for slot in slots]


def check_schedule(
    users: Iterable[AbstractBaseUser],
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    timezone: str,
    lang: str,
    exclude: Interview | None = None,
) -> list[Finding]:
    """Tip 2 for booking [start, end): the `check` findings for each user's calendar.

    Each user with a calendar is checked against their own busy times, so a
    `schedule.conflict` finding carries `person_id` and `person` (whose calendar).
    When no one has a calendar, `busy` is left out and the one finding is
    `schedule.unchecked`.
    """
    people = list(users)
    busy = busy_for(people, start - timedelta(days=1), end + timedelta(days=1), exclude=exclude)
    base: dict[str, Any] = {
        "action": "schedule",
        "side": Side.EMPLOYER,
        "now": now.isoformat(),
        "interview": {"start": start.isoformat(), "end": end.isoformat(), "timezone": timezone},
    }
    connected = [user for user in people if busy.get(int(user.pk)) is not None]
    if not connected:
        return [Finding.from_json(f) for f in check(base, lang)["findings"]]
    found: list[Finding] = []
    for user in connected:
        spans = busy[int(user.pk)] or []
        data = {**base, "busy": as_check_busy(spans)}
        for raw in check(data, lang)["findings"]:
            finding = Finding.from_json(raw)
            if finding.rule == "schedule.conflict":
                finding = replace(finding, person=_name(user), person_id=int(user.pk))
            if finding not in found:
                found.append(finding)
    return found


def as_check_busy(spans: Iterable[Span]) -> list[dict[str, str]]:
    """Busy (start, end) pairs as the check contract's `busy` list."""
    return [{"start": s.isoformat(), "end": e.isoformat()} for s, e in spans]


def _name(user: AbstractBaseUser) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or user.get_username())
