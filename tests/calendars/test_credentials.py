"""CalDAV passwords are sealed in the database and read back in the clear."""

import pytest
from django.db import connection
from django.test import override_settings

from takt.calendars import credentials
from takt.calendars.models import CalendarSource

pytestmark = pytest.mark.django_db


def _stored(source: CalendarSource) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM calendars_calendarsource WHERE id = %s", [source.pk])
        return str(cursor.fetchone()[0])


def _source(team, password: str) -> CalendarSource:
    return CalendarSource.objects.create(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind=CalendarSource.Kind.CALDAV,
        url="https://dav.example/cal/",
        username="anna",
        password=password,
    )


def test_the_database_never_holds_the_password(team) -> None:
    source = _source(team, "hemligt-app-lösen")
    stored = _stored(source)
    assert "hemligt" not in stored
    assert stored.startswith(credentials.PREFIX)
    assert CalendarSource.objects.get(pk=source.pk).password == "hemligt-app-lösen"


def test_a_rotated_secret_key_still_opens_it_from_the_fallbacks(team, settings) -> None:
    source = _source(team, "hemligt")
    old = settings.SECRET_KEY
    with override_settings(SECRET_KEY="n" * 50, SECRET_KEY_FALLBACKS=[old]):
        assert CalendarSource.objects.get(pk=source.pk).password == "hemligt"
    with override_settings(SECRET_KEY="n" * 50, SECRET_KEY_FALLBACKS=[]):
        # No key opens it: empty, so the next refresh asks for the password again.
        assert CalendarSource.objects.get(pk=source.pk).password == ""


def test_a_password_stored_before_sealing_reads_as_it_was(team) -> None:
    source = _source(team, "")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE calendars_calendarsource SET password = %s WHERE id = %s",
            ["gammalt", source.pk],
        )
    assert CalendarSource.objects.get(pk=source.pk).password == "gammalt"
