"""The API tokens page clicked through: from the navigation, create, see the key once, revoke."""

import re

import pytest
from playwright.sync_api import expect

from takt.api.models import ApiToken
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        (
            "sv-SE",
            {
                "nav": "API-nycklar",
                "name": "Namn",
                "create": "Skapa nyckeln",
                "new": "Din nya nyckel",
                "revoke": "Återkalla skript",
                "none": "Du har inga nycklar.",
            },
        ),
        (
            "en-GB",
            {
                "nav": "API tokens",
                "name": "Name",
                "create": "Create the token",
                "new": "Your new token",
                "revoke": "Revoke skript",
                "none": "You have no tokens.",
            },
        ),
    ],
)
def test_a_person_creates_and_revokes_a_token(
    new_page, shot, make_user, locale: str, words: dict[str, str]
) -> None:
    make_user("sara")
    page = new_page(locale=locale)
    sign_in(page, "sara")
    page.get_by_role("link", name=words["nav"]).click()
    expect(page.get_by_text(words["none"])).to_be_visible()
    page.get_by_label(words["name"], exact=True).fill("skript")
    page.get_by_role("button", name=words["create"]).click()
    expect(page.get_by_role("heading", name=words["new"])).to_be_visible()
    key = page.locator("#new-key").inner_text()
    assert re.fullmatch(r"takt_[\w-]{40,}", key)
    assert ApiToken.objects.filter(name="skript").exists()
    shot(page, "created")
    page.goto("/account/api-tokens/")
    expect(page.locator("#new-key")).to_have_count(0)
    page.get_by_role("button", name=words["revoke"]).click()
    expect(page.get_by_text(words["none"])).to_be_visible()
    shot(page, "revoked")
    assert not ApiToken.objects.exists()
