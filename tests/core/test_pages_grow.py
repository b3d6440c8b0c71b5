"""The main pages run the same number of queries for a small workspace and a big one."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.workload import fill_seeker, fill_team
from takt.core.models import Membership, Workspace
from takt.core.needs import SHOWN

pytestmark = pytest.mark.django_db
SMALL, LARGE = 40, 160


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(url)
    assert answer.status_code == 200, url
    return len(captured.captured_queries)


def _grows(client: Client, url: Callable[[], str], fill: Callable[[int], None]) -> tuple[int, int]:
    fill(SMALL)
    small = _count(client, url())
    fill(LARGE - SMALL)
    return small, _count(client, url())


@pytest.fixture
def recruiter(team) -> Client:
    client = Client()
    client.force_login(team["recruiter"])
    return client


@pytest.fixture
def seeker(make_user) -> tuple[Client, Workspace]:
    user = make_user("sara")
    workspace = Workspace.objects.create(name="Sara", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    client = Client()
    client.force_login(user)
    return client, workspace


def test_the_recruiter_dashboard_costs_the_same_at_any_size(team, recruiter) -> None:
    workspace = team["workspace"]
    small, large = _grows(
        recruiter,
        lambda: reverse("dashboard", args=[workspace.pk]),
        lambda n: fill_team(workspace, n),
    )
    assert small == large


def test_the_recruiter_dashboard_shows_a_bounded_list_and_how_many_more(team, recruiter) -> None:
    workspace = team["workspace"]
    fill_team(workspace, LARGE)
    body = recruiter.get(reverse("dashboard", args=[workspace.pk])).content.decode()
    box = body.split('id="now-h"')[1].split("</section>")[0]
    assert box.count('<li class="finding') == SHOWN
    assert "Och " in box and " till:" in box  # "Och 98 till:" leads to the full lists
    assert reverse("needs", args=[workspace.pk, "calls"]) in box


def test_the_seeker_dashboard_costs_the_same_at_any_size(seeker) -> None:
    client, workspace = seeker
    user = workspace.members.get()
    small, large = _grows(
        client,
        lambda: reverse("dashboard", args=[workspace.pk]),
        lambda n: fill_seeker(workspace, user, n),
    )
    assert small == large


def test_a_full_list_of_one_kind_pages_through_every_item(team, recruiter) -> None:
    workspace = team["workspace"]
    fill_team(workspace, 200)
    url = reverse("needs", args=[workspace.pk, "unanswered"])
    shown = 0
    pages = 0
    while url:
        body = recruiter.get(url).content.decode()
        shown += body.count('<li class="finding')
        pages += 1
        more = body.split('href="?after=')
        url = (
            reverse("needs", args=[workspace.pk, "unanswered"])
            + "?after="
            + more[1].split('"')[0].replace("&amp;", "&")
            if len(more) > 1
            else ""
        )
    assert shown == 20  # one interview in ten of 200 has an unanswered offer
    assert pages == 1
    small = _count(recruiter, reverse("needs", args=[workspace.pk, "unanswered"]))
    fill_team(workspace, 600)
    assert _count(recruiter, reverse("needs", args=[workspace.pk, "unanswered"])) == small


def test_a_kind_with_more_than_it_counts_says_so(team, recruiter, monkeypatch) -> None:
    from takt.core import needs

    monkeypatch.setattr(needs, "COUNTED", 5)
    workspace = team["workspace"]
    fill_team(workspace, 100)  # ten of each kind of work
    body = recruiter.get(reverse("dashboard", args=[workspace.pk])).content.decode()
    box = body.split('id="now-h"')[1].split("</section>")[0]
    assert "Och fler än" in box
    assert "(5+)" in box
