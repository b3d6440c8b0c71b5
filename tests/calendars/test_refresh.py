"""Adding and refreshing calendars: busy times replaced as a whole, or not touched at all."""

from datetime import timedelta

import pytest

from takt.calendars.errors import CalendarError
from takt.calendars.ics import DEFAULT_LIMITS
from takt.calendars.models import BusyTime, CalendarSource
from takt.calendars.services import add_source, refresh_source
from tests.caldav_client import open_calendar, put_event
from tests.calendars.conftest import NOW, calendar, event, utc
from tests.servers import free_port

pytestmark = pytest.mark.django_db

WEEKLY = (
    "UID:weekly@test\nSUMMARY:Planering\n"
    "DTSTART;TZID=Europe/Stockholm:20260303T090000\n"
    "DTEND;TZID=Europe/Stockholm:20260303T100000\n"
    "RRULE:FREQ=WEEKLY;COUNT=4"
)
ALL_DAY = (
    "UID:day@test\nSUMMARY:Semesterdag\nDTSTART;VALUE=DATE:20260305\nDTEND;VALUE=DATE:20260306"
)
# Google writes floating times and names their zone in X-WR-TIMEZONE.
FLOATING = "UID:ny@test\nSUMMARY:New York\nDTSTART:20260304T090000\nDTEND:20260304T100000"
FOREVER = "UID:loop@test\nDTSTART:20260301T000000Z\nDTEND:20260301T000001Z\nRRULE:FREQ=SECONDLY"


def stored(source: CalendarSource) -> list[tuple]:
    return list(source.busy.order_by("start").values_list("start", "end", "summary"))


def add_file(team, data: bytes, **extra) -> CalendarSource:
    source, _ = add_source(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind="ics_file",
        name="Arbete",
        ics_data=data,
        now=NOW,
        **extra,
    )
    return source


def test_an_uploaded_file_gives_recurrences_all_day_events_and_x_wr_timezone(team) -> None:
    data = calendar(WEEKLY, ALL_DAY, FLOATING, header="X-WR-TIMEZONE:America/New_York\n")

    source = add_file(team, data)

    assert stored(source) == [
        (utc(2026, 3, 3, 8), utc(2026, 3, 3, 9), "Planering"),
        (utc(2026, 3, 4, 14), utc(2026, 3, 4, 15), "New York"),  # 09.00 EST
        # All day in the owner's zone: Stockholm midnight is 23.00 UTC the day before.
        (utc(2026, 3, 4, 23), utc(2026, 3, 5, 23), "Semesterdag"),
        (utc(2026, 3, 10, 8), utc(2026, 3, 10, 9), "Planering"),
        (utc(2026, 3, 17, 8), utc(2026, 3, 17, 9), "Planering"),
        (utc(2026, 3, 24, 8), utc(2026, 3, 24, 9), "Planering"),
    ]
    assert source.last_synced_at == NOW
    assert source.last_error == "" and source.error() is None


def test_a_refused_file_saves_nothing(team) -> None:
    with pytest.raises(CalendarError) as caught:
        add_file(team, b"this is not a calendar")

    assert caught.value.code == "malformed"
    assert not CalendarSource.objects.exists()
    assert not BusyTime.objects.exists()


def test_a_refresh_replaces_the_busy_times_as_a_whole(team) -> None:
    source = add_file(team, calendar(event("a@test", utc(2026, 3, 3, 9))))
    source.ics_data = calendar(
        event("b@test", utc(2026, 3, 4, 9)), event("c@test", utc(2026, 3, 5, 9))
    )
    source.save()

    result = refresh_source(source, now=NOW + timedelta(hours=1))

    assert result.ok and result.busy_count == 2
    assert [start for start, _, _ in stored(source)] == [utc(2026, 3, 4, 9), utc(2026, 3, 5, 9)]
    assert source.last_synced_at == NOW + timedelta(hours=1)


def test_the_window_moves_with_time(team) -> None:
    source = add_file(team, calendar(event("old@test", utc(2026, 3, 3, 9))))

    refresh_source(source, now=NOW + timedelta(days=30))

    assert stored(source) == []


HOSTILE = {
    "malformed": (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n", "malformed"),
    "loop": (calendar(FOREVER), "too_many_occurrences"),
    "huge": (b"X" * (DEFAULT_LIMITS.max_bytes + 1), "too_big"),
}
ENGLISH = {
    "malformed": "not a valid iCalendar file",
    "too_many_occurrences": "too many repeated events",
    "too_big": "too large",
}
SWEDISH = {
    "malformed": "inte en giltig iCalendar-fil",
    "too_many_occurrences": "för många upprepade händelser",
    "too_big": "för stor",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_keeps_the_old_busy_times_and_says_why(team, name) -> None:
    source = add_file(team, calendar(WEEKLY))
    before = stored(source)
    data, code = HOSTILE[name]
    CalendarSource.objects.filter(pk=source.pk).update(ics_data=data)
    source.refresh_from_db()

    result = refresh_source(source, now=NOW + timedelta(hours=1), lang="sv")

    assert not result.ok and result.error is not None and result.error.code == code
    assert result.busy_count == 4
    assert stored(source) == before
    assert source.last_synced_at == NOW  # the last good read
    assert source.last_tried_at == NOW + timedelta(hours=1)
    assert SWEDISH[code] in source.last_error
    assert SWEDISH[code] in source.error_message("sv")
    assert ENGLISH[code] in source.error_message("en")


def test_a_good_refresh_after_an_error_clears_it(team) -> None:
    source = add_file(team, calendar(WEEKLY))
    CalendarSource.objects.filter(pk=source.pk).update(ics_data=b"broken")
    source.refresh_from_db()
    assert not refresh_source(source, now=NOW).ok

    CalendarSource.objects.filter(pk=source.pk).update(ics_data=calendar(ALL_DAY))
    source.refresh_from_db()
    result = refresh_source(source, now=NOW)

    assert result.ok and result.busy_count == 1
    assert source.last_error == "" and source.error() is None


def test_a_source_removed_while_it_was_read_stays_removed(team) -> None:
    source = add_file(team, calendar(WEEKLY))
    CalendarSource.objects.filter(pk=source.pk).delete()

    result = refresh_source(source, now=NOW)

    assert result.busy_count == 0
    assert not CalendarSource.objects.exists() and not BusyTime.objects.exists()


def test_an_ics_address_is_read_from_the_web(team, ics_server) -> None:
    ics_server.body = calendar(WEEKLY)
    source, count = add_source(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind="ics_url",
        url=ics_server.url,
        now=NOW,
    )
    assert count == 4 and ics_server.requests == ["/cal.ics"]

    ics_server.body = calendar(ALL_DAY)
    assert refresh_source(source, now=NOW).busy_count == 1

    ics_server.status = 500
    result = refresh_source(source, now=NOW, lang="en")
    assert result.error is not None and result.error.code == "http_error"
    assert "error 500" in source.last_error
    assert [summary for _, _, summary in stored(source)] == ["Semesterdag"]


def test_an_unreachable_address_keeps_the_busy_times(team, ics_server) -> None:
    ics_server.body = calendar(WEEKLY)
    source, _ = add_source(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind="ics_url",
        url=ics_server.url,
        now=NOW,
    )
    CalendarSource.objects.filter(pk=source.pk).update(url=f"http://127.0.0.1:{free_port()}/x")
    source.refresh_from_db()

    result = refresh_source(source, now=NOW, lang="sv", timeout=5)

    assert result.error is not None and result.error.code == "unreachable"
    assert "gick inte att hämta" in source.last_error
    assert len(stored(source)) == 4


def test_an_unreachable_address_is_not_added(team) -> None:
    with pytest.raises(CalendarError) as caught:
        add_source(
            workspace=team["workspace"],
            owner=team["recruiter"],
            kind="ics_url",
            url=f"http://127.0.0.1:{free_port()}/cal.ics",
            now=NOW,
        )
    assert caught.value.code == "unreachable"
    assert not CalendarSource.objects.exists()


def test_a_caldav_account_is_read_and_refreshed(team, radicale_server) -> None:
    put_event(radicale_server, "anna", "pw", "Arbete", calendar(WEEKLY))
    put_event(radicale_server, "anna", "pw", "Arbete", calendar(ALL_DAY))
    url = str(open_calendar(radicale_server, "anna", "pw", "Arbete").url)

    source, count = add_source(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind="caldav",
        url=url,
        username="anna",
        password="pw",
        now=NOW,
    )

    assert count == 5
    assert next(s for s in stored(source) if s[2] == "Planering")[:2] == (
        utc(2026, 3, 3, 8),
        utc(2026, 3, 3, 9),
    )
    put_event(
        radicale_server, "anna", "pw", "Arbete", calendar(event("new@test", utc(2026, 4, 1, 9)))
    )
    assert refresh_source(source, now=NOW).busy_count == 6
    assert BusyTime.objects.filter(source=source, summary="Möte").count() == 1


def test_a_hostile_event_on_the_caldav_server_keeps_the_busy_times(team, radicale_server) -> None:
    put_event(radicale_server, "anna", "pw", "Arbete", calendar(WEEKLY))
    url = str(open_calendar(radicale_server, "anna", "pw", "Arbete").url)
    source, _ = add_source(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind="caldav",
        url=url,
        username="anna",
        password="pw",
        now=NOW,
    )
    put_event(radicale_server, "anna", "pw", "Arbete", calendar(FOREVER))

    result = refresh_source(source, now=NOW, lang="en")

    assert result.error is not None and result.error.code == "too_many_occurrences"
    assert source.busy.count() == 4
    assert "too many repeated events" in source.last_error


def test_a_source_removed_while_a_failing_read_ran_stays_removed(team) -> None:
    source = add_file(team, calendar(WEEKLY))
    source.ics_data = b"broken"
    CalendarSource.objects.filter(pk=source.pk).delete()

    result = refresh_source(source, now=NOW)

    assert result.error is not None and result.busy_count == 0
    assert not CalendarSource.objects.exists()
