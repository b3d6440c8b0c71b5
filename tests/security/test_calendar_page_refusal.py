"""The calendars page: an inward address is refused with a fixed message, never the remote body."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from takt.calendars.models import CalendarSource
from tests.security.hostile import feed, login_page, serving

pytestmark = pytest.mark.django_db


def add_ics(team: dict[str, Any], url: str, lang: str = "en") -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(team["recruiter"])
    response = client.post(
        reverse("calendar_add", args=[team["workspace"].pk]),
        {"kind": "ics_url", "url": url, "timezone": "Europe/Stockholm"},
    )
    assert response.status_code == 200  # the form again, with the error
    return response.content.decode()


@pytest.mark.parametrize("lang, words", [("en", "does not fetch calendars"), ("sv", "hämtar inte")])
def test_an_internal_address_is_refused_in_the_readers_language(team, lang, words) -> None:
    with serving({"/cal.ics": feed}) as server:
        page = add_ics(team, f"{server.base}/cal.ics", lang)
    assert words in page
    assert "Internal board meeting" not in page
    assert server.seen == []
    assert not CalendarSource.objects.exists()


def test_a_page_that_is_not_a_calendar_shows_no_part_of_it(team, settings: Any) -> None:
    # Allowed, but HTML: the parser's text would quote the body.
    settings.TAKT_OUTBOUND_ALLOW = ("127.0.0.0/8",)
    with serving({"/login/": login_page}) as server:
        page = add_ics(team, f"{server.base}/login/")
    assert "not a valid iCalendar file" in page
    assert "doctype" not in page.lower().replace("<!doctype html>", "", 1)
    assert "Secret admin" not in page
