"""Each verb writes its event with the change, and the receiver gets it signed and verified."""

from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from takt.api.webhook_events import DATA
from takt.candidates import services as candidate
from takt.core.models import Event
from takt.core.rules import Blocked
from takt.hiring import employer, positions
from takt.hiring.links import open_link
from takt.webhooks.delivery import deliver_due
from takt.webhooks.models import Delivery, Endpoint
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db


def _offer(team: dict[str, Any], interview: Any) -> Any:
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Vår chef är bortrest.",
        actor=team["recruiter"],
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"], acknowledged=["notice.short"])
    opened = open_link(mailed_token(), now=timezone.now())
    assert opened is not None
    return change, opened.link


def _received(receiver: Any) -> list[dict[str, Any]]:
    hears, _ = receiver
    deliver_due()
    assert hears.refused == []
    bodies = [r.body for r in hears.accepted]
    for body in bodies:  # each as the OpenAPI schema's `webhooks` documents it
        DATA[body["type"]].model_validate(body["data"], strict=False)
    return bodies


def test_booking_an_interview_posts_interview_scheduled(team, book, receiver, endpoint) -> None:
    interview = book()
    [body] = _received(receiver)
    assert body["type"] == "interview.scheduled"
    assert body["data"]["interview"]["uid"] == interview.uid
    assert body["data"]["workspace_id"] == team["workspace"].pk
    hears, _ = receiver
    assert hears.accepted[0].id == Event.objects.get().public_id
    assert Delivery.objects.get().state == Delivery.State.DELIVERED


def test_an_offer_and_the_candidates_pick_post_in_order(team, book, receiver, endpoint) -> None:
    interview = book()
    change, link = _offer(team, interview)
    first = change.alternatives.order_by("start").first()
    candidate.choose_time(link, first.pk, now=timezone.now())
    bodies = _received(receiver)
    assert [b["type"] for b in bodies] == [
        "interview.scheduled",
        "change.opened",
        "change.closed",
        "interview.rescheduled",
        "candidate.time_picked",
    ]
    picked = bodies[-1]["data"]
    assert picked["chosen"]["start"] == first.start.isoformat()
    assert picked["change_id"] == change.pk
    assert bodies[2]["data"]["change"]["state"] == "agreed"
    assert bodies[3]["data"]["previous"]["start"] == interview.start.isoformat()


def test_asking_for_other_times_posts_the_note_and_its_reading(
    team, book, receiver, endpoint
) -> None:
    _change, link = _offer(team, book())
    candidate.ask_other_times(link, "Jag kan på fredag efter lunch.", now=timezone.now())
    bodies = _received(receiver)
    kinds = [b["type"] for b in bodies]
    assert kinds[-3:] == [
        "change.closed",
        "candidate.other_times_asked",
        "candidate.reply_received",
    ]
    asked = bodies[-2]["data"]
    assert asked["note"] == "Jag kan på fredag efter lunch."
    assert asked["reading"]["intent"]
    assert bodies[-1]["data"]["channel"] == "link"


def test_an_employer_cancel_says_who_why_and_that_a_new_time_is_sought(
    team, book, receiver, endpoint
) -> None:
    interview = book()
    change = employer.start_cancel(
        interview,
        reason_category="illness",
        reason_text="Intervjuaren är sjuk.",
        emergency=True,
        actor=team["recruiter"],
    )
    employer.send_cancellation(change, actor=team["recruiter"], acknowledged=["notice.short"])
    cancelled = [b for b in _received(receiver) if b["type"] == "interview.cancelled"]
    assert len(cancelled) == 1
    data = cancelled[0]["data"]
    assert data["cancelled_by"] == "employer"
    assert data["reason_category"] == "illness"
    assert data["reason_text"] == "Intervjuaren är sjuk."
    assert data["emergency"] is True
    assert data["new_time_sought"] is True
    assert data["interview"]["status"] == "cancelled"


def test_a_candidate_cancel_is_told_apart_from_a_reschedule(team, book, receiver, endpoint) -> None:
    _change, link = _offer(team, book())
    candidate.cancel_by_candidate(
        link,
        reason_category="other_offer",
        reason_text="Jag har tackat ja till ett annat jobb.",
        now=timezone.now(),
        acknowledged=["notice.short"],
    )
    cancelled = [b for b in _received(receiver) if b["type"] == "interview.cancelled"]
    assert cancelled[0]["data"]["cancelled_by"] == "candidate"
    assert cancelled[0]["data"]["new_time_sought"] is False


def test_filling_and_closing_a_position_post_both(team, book, receiver, endpoint) -> None:
    now = timezone.now()
    positions.mark_filled(team["position"], hired=None, actor=team["recruiter"], now=now)
    positions.inform_all(team["position"], actor=team["recruiter"], now=now)
    positions.finish_closing(team["position"], actor=team["recruiter"], now=now, lang="sv")
    kinds = [b["type"] for b in _received(receiver)]
    assert kinds == ["position.filled", "position.closed"]


def test_a_verb_the_rules_refuse_writes_no_event(team, book, receiver, endpoint) -> None:
    interview = book()
    Event.objects.all().delete()
    Delivery.objects.all().delete()
    one_time = employer.suggest_times(interview, now=timezone.now())[:1]
    # As the API and the pages run it: the draft and the offer in one transaction.
    with pytest.raises(Blocked) as refused, transaction.atomic():
        change = employer.start_offer(
            interview,
            reason_category="conflict",
            reason_text="Vår chef är bortrest.",
            actor=team["recruiter"],
        )
        employer.send_offer(
            change, one_time, actor=team["recruiter"], acknowledged=["notice.short"]
        )
    assert "alternatives.too_few" in {f.rule for f in refused.value.blocking}
    assert not Event.objects.exists()
    assert not Delivery.objects.exists()
    assert _received(receiver) == []


def test_an_endpoint_hears_only_the_kinds_it_chose(team, book, receiver, endpoint) -> None:
    Endpoint.objects.filter(pk=endpoint.pk).update(events=["candidate.time_picked"])
    interview = book()
    change, link = _offer(team, interview)
    candidate.choose_time(link, change.alternatives.first().pk, now=timezone.now())
    assert [b["type"] for b in _received(receiver)] == ["candidate.time_picked"]


def test_another_workspaces_events_are_not_posted(team, book, receiver, endpoint) -> None:
    from takt.core.models import Workspace

    other = Workspace.objects.create(name="Other AB", kind=Workspace.Kind.TEAM)
    Endpoint.objects.filter(pk=endpoint.pk).update(workspace=other)
    book()
    assert _received(receiver) == []
