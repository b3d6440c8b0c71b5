"""The webhooks pages, in Swedish and English: add (the secret once), rotate, switch, the log."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from takt.core.events import KINDS
from takt.webhooks.delivery import RETRIES, deliver_due
from takt.webhooks.models import Attempt, Delivery, Endpoint

pytestmark = pytest.mark.django_db


def _client(team: dict[str, Any], lang: str) -> Client:
    client = Client(headers={"accept-language": lang})
    client.force_login(team["recruiter"])
    client.cookies["django_language"] = lang
    return client


@pytest.mark.parametrize(
    ("lang", "heading", "add"),
    [("sv", "Webhooks", "Lägg till webhooken"), ("en", "Webhooks", "Add the webhook")],
)
def test_the_list_page_speaks_the_readers_language(team, lang, heading, add) -> None:
    page = _client(team, lang).get(f"/w/{team['workspace'].pk}/webhooks/")
    assert page.status_code == 200
    text = page.content.decode()
    assert f"<h1>{heading}</h1>" in text and add in text
    if lang == "sv":
        assert "Kandidaten väljer en tid" in text
    else:
        assert "The candidate picks a time" in text


def test_adding_shows_the_secret_once(team, receiver) -> None:
    _, url = receiver
    client = _client(team, "sv")
    page = client.post(
        f"/w/{team['workspace'].pk}/webhooks/add/",
        {"url": url, "description": "ATS", "events": ["candidate.time_picked"]},
    )
    endpoint = Endpoint.objects.get()
    assert page.status_code == 200
    assert endpoint.secret in page.content.decode()
    assert page["Cache-Control"] == "no-store"
    assert endpoint.events == ["candidate.time_picked"]
    listed = client.get(f"/w/{team['workspace'].pk}/webhooks/").content.decode()
    assert endpoint.secret not in listed and "ATS" in listed


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "privat eller lokalt nät"), ("en", "private or local network")],
)
def test_a_private_address_is_refused_and_nothing_saved(team, lang, words) -> None:
    page = _client(team, lang).post(
        f"/w/{team['workspace'].pk}/webhooks/add/",
        {"url": "http://192.168.1.20/hook", "events": list(KINDS)},
    )
    assert page.status_code == 422
    assert words in page.content.decode()
    assert not Endpoint.objects.exists()


def test_rotate_switch_off_and_delete(team, endpoint) -> None:
    client = _client(team, "en")
    at = f"/w/{team['workspace'].pk}/webhooks/{endpoint.pk}"
    old = endpoint.secret
    page = client.post(f"{at}/rotate/")
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.previous_secret == old
    assert endpoint.secret in page.content.decode()
    assert "both the old and the new secret" in page.content.decode()
    client.post(f"{at}/switch/", {"enabled": "off"})
    endpoint.refresh_from_db()
    assert not endpoint.enabled
    client.post(f"{at}/switch/", {"enabled": "on"})
    endpoint.refresh_from_db()
    assert endpoint.enabled
    client.post(f"{at}/delete/")
    assert not Endpoint.objects.exists()


@pytest.mark.parametrize(("lang", "again"), [("sv", "Skicka igen"), ("en", "Send again")])
def test_the_log_shows_each_attempt_and_sends_again(
    team, book_interview, soon, receiver, endpoint, lang, again
) -> None:
    hears, _ = receiver
    hears.status = 500
    book_interview(soon(3))
    deliver_due()
    client = _client(team, lang)
    at = f"/w/{team['workspace'].pk}/webhooks/{endpoint.pk}/"
    text = client.get(at).content.decode()
    delivery = Delivery.objects.get()
    assert delivery.event.public_id in text
    assert "<td>500</td>" in text and "thanks" in text
    assert "&quot;type&quot;: &quot;interview.scheduled&quot;" in text
    assert again in text
    hears.status = 200
    with time_machine.travel(timezone.now() + RETRIES[0] + timedelta(seconds=1)):
        deliver_due()
        client.post(f"{at}deliveries/{delivery.pk}/send-again/")
        deliver_due()
    assert Delivery.objects.filter(state="delivered").count() == 2
    assert Attempt.objects.count() == 3
    assert hears.ids() == [delivery.event.public_id] * 3  # the 500, the retry, once more


def test_another_workspaces_endpoint_is_a_404(team, endpoint, make_user) -> None:
    from takt.core.models import Membership, Workspace

    outsider = make_user("outsider")
    own = Workspace.objects.create(name="Elsewhere", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=own, user=outsider, role="owner")
    client = Client()
    client.force_login(outsider)
    for path in ("", "rotate/", "switch/", "delete/"):
        url = f"/w/{own.pk}/webhooks/{endpoint.pk}/{path}"
        assert (client.post(url) if path else client.get(url)).status_code == 404
    assert client.get(f"/w/{team['workspace'].pk}/webhooks/").status_code == 404
    endpoint.refresh_from_db()
    assert endpoint.enabled
