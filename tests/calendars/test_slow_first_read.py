"""A calendar server too slow for the page is read by the worker; the page never waits on it."""

import socket
import threading
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from takt.calendars import services
from takt.calendars.models import CalendarSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def dripping_address() -> Iterator[str]:
    """An ICS address whose server sends its headers, then a byte now and then, for ever."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def drip(connection: socket.socket) -> None:
        with connection:
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\n\r\n")
            while not stop.wait(0.3):
                try:
                    connection.sendall(b"B")
                except OSError:
                    return

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=drip, args=(connection,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/cal.ics"
    finally:
        stop.set()
        listener.close()


def test_a_slow_server_is_saved_and_read_by_the_worker(
    team, dripping_address, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "PAGE_TIMEOUT", 0.5)
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(team["recruiter"])
    url = reverse("calendar_add", args=[team["workspace"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            url,
            {
                "kind": "ics_url",
                "name": "Jobb",
                "url": dripping_address,
                "timezone": "Europe/Stockholm",
            },
            follow=True,
        )
    source = CalendarSource.objects.get()
    assert source.last_synced_at is None and source.last_tried_at is None
    # The first read waits for the calendars worker, not for the page.
    queued = DBTaskResult.objects.filter(task_path__endswith="read_later", queue_name="calendars")
    assert queued.count() == 1 and queued.get().args_kwargs["args"] == [source.pk]
    page = answer.content.decode()
    assert "läser kalendern i bakgrunden" in page
    assert "Läses nu, i bakgrunden" in page


def test_a_server_that_refuses_is_still_an_error_at_once(team, monkeypatch):
    monkeypatch.setattr(services, "PAGE_TIMEOUT", 0.5)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(team["recruiter"])
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    answer = client.post(
        reverse("calendar_add", args=[team["workspace"].pk]),
        {
            "kind": "ics_url",
            "name": "Jobb",
            "url": f"http://127.0.0.1:{port}/x.ics",
            "timezone": "Europe/Stockholm",
        },
    )
    assert answer.status_code == 200  # the form again, with the error
    assert not CalendarSource.objects.exists()
    assert not DBTaskResult.objects.exists()
