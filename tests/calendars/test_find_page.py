"""The page that finds a CalDAV account's calendars and adds the ones ticked."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from takt.calendars.errors import CalendarError
from takt.calendars.models import CalendarSource
from tests.caldav_client import put_event
from tests.calendars.conftest import calendar, event
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def client_for(user, lang: str = "sv") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(user)
    return client


@pytest.fixture
def two_calendars(radicale_server: str) -> str:
    """Anna's Radicale account with the calendars "Arbete" and "Privat", one event each."""
    soon = timezone.now().replace(minute=0, second=0, microsecond=0)
    put_event(radicale_server, "anna", "pw", "Arbete", calendar(event("w@t", soon, summary="Jobb")))
    put_event(
        radicale_server, "anna", "pw", "Privat", calendar(event("h@t", soon, summary="Hemma"))
    )
    return radicale_server


def find(client: Client, team: dict[str, Any], address: str, **fields: str) -> Any:
    return client.post(
        reverse("calendar_find", args=[team["workspace"].pk]),
        {
            "address": address,
            "username": "anna",
            "password": "hemligt-app-lösen",
            "timezone": "Europe/Stockholm",
            **fields,
        },
    )


def offered(page: str) -> dict[str, str]:
    """The tick boxes of the page: each calendar's name and the address it stands for."""
    boxes = re.findall(
        r'<input type="checkbox" name="calendars" value="([^"]+)"[^>]*>\s*([^<]+)<', page
    )
    return {name.strip(): value for value, name in boxes}


def choose_fields(page: str) -> dict[str, str]:
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
    return {name: value for name, value in hidden if name != "csrfmiddlewaretoken"}


def test_the_servers_address_shows_both_calendars_and_the_ticked_one_is_added(
    team, two_calendars
) -> None:
    client = client_for(team["recruiter"])

    page = find(client, team, two_calendars).content.decode()

    boxes = offered(page)
    assert sorted(boxes) == ["Arbete", "Privat"]
    response = client.post(
        reverse("calendar_find", args=[team["workspace"].pk]),
        {**choose_fields(page), "calendars": [boxes["Privat"]]},
        follow=True,
    )

    sources = list(CalendarSource.objects.filter(workspace=team["workspace"]))
    assert [(s.name, s.kind, s.url) for s in sources] == [("Privat", "caldav", boxes["Privat"])]
    assert [b.summary for b in sources[0].busy.all()] == ["Hemma"]
    assert "Privat är kopplad: 1 upptagen tid lästes in." in response.content.decode()


def test_the_password_is_sealed_as_for_any_calendar(team, two_calendars) -> None:
    client = client_for(team["recruiter"])
    page = find(client, team, two_calendars).content.decode()
    client.post(
        reverse("calendar_find", args=[team["workspace"].pk]),
        {**choose_fields(page), "calendars": list(offered(page).values())},
    )

    sources = CalendarSource.objects.filter(workspace=team["workspace"])
    assert sorted(s.name for s in sources) == ["Arbete", "Privat"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM calendars_calendarsource")
        stored = [row[0] for row in cursor.fetchall()]
    assert all("hemligt" not in value for value in stored)
    assert {s.password for s in sources} == {"hemligt-app-lösen"}


def test_nothing_ticked_asks_for_a_tick_and_adds_nothing(team, two_calendars) -> None:
    client = client_for(team["recruiter"], "en")
    page = find(client, team, two_calendars).content.decode()

    again = client.post(
        reverse("calendar_find", args=[team["workspace"].pk]), choose_fields(page)
    ).content.decode()

    assert "Tick at least one calendar." in again
    assert sorted(offered(again)) == ["Arbete", "Privat"]
    assert not CalendarSource.objects.exists()


def test_a_calendar_list_that_was_altered_is_not_trusted(team) -> None:
    client = client_for(team["recruiter"])

    response = client.post(
        reverse("calendar_find", args=[team["workspace"].pk]),
        {
            "found": "forged",
            "username": "anna",
            "password": "x",
            "timezone": "Europe/Stockholm",
            "calendars": ["http://10.0.0.5/"],
        },
    )

    assert response.status_code == 200
    assert "Listan över kalendrar har gått ut." in response.content.decode()
    assert not CalendarSource.objects.exists()


def test_an_empty_form_says_what_is_missing_in_swedish(team) -> None:
    page = find(client_for(team["recruiter"]), team, "", username="", password="")

    text = page.content.decode()
    assert page.status_code == 200
    assert "Skriv adressen till din server eller din e-postadress." in text
    assert "Skriv ditt användarnamn." in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_unreachable_server_gets_the_fixed_message(team, lang: str) -> None:
    page = find(client_for(team["recruiter"], lang), team, f"http://127.0.0.1:{free_port()}/")

    assert page.status_code == 200
    assert escape(CalendarError("unreachable").message(lang)) in page.content.decode()


def test_a_server_on_loopback_is_refused_without_the_allow_setting(
    team, settings, two_calendars
) -> None:
    settings.TAKT_OUTBOUND_ALLOW = ()

    page = find(client_for(team["recruiter"], "en"), team, two_calendars).content.decode()

    assert escape(CalendarError("refused").message("en")) in page
    assert offered(page) == {}


def test_another_members_workspace_is_not_found(team, make_user) -> None:
    stranger = make_user("stranger")

    response = client_for(stranger).get(reverse("calendar_find", args=[team["workspace"].pk]))

    assert response.status_code == 404


def test_an_address_that_is_not_one_gets_the_fixed_message_not_an_error_page(team) -> None:
    page = find(client_for(team["recruiter"], "en"), team, "https://[::1/")

    assert page.status_code == 200
    assert escape(CalendarError("bad_url", detail="https://[::1/").message("en")) in (
        page.content.decode()
    )
