"""GET/POST /api/v1/workspaces/{id}/interviews: list, book, read, scoped to the caller."""

from datetime import timedelta

import pytest
from django.utils import timezone

from takt.core.models import Interview

pytestmark = pytest.mark.django_db


def _booking(team, start, **extra):
    return {
        "start": start.isoformat(),
        "minutes": 60,
        "timezone": "Europe/Stockholm",
        "position_id": team["position"].pk,
        "application_id": team["application"].pk,
        **extra,
    }


def test_it_books_through_the_verb_and_answers_201(team, recruiter_api, soon) -> None:
    ws = team["workspace"].pk
    response = recruiter_api.post(f"/workspaces/{ws}/interviews", _booking(team, soon(3)))
    assert response.status_code == 201, response.content
    body = response.json()
    interview = Interview.objects.get(pk=body["id"])
    assert interview.counterpart == team["candidate"]
    assert list(interview.interviewers.all()) == [team["recruiter"]]
    # No calendar connected: Tip 2 could not be checked, and the answer says so.
    assert "schedule.unchecked" in [f["rule"] for f in body["findings"]]


def test_a_double_booking_answers_409_and_books_nothing(team, recruiter_api, soon) -> None:
    ws = team["workspace"].pk
    assert (
        recruiter_api.post(f"/workspaces/{ws}/interviews", _booking(team, soon(3))).status_code
        == 201
    )
    again = recruiter_api.post(f"/workspaces/{ws}/interviews", _booking(team, soon(3)))
    assert again.status_code == 409
    assert Interview.objects.count() == 1


def test_a_time_without_offset_is_a_422(team, recruiter_api, soon) -> None:
    body = _booking(team, soon(3))
    body["start"] = "2026-05-12T10:00:00"
    response = recruiter_api.post(f"/workspaces/{team['workspace'].pk}/interviews", body)
    assert response.status_code == 422
    assert not Interview.objects.exists()


def test_it_reads_one_and_lists_by_cursor_and_updated_since(
    team, recruiter_api, book_interview, soon
) -> None:
    booked = [book_interview(soon(days)) for days in (2, 3, 4)]
    ws = team["workspace"].pk
    assert recruiter_api.get(f"/workspaces/{ws}/interviews/{booked[0].pk}").json()["id"] == (
        booked[0].pk
    )
    first = recruiter_api.get(f"/workspaces/{ws}/interviews", limit=2).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = recruiter_api.get(f"/workspaces/{ws}/interviews", cursor=first["next_cursor"]).json()
    seen = [i["id"] for i in first["items"] + rest["items"]]
    assert sorted(seen) == sorted(i.pk for i in booked) and rest["next_cursor"] == ""
    later = timezone.now() + timedelta(hours=1)
    Interview.objects.filter(pk=booked[1].pk).update(updated_at=later)
    since = recruiter_api.get(f"/workspaces/{ws}/interviews", updated_since=later.isoformat())
    assert [i["id"] for i in since.json()["items"]] == [booked[1].pk]


def test_another_workspaces_ids_answer_404(team, recruiter_api, stranger, soon) -> None:
    from takt.core.schedule import schedule_interview

    theirs = schedule_interview(
        workspace=stranger["workspace"],
        counterpart=stranger["person"],
        start=soon(2),
        end=soon(2) + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[stranger["user"]],
        actor=stranger["user"],
    )
    mine, other = team["workspace"].pk, stranger["workspace"].pk
    assert recruiter_api.get(f"/workspaces/{other}/interviews").status_code == 404
    assert recruiter_api.get(f"/workspaces/{mine}/interviews/{theirs.pk}").status_code == 404
    assert recruiter_api.post(f"/workspaces/{other}/interviews", {}).status_code in (404, 422)


def test_a_caller_without_a_token_gets_401(team, soon) -> None:
    from django.test import Client

    response = Client().get(f"/api/v1/workspaces/{team['workspace'].pk}/interviews")
    assert response.status_code == 401


def test_a_job_seeker_adds_an_interview_with_its_contact(seeker, soon) -> None:
    body = {
        "start": soon(5).isoformat(),
        "timezone": "Europe/Stockholm",
        "company": "Norrsken AB",
        "role": "Backendutvecklare",
        "contact": {"name": "Anna Berg", "email": "anna@norrsken.example", "phone": "+468555"},
    }
    response = seeker["api"].post(f"/workspaces/{seeker['workspace'].pk}/interviews", body)
    assert response.status_code == 201, response.content
    assert response.json()["counterpart"]["name"] == "Anna Berg"


def test_it_lists_only_the_callers_workspaces(team, recruiter_api, stranger) -> None:
    listed = recruiter_api.get("/workspaces").json()
    assert listed == [{"id": team["workspace"].pk, "name": "Norrsken AB", "kind": "team"}]
