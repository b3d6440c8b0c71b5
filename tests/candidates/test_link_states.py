"""A candidate link's life, state by state: live, expired at its instant, used, changed."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from takt.core.models import Interview
from takt.hiring.links import issue_link, open_link
from takt.hiring.models import CandidateLink

pytestmark = pytest.mark.django_db


def _link(interview: Interview, now):
    token, url = issue_link(interview, None, now=now)
    assert url.endswith(f"/c/{token}/")
    return token


def test_a_link_is_live_until_its_expiry_and_expired_at_that_very_instant(book) -> None:
    now = timezone.now()
    token = _link(book(), now)
    expires = CandidateLink.objects.get().expires_at
    assert expires == now + timedelta(days=14)  # the default when nothing else is set
    assert open_link(token, now=expires - timedelta(microseconds=1)).state == "live"
    assert open_link(token, now=expires).state == "expired"


@override_settings(TAKT_LINK_EXPIRY_HOURS=2)
def test_the_expiry_follows_the_setting(book) -> None:
    now = timezone.now()
    token = _link(book(), now)
    assert CandidateLink.objects.get().expires_at == now + timedelta(hours=2)
    assert open_link(token, now=now + timedelta(hours=1, minutes=59)).state == "live"
    assert open_link(token, now=now + timedelta(hours=2)).state == "expired"


def test_a_used_link_is_spent_even_though_the_interview_did_not_change(book) -> None:
    interview = book()
    now = timezone.now()
    token = _link(interview, now)
    CandidateLink.objects.update(used_at=now, used_for="other_times")
    interview.refresh_from_db()
    opened = open_link(token, now=now)
    assert opened is not None and opened.link.sequence == interview.sequence
    assert opened.state == "used" and not opened.live
    assert Client().get(f"/c/{token}/").status_code == 410


def test_a_link_to_an_interview_that_moved_on_is_changed(book) -> None:
    interview = book()
    now = timezone.now()
    token = _link(interview, now)
    Interview.objects.filter(pk=interview.pk).update(sequence=interview.sequence + 1)
    assert open_link(token, now=now).state == "changed"
