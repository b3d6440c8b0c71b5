"""A recruiter tightens the notice rule in English, and a bad value is refused in Swedish."""

import re

import pytest
from playwright.sync_api import expect

from takt.core.demo import PASSWORD, load_demo
from takt.core.models import Workspace
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_recruiter_asks_for_48_hours_notice(new_page, shot) -> None:
    load_demo()
    page = new_page()
    page.goto("/login/")
    page.get_by_role("button", name="English").click()
    sign_in(page, "anna", PASSWORD)
    page.get_by_role("link", name="Rules").click()
    expect(page.get_by_role("heading", name="How strict the rules are")).to_be_visible()
    shot(page, "rules")
    page.get_by_label("Minimum notice (hours)").fill("48")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_role("status")).to_contain_text("The settings are saved.")
    expect(page.get_by_label("Minimum notice (hours)")).to_have_value(re.compile(r"^48(\.0+)?$"))
    shot(page, "saved")
    assert Workspace.objects.get(name="Norrsken AB").policy == {"min_notice_hours": 48.0}


def test_a_bad_value_is_refused_next_to_the_field_in_swedish(new_page, shot) -> None:
    load_demo()
    page = new_page()
    sign_in(page, "anna", PASSWORD)
    page.get_by_role("link", name="Regler").click()
    page.get_by_label("Tider som en arbetsgivare föreslår").fill("0")
    page.get_by_role("button", name="Spara inställningarna").click()
    expect(page.locator(".errorlist")).to_contain_text("större än eller lika med 1")
    expect(page.get_by_label("Tider som en arbetsgivare föreslår")).to_have_value("0")
    shot(page, "refused")
    assert Workspace.objects.get(name="Norrsken AB").policy == {}
