"""Connecting a calendar in Chromium: a good file in Swedish, a broken one in English, and
CalDAV calendars found from the server's address and ticked, in Swedish."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from takt.calendars.models import CalendarSource
from takt.core.demo import PASSWORD, load_demo
from tests.caldav_client import put_event
from tests.calendars.conftest import calendar, event
from tests.e2e.conftest import sign_in
from tests.e2e.test_accessibility import page_problems
from tests.servers import LOOPBACK, radicale_server  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ics_file(data: bytes, name: str) -> dict[str, object]:
    return {"name": name, "mimeType": "text/calendar", "buffer": data}


def test_a_member_adds_a_calendar_file_in_swedish(new_page, shot) -> None:
    load_demo()
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    data = calendar(*(event(f"e{n}@t", start + timedelta(days=n)) for n in range(3)))
    page = new_page()
    sign_in(page, "sara", PASSWORD)

    page.get_by_role("link", name="Kalendrar").click()
    expect(page.get_by_role("heading", name="Dina kalendrar")).to_be_visible()
    expect(page.get_by_text("Ingen kalender är kopplad än")).to_be_visible()
    shot(page, "no-calendar")
    page.get_by_role("link", name="Lägg till en kalender").click()
    page.get_by_label("Kalenderfil (ICS)").check()
    page.get_by_label("Namn", exact=True).fill("Jobbet")
    page.get_by_label("Kalenderfil (.ics)").set_input_files(ics_file(data, "jobbet.ics"))
    shot(page, "filled-in")
    page.get_by_role("button", name="Koppla kalendern").click()

    expect(page.get_by_role("status")).to_contain_text("Jobbet är kopplad: 3 upptagna tider")
    card = page.locator("section.calendar", has=page.get_by_role("heading", name="Jobbet"))
    expect(card).to_contain_text("3 upptagna tider")
    expect(card.get_by_role("button", name="Uppdatera Jobbet nu")).to_be_visible()
    shot(page, "listed")
    assert CalendarSource.objects.get().owner.username == "sara"


def test_a_broken_file_shows_the_error_in_english(new_page, shot) -> None:
    load_demo()
    page = new_page()
    page.goto("/login/")
    page.get_by_role("button", name="English").click()
    sign_in(page, "anna", PASSWORD)

    page.get_by_role("link", name="Calendars").click()
    page.get_by_role("link", name="Add a calendar").click()
    page.get_by_label("Name", exact=True).fill("Work")
    page.get_by_label("Calendar file (.ics)").set_input_files(
        ics_file(b"BEGIN:VCALENDAR\r\nthis is not right\r\n", "broken.ics")
    )
    page.get_by_role("button", name="Connect the calendar").click()

    expect(page.get_by_role("alert")).to_contain_text(re.compile("not a valid iCalendar file"))
    expect(page.get_by_label("Name", exact=True)).to_have_value("Work")
    shot(page, "broken-file")
    assert not CalendarSource.objects.exists()


def test_a_member_finds_caldav_calendars_and_ticks_one_in_swedish(
    new_page,
    shot,
    settings,
    radicale_server,  # noqa: F811 (the fixture imported above)
) -> None:
    settings.TAKT_OUTBOUND_ALLOW = LOOPBACK  # Radicale listens on 127.0.0.1
    load_demo()
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    put_event(radicale_server, "sara", "pw", "Arbete", calendar(event("w@t", start)))
    put_event(radicale_server, "sara", "pw", "Privat", calendar(event("h@t", start)))
    page = new_page()
    sign_in(page, "sara", PASSWORD)

    page.get_by_role("link", name="Kalendrar").click()
    page.get_by_role("link", name="Hitta mina CalDAV-kalendrar").click()
    assert page_problems(page, "calendar-find", "sv", phone=True) == []
    page.get_by_label("Din servers adress, eller din e-postadress").fill(radicale_server)
    page.get_by_label("Användarnamn").fill("sara")
    page.get_by_label("Lösenord").fill("pw")
    shot(page, "caldav-account")
    page.get_by_role("button", name="Hitta mina kalendrar").click()

    expect(page.get_by_role("group", name="Kalendrar som hittades")).to_be_visible()
    assert page_problems(page, "calendar-found", "sv", phone=True) == []
    page.get_by_label("Privat").check()
    shot(page, "caldav-ticked")
    page.get_by_role("button", name="Lägg till de ikryssade kalendrarna").click()

    expect(page.get_by_role("status")).to_contain_text("Privat är kopplad: 1 upptagen tid")
    expect(page.get_by_role("heading", name="Privat")).to_be_visible()
    expect(page.get_by_role("heading", name="Arbete")).to_have_count(0)
    assert [(s.name, s.kind) for s in CalendarSource.objects.all()] == [("Privat", "caldav")]
