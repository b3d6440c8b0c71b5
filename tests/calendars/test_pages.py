"""The calendar pages: list, add (three kinds), refresh now, remove; only your own."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.calendars.models import BusyTime, CalendarSource
from takt.calendars.services import add_source
from tests.calendars.conftest import calendar, event

pytestmark = pytest.mark.django_db


def soon_event(uid: str, days: int = 2, summary: str = "Möte") -> str:
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=days)
    return event(uid, start, summary=summary)


def client_for(user, lang: str = "sv") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(user)
    return client


def upload(data: bytes, name: str = "kalender.ics") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/calendar")


def own_source(team, user=None, data: bytes | None = None) -> CalendarSource:
    source, _ = add_source(
        workspace=team["workspace"],
        owner=user or team["recruiter"],
        kind="ics_file",
        name="Arbete",
        ics_data=data or calendar(soon_event("a@t"), soon_event("b@t", days=3)),
    )
    return source


def test_adding_a_file_lists_it_with_its_busy_count(team) -> None:
    client = client_for(team["recruiter"])
    data = calendar(soon_event("a@t"), soon_event("b@t", 3), soon_event("c@t", 4))

    response = client.post(
        reverse("calendar_add", args=[team["workspace"].pk]),
        {
            "kind": "ics_file",
            "name": "Jobbet",
            "file": upload(data),
            "timezone": "Europe/Stockholm",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("calendars", args=[team["workspace"].pk])
    page = response.content.decode()
    assert "Jobbet är kopplad: 3 upptagna tider lästes in." in page
    assert 'data-busy-count="3"' in page
    source = CalendarSource.objects.get()
    assert (source.owner, source.kind, bytes(source.ics_data or b"")) == (
        team["recruiter"],
        "ics_file",
        data,
    )


def test_adding_an_ics_address(team, ics_server) -> None:
    ics_server.body = calendar(soon_event("a@t"))
    client = client_for(team["recruiter"], "en")

    response = client.post(
        reverse("calendar_add", args=[team["workspace"].pk]),
        {"kind": "ics_url", "url": ics_server.url, "timezone": "Europe/Stockholm"},
        follow=True,
    )

    assert "is connected: 1 busy time read." in response.content.decode()
    assert CalendarSource.objects.get().url == ics_server.url


def test_a_broken_file_shows_the_error_and_keeps_what_was_typed(team) -> None:
    for lang, words in (("sv", "inte en giltig iCalendar-fil"), ("en", "not a valid iCalendar")):
        response = client_for(team["recruiter"], lang).post(
            reverse("calendar_add", args=[team["workspace"].pk]),
            {
                "kind": "ics_file",
                "name": "Trasig",
                "file": upload(b"hello"),
                "timezone": "Europe/Stockholm",
            },
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert words in page
        assert 'value="Trasig"' in page
        assert not CalendarSource.objects.exists()


def test_missing_fields_are_named_per_kind(team) -> None:
    response = client_for(team["recruiter"], "en").post(
        reverse("calendar_add", args=[team["workspace"].pk]),
        {"kind": "caldav", "url": "https://dav.example/anna/", "timezone": "Mars/Olympus"},
    )
    page = response.content.decode()
    assert "Write your user name." in page and "Write your password." in page
    assert "Unknown time zone" in page
    assert 'value="https://dav.example/anna/"' in page
    assert not CalendarSource.objects.exists()


def test_an_unreachable_caldav_server_is_refused_and_keeps_the_password(team) -> None:
    from tests.servers import free_port

    response = client_for(team["recruiter"], "sv").post(
        reverse("calendar_add", args=[team["workspace"].pk]),
        {
            "kind": "caldav",
            "url": f"http://127.0.0.1:{free_port()}/anna/arbete/",
            "username": "anna",
            "password": "hemligt",
            "timezone": "Europe/Stockholm",
        },
    )
    page = response.content.decode()
    # Nobody listens on the port: the connection is refused, so the calendar could not be fetched.
    assert "Kalendern gick inte att hämta" in page
    assert "Försök igen senare." in page
    assert 'value="hemligt"' in page
    assert not CalendarSource.objects.exists()


def test_the_list_shows_a_failed_refresh_in_the_readers_language(team) -> None:
    source = own_source(team)
    CalendarSource.objects.filter(pk=source.pk).update(ics_data=b"broken")
    url = reverse("calendar_refresh", args=[team["workspace"].pk, source.pk])

    response = client_for(team["recruiter"], "sv").post(url, follow=True)

    page = response.content.decode()
    assert "Den senaste uppdateringen misslyckades" in page
    assert "inte en giltig iCalendar-fil" in page
    assert 'data-busy-count="2"' in page  # the old busy times are kept
    english = client_for(team["recruiter"], "en").get(
        reverse("calendars", args=[source.workspace_id])
    )
    assert "not a valid iCalendar file" in english.content.decode()
    assert "The busy times from before are kept." in english.content.decode()


def test_refresh_now_reads_the_calendar_again(team) -> None:
    source = own_source(team)
    CalendarSource.objects.filter(pk=source.pk).update(ics_data=calendar(soon_event("x@t")))

    response = client_for(team["recruiter"], "en").post(
        reverse("calendar_refresh", args=[team["workspace"].pk, source.pk]), follow=True
    )

    assert "Arbete is up to date: 1 busy time." in response.content.decode()
    assert BusyTime.objects.filter(source=source).count() == 1


def test_remove_forgets_the_calendar_and_its_busy_times(team) -> None:
    source = own_source(team)
    url = reverse("calendar_remove", args=[team["workspace"].pk, source.pk])
    client = client_for(team["recruiter"])

    assert client.get(url).status_code == 405  # a link never removes anything
    response = client.post(url, follow=True)

    assert "Arbete är borttagen." in response.content.decode()
    assert not CalendarSource.objects.exists() and not BusyTime.objects.exists()


def test_a_colleague_cannot_see_refresh_or_remove_my_calendar(team) -> None:
    source = own_source(team)
    workspace = team["workspace"]
    client = client_for(team["colleague"])

    assert "Arbete" not in client.get(reverse("calendars", args=[workspace.pk])).content.decode()
    for name in ("calendar_refresh", "calendar_remove"):
        assert client.post(reverse(name, args=[workspace.pk, source.pk])).status_code == 404
    assert CalendarSource.objects.filter(pk=source.pk).exists()


def test_a_foreign_user_gets_404(team, make_user) -> None:
    source = own_source(team)
    outsider = client_for(make_user("outsider"))
    workspace = team["workspace"].pk
    for name, args in (
        ("calendars", [workspace]),
        ("calendar_add", [workspace]),
        ("calendar_refresh", [workspace, source.pk]),
        ("calendar_remove", [workspace, source.pk]),
    ):
        url = reverse(name, args=args)
        assert outsider.get(url).status_code == 404
        assert outsider.post(url).status_code == 404
    assert CalendarSource.objects.count() == 1


def test_a_calendar_in_another_workspace_is_not_reachable_through_this_one(team) -> None:
    from takt.core.models import Membership, Workspace

    other = Workspace.objects.create(name="Eget", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=other, user=team["recruiter"])
    source = own_source(team)

    response = client_for(team["recruiter"]).post(
        reverse("calendar_remove", args=[other.pk, source.pk])
    )

    assert response.status_code == 404
    assert CalendarSource.objects.filter(pk=source.pk).exists()


def test_the_subnav_links_to_the_calendars(team) -> None:
    page = client_for(team["recruiter"]).get(reverse("dashboard", args=[team["workspace"].pk]))
    assert f'href="{reverse("calendars", args=[team["workspace"].pk])}"' in page.content.decode()
