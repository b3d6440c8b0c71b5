"""Adding an interview by hand or from an invitation: Tip 2 checks, DST, and team workspaces."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from takt.calendars.models import BusyTime, CalendarSource
from takt.core.models import Interview

pytestmark = pytest.mark.django_db


def _form(**over):
    data = {
        "company": "Fjällbrand AB",
        "role": "UX-designer",
        "contact_name": "Karin Holm",
        "contact_phone": "+46 8 555 020 00",
        "contact_email": "karin@fjallbrand.example",
        "contact_language": "sv",
        "day": "2030-05-14",
        "start_time": "10:00",
        "end_time": "11:00",
        "zone": "Europe/Stockholm",
        "location": "Kungsgatan 12",
        "video_link": "",
    }
    return {**data, **over}


def _url(seeker, what="new"):
    return f"/w/{seeker['workspace'].pk}/interviews/{what}/"


def test_it_adds_an_interview_and_says_nothing_could_be_checked(seeker) -> None:
    response = seeker["client"].post(_url(seeker), _form(), follow=True)
    interview = Interview.objects.get(company="Fjällbrand AB")
    assert interview.start == datetime(2030, 5, 14, 8, 0, tzinfo=UTC)
    assert interview.counterpart.phone == "+46 8 555 020 00"
    assert interview.bookings.get().user == seeker["user"]
    assert "no calendar" in response.content.decode().lower()


def test_it_refuses_a_time_on_top_of_another_own_interview(seeker) -> None:
    other = seeker["interview"]
    local = other.start.astimezone(other.zone)
    form = _form(
        day=local.date().isoformat(),
        start_time=(local + timedelta(minutes=30)).strftime("%H:%M"),
        end_time=(local + timedelta(minutes=90)).strftime("%H:%M"),
    )
    response = seeker["client"].post(_url(seeker), form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "collides with your interview backendutvecklare · Norrsken AB" in page
    assert not Interview.objects.filter(company="Fjällbrand AB").exists()
    assert 'value="Karin Holm"' in page  # nothing typed is lost


def test_it_refuses_a_time_that_collides_with_the_calendar(seeker) -> None:
    source = CalendarSource.objects.create(
        workspace=seeker["workspace"], owner=seeker["user"], kind="ics_file", name="Privat"
    )
    BusyTime.objects.create(
        source=source,
        start=datetime(2030, 5, 14, 7, 30, tzinfo=UTC),
        end=datetime(2030, 5, 14, 8, 30, tzinfo=UTC),
    )
    response = seeker["client"].post(_url(seeker), _form())
    page = response.content.decode()
    assert 'data-rule="schedule.conflict"' in page
    assert not Interview.objects.filter(company="Fjällbrand AB").exists()
    free = seeker["client"].post(_url(seeker), _form(start_time="10:30", end_time="11:30"))
    assert free.status_code == 302
    assert Interview.objects.filter(company="Fjällbrand AB").exists()


def test_a_time_in_the_spring_gap_is_refused_with_a_clear_error(seeker) -> None:
    response = seeker["client"].post(
        _url(seeker), _form(day="2030-03-31", start_time="02:30", end_time="03:30")
    )
    page = response.content.decode()
    assert "does not exist in Europe/Stockholm" in page
    assert not Interview.objects.filter(company="Fjällbrand AB").exists()


def test_the_error_is_in_swedish_for_a_swedish_reader(seeker) -> None:
    client = seeker["client"]
    client.cookies["django_language"] = "sv"
    response = client.post(_url(seeker), _form(day="2030-03-31", start_time="02:30"))
    assert "finns inte i Europe/Stockholm" in response.content.decode()


INVITATION = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Norrsken//Rekrytering//SV
METHOD:REQUEST
BEGIN:VEVENT
UID:abc-123@norrsken.example
DTSTAMP:20300501T090000Z
DTSTART;TZID=Europe/Stockholm:20300520T140000
DTEND;TZID=Europe/Stockholm:20300520T144500
SUMMARY:Intervju: Backendutvecklare
LOCATION:Torsgatan 8\\, Stockholm
ORGANIZER;CN=Anna Berg:mailto:anna@norrsken.example
END:VEVENT
END:VCALENDAR
"""


def test_an_invitation_fills_in_the_form_and_keeps_its_uid(seeker) -> None:
    upload = SimpleUploadedFile("invite.ics", INVITATION, content_type="text/calendar")
    response = seeker["client"].post(_url(seeker, "import"), {"invitation": upload})
    page = response.content.decode()
    assert 'value="Anna Berg"' in page
    assert 'value="anna@norrsken.example"' in page
    assert 'value="2030-05-20"' in page and 'value="14:00"' in page and 'value="14:45"' in page
    assert 'value="Torsgatan 8, Stockholm"' in page
    assert 'value="abc-123@norrsken.example"' in page
    form = _form(
        company="Norrsken AB",
        role="Intervju: Backendutvecklare",
        contact_name="Anna Berg",
        day="2030-05-20",
        start_time="14:00",
        end_time="14:45",
        uid="abc-123@norrsken.example",
    )
    assert seeker["client"].post(_url(seeker), form).status_code == 302
    assert Interview.objects.get(uid="abc-123@norrsken.example").company == "Norrsken AB"
    again = seeker["client"].post(_url(seeker), {**form, "day": "2030-05-21"})
    assert "already in Takt" in again.content.decode()


def test_a_file_that_is_no_calendar_is_refused_next_to_the_field(seeker) -> None:
    upload = SimpleUploadedFile("cv.ics", b"hello", content_type="text/calendar")
    response = seeker["client"].post(_url(seeker, "import"), {"invitation": upload})
    assert "not a calendar file Takt can read" in response.content.decode()


def test_every_seeker_page_is_a_404_in_a_team_workspace(team, soon, book_interview) -> None:
    interview = book_interview(soon(3), position=team["position"])
    client = Client()
    client.force_login(team["recruiter"])
    base = f"/w/{team['workspace'].pk}/interviews/"
    urls = [
        base + "new/",
        base + "import/",
        f"{base}{interview.pk}/reschedule/why/",
        f"{base}{interview.pk}/reschedule/times/",
        f"{base}{interview.pk}/cancel/why/",
        f"{base}{interview.pk}/withdraw/",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
