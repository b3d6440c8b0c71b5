"""The outbox page costs the same at any length: keyset pages, no join, an index to read."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from takt.outbox.models import Message
from takt.outbox.views import PER_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def recruiter_client(team) -> Client:
    client = Client()
    client.force_login(team["recruiter"])
    return client


def _fill(queue, count: int) -> None:
    queue(count, tag=f"n{count}-")


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_walking_every_page_shows_each_message_once_newest_first(queue, recruiter_client, team):
    _fill(queue, PER_PAGE * 2 + 7)
    url = reverse("outbox", args=[team["workspace"].pk])
    seen: list[str] = []
    while url:
        body = recruiter_client.get(url).content.decode()
        seen += re.findall(r"/outbox/(\d+)/\"", body)
        older = re.search(r'href="(\?after=[^"]+)"', body)
        url = (
            reverse("outbox", args=[team["workspace"].pk]) + older.group(1).replace("&amp;", "&")
            if older
            else ""
        )
    expected = [
        str(pk)
        for pk in Message.objects.order_by("-created_at", "-pk").values_list("pk", flat=True)
    ]
    assert seen == expected


def test_the_page_runs_the_same_queries_at_ten_and_at_two_hundred(queue, recruiter_client, team):
    url = reverse("outbox", args=[team["workspace"].pk])
    _fill(queue, 10)
    small = _queries(recruiter_client, url)
    _fill(queue, 190)
    large = _queries(recruiter_client, url)
    assert len(small) == len(large)
    # Neither a COUNT of every row for the pages nor a join to interviews the page never shows.
    assert not any("OFFSET" in sql for sql in large)
    assert not any('JOIN "interviews_interview"' in sql for sql in large)


def test_a_hand_edited_cursor_starts_from_the_newest(queue, recruiter_client, team):
    _fill(queue, 3)
    url = reverse("outbox", args=[team["workspace"].pk])
    assert recruiter_client.get(url + "?after=yesterday_x").status_code == 200
