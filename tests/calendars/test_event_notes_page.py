"""The calendars page names the events left out or read with a correction, in your language."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.calendars.models import CalendarSource
from takt.calendars.services import add_source, refresh_source
from tests.calendars.conftest import calendar, event

pytestmark = pytest.mark.django_db


def page(team, lang: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(team["recruiter"])
    return client.get(reverse("calendars", args=[team["workspace"].pk])).content.decode()


def mixed_calendar() -> bytes:
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    return calendar(
        event("good@t", start, summary="Tandläkare"),
        "UID:nostart@t\nSUMMARY:Lunch med Eva\nDTEND:20260601T120000Z",
        "UID:rule@t\nSUMMARY:Gym\nDTSTART:20260602T060000Z\nRRULE:FREQ=WEEKLY;BYDAY=XX",
        "UID:back@t\nSUMMARY:Baklänges\nDTSTART:20260603T100000Z\nDTEND:20260603T090000Z",
    )


def add(team, data: bytes) -> CalendarSource:
    source, _ = add_source(
        workspace=team["workspace"],
        owner=team["recruiter"],
        kind="ics_file",
        name="Arbete",
        ics_data=data,
    )
    return source


def test_the_good_events_are_kept_and_the_others_counted(team) -> None:
    source = add(team, mixed_calendar())

    source.refresh_from_db()
    assert source.busy.count() == 1
    assert (source.skipped_count, source.corrected_count) == (2, 1)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "sv",
            [
                "2 händelser gick inte att läsa och är utelämnade:",
                "Lunch med Eva: den har ingen starttid",
                "Gym: dess upprepningsregel går inte att läsa",
                "Baklänges: den slutar innan den börjar",
            ],
        ),
        (
            "en",
            [
                "2 events could not be read and are left out:",
                "Lunch med Eva: it has no start time",
                "Gym: its repeat rule cannot be read",
                "Baklänges: it ends before it starts",
            ],
        ),
    ],
)
def test_the_page_says_which_events_were_left_out_and_why(team, lang, said) -> None:
    add(team, mixed_calendar())

    shown = page(team, lang)

    for text in said:
        assert text in shown


def test_a_refresh_that_reads_everything_clears_the_notes(team) -> None:
    source = add(team, mixed_calendar())
    start = timezone.now() + timedelta(days=1)
    source.ics_data = calendar(event("good@t", start))
    source.save()

    refresh_source(source)

    source.refresh_from_db()
    assert (source.skipped_count, source.corrected_count, source.event_notes) == (0, 0, [])
    assert "gick inte att läsa" not in page(team, "sv")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", ["Hemlig adress i iCal-format", "Publicera en kalender", "Offentlig kalender"]),
        ("en", ["Secret address in iCal format", "Publish a calendar", "Public Calendar"]),
    ],
)
def test_the_page_tells_where_the_secret_address_is_and_to_keep_it_private(
    team, lang, said
) -> None:
    shown = page(team, lang)

    for text in [*said, "Google", "Outlook", "Microsoft 365", "iCloud"]:
        assert text in shown
    assert ("Håll adressen hemlig" if lang == "sv" else "Keep the address private") in shown
