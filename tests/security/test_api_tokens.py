"""API tokens: a name, an optional expiry, a last-used time; the owner lists, creates, revokes."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.api.models import ApiToken

pytestmark = pytest.mark.django_db
CHECK = '{"action": "cancel", "side": "candidate", "now": "2026-05-04T10:00:00+02:00"}'


def _call(key: str) -> int:
    return (
        Client()
        .post(
            "/api/v1/check",
            CHECK,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )
        .status_code
    )


def _signed_in(make_user, name: str = "sara") -> tuple[Client, object]:
    user = make_user(name)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client, user


def test_the_owner_creates_a_token_and_sees_its_key_once(make_user) -> None:
    client, user = _signed_in(make_user)
    made = client.post(reverse("api_tokens"), {"name": "calendar script", "lifetime": "30"})
    page = made.content.decode()
    key = re.search(r'<code id="new-key">(takt_[\w-]+)</code>', page).group(1)
    assert made["Cache-Control"] == "private, no-store"
    token = ApiToken.objects.get(user=user)
    assert token.name == "calendar script" and token.key_hash != key
    assert token.expires_at == pytest.approx(
        timezone.now() + timedelta(days=30), abs=timedelta(minutes=1)
    )
    assert key not in client.get(reverse("api_tokens")).content.decode()
    assert "calendar script" in client.get(reverse("api_tokens")).content.decode()
    assert _call(key) == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "Not yet" not in client.get(reverse("api_tokens")).content.decode()


def test_an_expired_token_opens_nothing(make_user) -> None:
    client, user = _signed_in(make_user)
    _token, key = ApiToken.issue(user, "short", timezone.now() + timedelta(days=1))
    assert _call(key) == 200
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        assert _call(key) == 401
        assert "Expired" in client.get(reverse("api_tokens")).content.decode()


def test_a_token_without_expiry_lives_until_revoked(make_user) -> None:
    client, user = _signed_in(make_user)
    client.post(reverse("api_tokens"), {"name": "forever", "lifetime": ""})
    token = ApiToken.objects.get(user=user)
    assert token.expires_at is None
    answer = client.post(reverse("api_token_revoke", args=[token.pk]), follow=True)
    assert "is revoked" in answer.content.decode()
    assert not ApiToken.objects.exists()


def test_nobody_sees_or_revokes_another_persons_token(make_user) -> None:
    _client, owner = _signed_in(make_user, "sara")
    token, key = ApiToken.issue(owner, "sara's script")
    other, _user = _signed_in(make_user, "eve")
    assert "sara&#x27;s script" not in other.get(reverse("api_tokens")).content.decode()
    assert other.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert other.get(reverse("api_token_revoke", args=[token.pk])).status_code == 405
    assert _call(key) == 200


def test_a_name_with_a_line_break_is_refused(make_user) -> None:
    client, _user = _signed_in(make_user)
    page = client.post(reverse("api_tokens"), {"name": "x\r\ny", "lifetime": "30"})
    assert "on one line" in page.content.decode() and not ApiToken.objects.exists()


def test_the_page_needs_a_sign_in() -> None:
    assert Client().get(reverse("api_tokens")).status_code == 302
