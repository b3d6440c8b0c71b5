"""Sign-in to the dashboard, in Swedish and in English, as a person would click through it."""

import re

import pytest
from playwright.sync_api import expect

from takt.core.demo import PASSWORD, load_demo
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_shows_the_dashboard_in_swedish(new_page, shot) -> None:
    load_demo()
    page = new_page()
    page.goto("/")
    expect(page.get_by_role("heading", name="Logga in på Takt")).to_be_visible()
    shot(page, "sign-in")
    sign_in(page, "sara", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Saras jobbsök")
    expect(page.get_by_role("heading", name="Kommande intervjuer")).to_be_visible()
    expect(page.get_by_text("Fjällbrand AB").first).to_be_visible()
    shot(page, "dashboard")


def test_sign_in_shows_the_dashboard_in_english(new_page, shot) -> None:
    load_demo()
    page = new_page()
    page.goto("/login/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Sign in to Takt")).to_be_visible()
    shot(page, "sign-in")
    sign_in(page, "anna", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Norrsken AB")
    expect(page.get_by_role("heading", name="Upcoming interviews")).to_be_visible()
    shot(page, "dashboard")
    page.get_by_role("link", name="Positions").click()
    expect(page.get_by_role("link", name="Backendutvecklare")).to_be_visible()
    shot(page, "positions")


def test_a_wrong_password_says_so_and_keeps_the_user_name(new_page, shot) -> None:
    load_demo()
    page = new_page()
    sign_in(page, "sara", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text(re.compile("stämmer inte"))
    expect(page.get_by_label("Användarnamn")).to_have_value("sara")
    shot(page, "wrong-password")
