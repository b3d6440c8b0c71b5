"""The candidate's own words on the change page, set against every interviewer's calendar."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.calendars.models import BusyTime, CalendarSource
from takt.core.models import Change, Interview
from takt.hiring import employer, receiving
from takt.outbox.models import Message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")
FRIDAY_AFTER_LUNCH = "Ingen av tiderna passar tyvärr. Jag kan fredag efter lunch."


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 5, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


def _asks_other_times(team, interview, note: str = FRIDAY_AFTER_LUNCH) -> None:
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    token = mailed_token()
    answered = Client().post(f"/c/{token}/other-times/", {"note": note})
    assert answered.status_code == 200


def _busy(team, user, start: datetime, end: datetime) -> None:
    source = CalendarSource.objects.create(
        workspace=team["workspace"], owner=user, kind="ics_file", name="Jobb"
    )
    BusyTime.objects.create(source=source, start=start, end=end)


def _start_offer(team, client, interview, lang: str = "sv") -> str:
    url = reverse("employer_offer", args=[team["workspace"].pk, interview.pk])
    started = client.post(
        url, {"reason_category": "conflict", "reason_text": "Krock."}, HTTP_ACCEPT_LANGUAGE=lang
    )
    assert started.status_code == 302
    return started["Location"]


def test_it_shows_what_the_candidate_means_against_every_calendar(
    team, book, recruiter_client
) -> None:
    interview = book()
    _busy(team, team["colleague"], _at(8, 14), _at(8, 15))
    _asks_other_times(team, interview)
    page = recruiter_client.get(_start_offer(team, recruiter_client, interview)).content.decode()
    assert "Erik kan fredag 8 maj kl. 13.00–17.00" in page
    assert FRIDAY_AFTER_LUNCH in page
    offered = re.findall(r'name="only" value="([^"]+)"', page)
    # 14–15 is the colleague's: it is left out; the rest of the afternoon is one click each.
    assert offered == [_at(8, h).isoformat() for h in (13, 15, 16)]
    ticked = re.findall(r'name="keep" value="([^"]+)" checked', page)
    assert ticked == offered


def test_it_speaks_english_to_an_english_recruiter(team, book, recruiter_client) -> None:
    interview = book()
    _asks_other_times(team, interview, "None of those work. Could we do Friday between 1 and 3pm?")
    location = _start_offer(team, recruiter_client, interview, "en")
    page = recruiter_client.get(location, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Erik can Friday 8 May, 13:00–15:00" in page
    assert "Offer this time" in page


def test_one_click_offers_the_candidates_time_when_the_team_allows_one(
    team, book, recruiter_client
) -> None:
    team["workspace"].policy = {"min_alternatives_employer": 1}
    team["workspace"].save()
    interview = book()
    _asks_other_times(team, interview)
    location = _start_offer(team, recruiter_client, interview)
    page = recruiter_client.get(location).content.decode()
    first = re.findall(r'name="only" value="([^"]+)"', page)[0]
    sent = recruiter_client.post(location, {"reason_text": "Krock.", "only": first})
    assert sent.status_code == 302
    change = Change.objects.get(pk=int(location.rstrip("/").rsplit("/", 1)[1]))
    assert [(a.start, a.end) for a in change.alternatives.all()] == [(_at(8, 13), _at(8, 14))]
    assert change.state == Change.State.SENT
    assert Interview.objects.get(pk=interview.pk).status == Interview.Status.RESCHEDULE_PENDING


def test_the_rules_still_hold_one_click_to_three_times(team, book, recruiter_client) -> None:
    interview = book()
    _asks_other_times(team, interview)
    location = _start_offer(team, recruiter_client, interview)
    page = recruiter_client.get(location).content.decode()
    first = re.findall(r'name="only" value="([^"]+)"', page)[0]
    refused = recruiter_client.post(location, {"reason_text": "Krock.", "only": first})
    assert refused.status_code == 200
    assert 'data-rule="alternatives.too_few"' in refused.content.decode()
    before = Message.objects.count()
    # The ticked times are the candidate's afternoon: one click sends them all.
    ticked = re.findall(r'name="keep" value="([^"]+)" checked', page)
    sent = recruiter_client.post(location, {"reason_text": "Krock.", "keep": ticked})
    assert sent.status_code == 302
    assert Message.objects.count() == before + 1


def test_no_free_interviewer_says_so(team, book, recruiter_client) -> None:
    interview = book()
    _busy(team, team["recruiter"], _at(8, 12), _at(8, 18))
    _asks_other_times(team, interview)
    page = recruiter_client.get(_start_offer(team, recruiter_client, interview)).content.decode()
    assert "Erik kan fredag 8 maj" in page
    assert 'name="only"' not in page
    assert "Ingen intervjuare är ledig" in page


def test_words_that_say_no_time_are_shown_as_unclear(team, book, recruiter_client) -> None:
    interview = book()
    _asks_other_times(team, interview, "Jag återkommer när jag vet mer.")
    page = recruiter_client.get(_start_offer(team, recruiter_client, interview)).content.decode()
    assert "Takt kan inte avgöra vad Erik menar" in page
    assert 'name="only"' not in page


def test_a_moved_interview_leaves_the_old_words_behind(team, book) -> None:
    interview = book()
    _asks_other_times(team, interview)
    assert receiving.latest_proposal(interview, now=timezone.now()) is not None
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    slots = receiving.latest_proposal(interview, now=timezone.now()).slots  # type: ignore[union-attr]
    employer.send_offer(change, slots[:3], actor=team["recruiter"])
    token = mailed_token()
    page = Client().get(f"/c/{token}/").content.decode()
    pick = re.findall(r'name="alternative" value="(\d+)"', page)[0]
    assert Client().post(f"/c/{token}/pick/", {"alternative": pick}).status_code == 200
    assert receiving.latest_proposal(interview, now=timezone.now()) is None


def test_free_slots_keep_to_the_quarter_hour_and_the_gaps() -> None:
    hour = timedelta(hours=1)
    windows = [(_at(8, 13).replace(minute=5), _at(8, 17))]
    busy = [(_at(8, 15), _at(8, 15).replace(minute=30))]
    assert receiving.free_slots(windows, busy, hour) == [
        (_at(8, 13).replace(minute=15), _at(8, 14).replace(minute=15)),
        (_at(8, 15).replace(minute=30), _at(8, 16).replace(minute=30)),
    ]
