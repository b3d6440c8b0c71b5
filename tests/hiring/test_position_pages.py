"""The positions list and one position's page: searched, filtered and paged, in sv and en."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.core.models import Application, Interview, Person, Position
from takt.hiring.views.position import PER_PAGE as PER_POSITION_PAGE
from takt.hiring.views.positions_list import PER_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def recruiter(team: dict[str, Any]) -> Client:
    client = Client()
    client.force_login(team["recruiter"])
    return client


def _next(body: str, cursor: str) -> str:
    """The cursor of the next page, as the page's own paging link carries it."""
    for link in body.split('href="?')[1:]:
        query = link.split('"')[0].split("#")[0].replace("&amp;", "&")
        for pair in query.split("&"):
            if pair.startswith(f"{cursor}="):
                return pair.removeprefix(f"{cursor}=")
    return ""


def _positions(workspace: Any, count: int, **extra: Any) -> list[Position]:
    return Position.objects.bulk_create(
        Position(workspace=workspace, title=f"Tjänst {n}", **extra) for n in range(count)
    )


def test_it_pages_through_every_position_once(team, recruiter) -> None:
    _positions(team["workspace"], PER_PAGE + 10)
    url = reverse("positions", args=[team["workspace"].pk])
    seen: list[str] = []
    query = ""
    for _ in range(5):
        body = recruiter.get(url + (f"?after={query}" if query else "")).content.decode()
        seen += [part.split("<")[0] for part in body.split('">Tjänst ')[1:]]
        seen += ["Backendutvecklare"] if ">Backendutvecklare</a>" in body else []
        query = _next(body, "after")
        if not query:
            break
    assert len(seen) == PER_PAGE + 11
    assert len(set(seen)) == len(seen)


def test_it_finds_positions_by_title_and_status(team, recruiter) -> None:
    _positions(team["workspace"], 3, status=Position.Status.CLOSED)
    url = reverse("positions", args=[team["workspace"].pk])
    body = recruiter.get(url, {"q": "backend"}).content.decode()
    assert ">Backendutvecklare</a>" in body and ">Tjänst " not in body
    body = recruiter.get(url, {"status": "closed"}).content.decode()
    assert body.count('">Tjänst ') == 3 and "Backendutvecklare</a>" not in body
    body = recruiter.get(url, {"q": "ingen sådan"}).content.decode()
    assert "Inga tjänster matchar." in body


def test_a_bad_filter_is_an_error_in_the_users_language_not_a_500(team, recruiter) -> None:
    url = reverse("positions", args=[team["workspace"].pk])
    answer = recruiter.get(url, {"status": "nonsense", "q": "backend"}, HTTP_ACCEPT_LANGUAGE="en")
    body = answer.content.decode()
    assert answer.status_code == 200
    assert "Select a valid choice" in body
    assert ">Backendutvecklare</a>" in body  # the valid part of the search still applies
    position = team["position"]
    page = reverse("position", args=[position.workspace_id, position.pk])
    answer = recruiter.get(page, {"day": "2026-13-45", "after": "garbage"})
    assert answer.status_code == 200
    assert "Fyll i ett giltigt datum." in answer.content.decode()


def test_the_counts_beside_each_position_are_right(team, recruiter) -> None:
    position = team["position"]
    person = Person.objects.create(workspace=position.workspace, name="Lisa Holm")
    Application.objects.create(position=position, person=person, informed_at=timezone.now())
    body = recruiter.get(reverse("positions", args=[position.workspace_id])).content.decode()
    row = body.split(">Backendutvecklare</a>")[1].split("</tr>")[0]
    assert "<td>2</td><td>1</td>" in row


def _candidates(position: Position, count: int, stage: str = "applied") -> list[Application]:
    people = Person.objects.bulk_create(
        Person(workspace=position.workspace, name=f"Kandidat {n}") for n in range(count)
    )
    return Application.objects.bulk_create(
        Application(position=position, person=p, stage=stage) for p in people
    )


def _interviews(position: Position, applications: list[Application], first_day: int) -> None:
    start = timezone.now() + timedelta(days=first_day)
    Interview.objects.bulk_create(
        Interview(
            workspace=position.workspace,
            position=position,
            application=a,
            counterpart=a.person,
            start=start + timedelta(hours=n),
            end=start + timedelta(hours=n, minutes=45),
        )
        for n, a in enumerate(applications)
    )


def test_a_positions_candidates_page_without_losing_one(team, recruiter) -> None:
    position = team["position"]
    _candidates(position, PER_POSITION_PAGE + 5)
    url = reverse("position", args=[position.workspace_id, position.pk])
    first = recruiter.get(url).content.decode()
    cursor = _next(first, "after")
    second = recruiter.get(f"{url}?after={cursor}").content.decode()
    names = [
        part.split("<")[0]
        for body in (first, second)
        for part in body.split("<tr><td>")[1:]
        if "Kandidat" in part or "Erik Lind" in part
    ]
    assert len(names) == PER_POSITION_PAGE + 6 == len(set(names))
    assert not _next(second, "after")


def test_a_positions_candidates_by_stage_and_name(team, recruiter) -> None:
    position = team["position"]
    _candidates(position, 3, stage="interviewed")
    url = reverse("position", args=[position.workspace_id, position.pk])
    body = recruiter.get(url, {"stage": "interviewed"}).content.decode()
    assert body.count("<tr><td>Kandidat") == 3 and "<tr><td>Erik Lind" not in body
    body = recruiter.get(url, {"q": "erik"}).content.decode()
    assert "<tr><td>Erik Lind" in body and "<tr><td>Kandidat" not in body


def test_a_positions_interviews_from_a_date_by_status_soonest_first(team, recruiter) -> None:
    position = team["position"]
    applications = _candidates(position, 4)
    _interviews(position, applications[:2], first_day=-10)
    _interviews(position, applications[2:], first_day=10)
    Interview.objects.filter(counterpart__name="Kandidat 3").update(status="cancelled")
    url = reverse("position", args=[position.workspace_id, position.pk])

    def shown(**query: str) -> list[str]:
        body = recruiter.get(url, query).content.decode()
        return [p.split("<")[0] for p in body.split('<span class="title">')[1:]]

    assert shown() == ["Kandidat 2", "Kandidat 3"]  # from today on, by default
    assert shown(day="") == ["Kandidat 0", "Kandidat 1", "Kandidat 2", "Kandidat 3"]
    assert shown(day="", status="cancelled") == ["Kandidat 3"]
    assert shown(day="", q="kandidat 1") == ["Kandidat 1"]
    assert shown(day=(timezone.localdate() + timedelta(days=30)).isoformat()) == []


def test_a_positions_interviews_page_on_their_own(team, recruiter) -> None:
    position = team["position"]
    _interviews(position, _candidates(position, PER_POSITION_PAGE + 3), first_day=1)
    url = reverse("position", args=[position.workspace_id, position.pk])
    first = recruiter.get(url).content.decode()
    assert first.count('<span class="title">') == PER_POSITION_PAGE
    later = _next(first, "later")
    second = recruiter.get(f"{url}?later={later}").content.decode()
    assert second.count('<span class="title">') == 3
    assert 'span class="title">Kandidat 52<' in second


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", ["Sök", "Intervjuer från", "Äldre"]), ("en", ["Search", "Interviews from", "Older"])],
)
def test_the_position_page_speaks_the_users_language(team, recruiter, lang, words) -> None:
    position = team["position"]
    _candidates(position, PER_POSITION_PAGE + 1)
    url = reverse("position", args=[position.workspace_id, position.pk])
    body = recruiter.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert all(word in body for word in words)
