"""The candidate's link: offer, pick, race, expiry, reuse, GET-safety, rate limit."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from takt.candidates import ratelimit
from takt.core.models import Change, Interview
from takt.core.templatetags.takt_tags import zone_label
from takt.hiring import employer
from takt.hiring.models import CandidateLink
from takt.outbox import links
from takt.outbox.models import Message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db


def _offer(team, interview, times=None):
    change = employer.start_offer(
        interview,
        reason_category="conflict",
        reason_text="Vår chef är bortrest.",
        actor=team["recruiter"],
    )
    times = times or employer.suggest_times(interview, now=timezone.now())[:3]
    # Some interviews here are hours away: the recruiter went past notice.short.
    employer.send_offer(change, times, actor=team["recruiter"], acknowledged=["notice.short"])
    return change, mailed_token(), times


def test_the_recruiter_offers_times_through_the_page(team, book, recruiter_client) -> None:
    interview = book()
    url = reverse("employer_offer", args=[team["workspace"].pk, interview.pk])
    started = recruiter_client.post(url, {"reason_category": "conflict", "reason_text": "Krock."})
    page = recruiter_client.get(started["Location"]).content.decode()
    keep = re.findall(r'name="keep" value="([^"]+)"', page)
    # Two times only: alternatives.too_few blocks the employer.
    few = recruiter_client.post(started["Location"], {"reason_text": "Krock.", "keep": keep[:2]})
    assert 'data-rule="alternatives.too_few"' in few.content.decode()
    assert not Message.objects.exists()
    # A time in the spring DST gap is refused next to the field.
    gap = recruiter_client.post(
        started["Location"],
        {"reason_text": "Krock.", "keep": keep[:3], "own_1": "2030-03-31T02:30"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "the clocks go forward" in gap.content.decode()
    assert 'value="2030-03-31T02:30"' in gap.content.decode()  # what was typed is kept
    sent = recruiter_client.post(
        started["Location"], {"reason_text": "Krock.", "keep": keep[:3], "seen": ["x"]}
    )
    assert sent.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.RESCHEDULE_PENDING
    message = Message.objects.get(interview=interview)
    assert "/c/" not in message.text and links.PLACEHOLDER in message.text  # made when sent
    assert len(mailed_token()) >= 40


def test_the_candidate_picks_a_time_in_their_language(team, book) -> None:
    team["candidate"].language = "en"
    team["candidate"].timezone = "Europe/London"
    team["candidate"].save()
    interview = book()
    change, token, times = _offer(team, interview)
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/c/{token}/")
    assert page.status_code == 200
    text = page.content.decode()
    # The zone is named as CLDR names it ("British Time" in Babel 2.19, "United Kingdom Time"
    # before): what matters is that it is London's name, not Stockholm's.
    with translation.override("en"):
        london, stockholm = zone_label("Europe/London"), zone_label("Europe/Stockholm")
    assert "Choose a new time" in text and f"({london})" in text and stockholm not in text
    assert "at 08:00–09:00" in text  # 09.00 in Stockholm, shown in London time
    choice = re.findall(r'name="alternative" value="(\d+)"', text)
    csrf = client.cookies["csrftoken"].value
    done = client.post(f"/c/{token}/pick/", {"alternative": choice[1], "csrfmiddlewaretoken": csrf})
    assert done.status_code == 200
    interview.refresh_from_db()
    assert interview.start == times[1][0] and interview.status == Interview.Status.SCHEDULED
    assert Change.objects.get(pk=change.pk).state == Change.State.AGREED
    confirmation = Message.objects.get(interview=interview, kind="time_confirmed")
    assert confirmation.ical_method == "REQUEST"
    # The link is spent now: a second use is refused, and nothing moves again.
    again = client.post(
        f"/c/{token}/pick/", {"alternative": choice[0], "csrfmiddlewaretoken": csrf}
    )
    assert again.status_code == 410


def test_a_post_without_csrf_is_refused(team, book) -> None:
    interview = book()
    _change, token, _times = _offer(team, interview)
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/c/{token}/pick/", {"alternative": "1"}).status_code == 403


def test_opening_the_link_changes_nothing(team, book) -> None:
    interview = book()
    change, token, _times = _offer(team, interview)
    before = (interview.sequence, Change.objects.get(pk=change.pk).state, Message.objects.count())
    for path in ("", "cancel/", "reschedule/", "pick/", "other-times/"):
        Client().get(f"/c/{token}/{path}")
    interview.refresh_from_db()
    link = CandidateLink.objects.get()
    assert link.used_at is None
    assert (
        interview.sequence,
        Change.objects.get(pk=change.pk).state,
        Message.objects.count(),
    ) == before


def test_two_candidates_race_for_one_time_and_exactly_one_wins(
    team, book, second_candidate
) -> None:
    person, application = second_candidate
    first = book(hours_ahead=72)
    second = book(hours_ahead=96, person=person, application=application)
    times = employer.suggest_times(first, now=timezone.now())[:3]
    _c1, token1, _ = _offer(team, first, times)
    _c2, token2, _ = _offer(team, second, times)
    pick = {}
    for token in (token1, token2):
        pick[token] = re.findall(
            r'name="alternative" value="(\d+)"', Client().get(f"/c/{token}/").content.decode()
        )[0]
    won = Client().post(f"/c/{token1}/pick/", {"alternative": pick[token1]})
    # Had the second page been filtered a moment earlier, the database itself refuses.
    from takt.candidates.services import choose_time
    from takt.core.booking import DoubleBooking
    from takt.hiring.links import open_link

    opened = open_link(token2, now=timezone.now())
    with pytest.raises(DoubleBooking):
        choose_time(opened.link, int(pick[token2]), now=timezone.now())
    lost = Client().post(f"/c/{token2}/pick/", {"alternative": pick[token2]})
    assert won.status_code == 200
    assert lost.status_code == 409
    body = lost.content.decode()
    assert "booked that time a moment ago" in body  # Maja Holm reads English
    # The loser sees the remaining times, and can take one of them.
    remaining = re.findall(r'name="alternative" value="(\d+)"', body)
    assert len(remaining) == 2 and pick[token2] not in remaining
    assert Client().post(f"/c/{token2}/pick/", {"alternative": remaining[0]}).status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.start == times[0][0] and second.start == times[1][0]


def test_an_expired_link_and_a_changed_interview_are_dead(team, book) -> None:
    interview = book()
    _change, token, _ = _offer(team, interview)
    CandidateLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get(f"/c/{token}/").status_code == 410
    CandidateLink.objects.update(expires_at=timezone.now() + timedelta(days=1))
    assert Client().get(f"/c/{token}/").status_code == 200
    Interview.objects.filter(pk=interview.pk).update(sequence=interview.sequence + 1)
    assert Client().get(f"/c/{token}/").status_code == 410


def test_only_the_hash_is_stored_and_unknown_tokens_are_404(team, book) -> None:
    interview = book()
    _change, token, _ = _offer(team, interview)
    assert not CandidateLink.objects.filter(token_hash=token).exists()
    assert Client().get(f"/c/{token[:-2]}xx/").status_code == 404


def test_the_rate_limit_answers_429(team, book) -> None:
    interview = book()
    _change, token, _ = _offer(team, interview)
    client = Client()
    codes = [client.get(f"/c/{token}/").status_code for _ in range(ratelimit.LIMIT + 1)]
    assert codes[: ratelimit.LIMIT] == [200] * ratelimit.LIMIT
    assert codes[-1] == 429


def test_the_candidate_asks_for_other_times(team, book) -> None:
    interview = book()
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    change, token, _ = _offer(team, interview)
    bad = Client().post(f"/c/{token}/other-times/", {"note": ""})
    assert bad.status_code == 400
    ok = Client().post(f"/c/{token}/other-times/", {"note": "Tisdagar efter kl. 13 passar."})
    assert ok.status_code == 200
    assert Change.objects.get(pk=change.pk).state == Change.State.DECLINED
    note = Message.objects.get(recipient_email="anna@norrsken.example")
    assert "Tisdagar efter kl. 13" in note.text


def test_the_candidate_cancels_with_coaching(team, book) -> None:
    interview = book(hours_ahead=10)
    team["recruiter"].email = "anna@norrsken.example"
    team["recruiter"].save()
    _change, token, _ = _offer(team, interview)
    from takt.core.models import Membership

    Membership.objects.filter(user=team["recruiter"]).update(phone="+46 8 555 010 00")
    page = Client().get(f"/c/{token}/cancel/").content.decode()
    assert "tel:+468555" in page  # under 24 hours: the recruiter's phone comes first
    missing = Client().post(f"/c/{token}/cancel/", {"reason_category": "other_offer"})
    assert 'data-rule="reason.missing"' in missing.content.decode()
    warned = Client().post(
        f"/c/{token}/cancel/",
        {"reason_category": "other_offer", "reason_text": "Jag har tackat ja till ett annat jobb."},
    )
    assert 'data-rule="notice.short"' in warned.content.decode()
    seen = re.findall(r'name="seen" value="([^"]+)"', warned.content.decode())
    done = Client().post(
        f"/c/{token}/cancel/",
        {
            "reason_category": "other_offer",
            "reason_text": "Jag har tackat ja till ett annat jobb.",
            "seen": seen,
        },
    )
    assert done.status_code == 200
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    team["application"].refresh_from_db()
    assert team["application"].stage == "withdrawn"
    # Both calendars drop the interview: a CANCEL with the new SEQUENCE, to each side.
    for kind, to in (
        ("candidate_cancel", "anna@norrsken.example"),
        ("cancel_received", "erik@example.se"),
    ):
        sent = Message.objects.get(interview=interview, kind=kind)
        assert sent.recipient_email == to
        assert sent.ical_method == "CANCEL"
        assert "METHOD:CANCEL" in sent.ical and "STATUS:CANCELLED" in sent.ical
        assert f"SEQUENCE:{interview.sequence}" in sent.ical


def test_the_candidate_asks_to_reschedule(team, book) -> None:
    interview = book(hours_ahead=72)
    _change, token, _ = _offer(team, interview)
    later = (timezone.now() + timedelta(days=10)).strftime("%Y-%m-%dT10:00")
    later2 = (timezone.now() + timedelta(days=11)).strftime("%Y-%m-%dT10:00")
    data = {
        "reason_category": "illness",
        "reason_text": "Jag har feber.",
        "other_plans_movable": "no",
        "time_1": later,
        "time_2": later2,
    }
    done = Client().post(f"/c/{token}/reschedule/", data)
    # Ill, the other plan cannot move, two times well ahead: nothing to go past, sent at once.
    assert done.status_code == 200
    assert 'name="seen"' not in done.content.decode()
    assert "Tack" in done.content.decode()  # Erik reads Swedish
    change = Change.objects.get(interview=interview, side="candidate")
    assert change.alternatives.count() == 2


def test_a_language_the_candidate_chose_wins_over_the_one_on_file(team, book) -> None:
    interview = book()  # the candidate is Swedish
    _, token, _ = _offer(team, interview)
    client = Client()
    assert "Välj en ny tid" in client.get(f"/c/{token}/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": f"/c/{token}/"})
    assert "Choose a new time" in client.get(f"/c/{token}/").content.decode()


def test_the_rate_limit_is_counted_in_the_database_every_web_process_shares(team, book) -> None:
    from django.db import connection
    from django.test import RequestFactory

    request = RequestFactory().get("/c/x/", REMOTE_ADDR="203.0.113.9")
    for _ in range(ratelimit.LIMIT):
        assert ratelimit.allow(request, "some-token")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM takt_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any("link-rate" in key for key in keys)
    assert ratelimit.allow(request, "some-token") is False
