"""The job seeker's journeys in a phone-sized Chromium, in Swedish and English, a shot per step."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from takt.core.demo import PASSWORD, load_demo
from takt.core.models import Change, ContactAttempt, Interview
from takt.outbox.models import Message
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _interview(company: str, hours_ahead: float, at_hour: int | None = None) -> Interview:
    """The demo interview with this company, moved to a known distance from now."""
    interview = Interview.objects.get(company=company)
    start = (timezone.now() + timedelta(hours=hours_ahead)).replace(second=0, microsecond=0)
    if at_hour is not None:  # a fixed clock time, so times after it stay on the same day
        start = start.astimezone(interview.zone).replace(hour=at_hour, minute=0)
    end = start + (interview.end - interview.start)
    Interview.objects.filter(pk=interview.pk).update(start=start, end=end)
    interview.bookings.update(start=start, end=end)
    interview.refresh_from_db()
    return interview


def _local(hours_ago: float) -> str:
    """The person's own wall-clock time, as typed into a date-and-time field."""
    return timezone.localtime(timezone.now() - timedelta(hours=hours_ago)).strftime(
        "%Y-%m-%dT%H:%M"
    )


def _english(page) -> None:
    page.goto("/login/")
    switch = page.get_by_role("button", name="English")
    if switch.count():  # an English browser already gets English pages
        switch.click()
    expect(page.get_by_role("heading", name="Sign in to Takt")).to_be_visible()


def test_reschedule_in_swedish_calls_twice_then_e_mails(new_page, shot) -> None:
    load_demo()
    interview = _interview("Fjällbrand AB", 24 * 5)
    page = new_page()
    sign_in(page, "sara", PASSWORD)
    page.goto(interview.get_absolute_url())
    shot(page, "interview")
    page.get_by_role("link", name="Boka om intervjun").click()

    expect(page.locator("ol.steps li[aria-current]")).to_have_text("1. Varför")
    page.get_by_label("Vad har hänt?").select_option("leisure")
    page.get_by_label("Säg det med en mening").fill("Jag ska på en helgresa med vänner.")
    found_out = _local(hours_ago=20)
    page.get_by_label("När fick du veta det?").fill(found_out)
    page.get_by_label("Nej, det går inte att flytta").check()
    page.get_by_role("button", name="Spara och fortsätt").click()
    expect(page.locator('[data-rule="reason.leisure"]')).to_be_visible()
    delayed = page.locator('[data-rule="notice.delayed"]')
    expect(delayed).to_contain_text("Du har vetat om det här i 20 timmar")
    expect(delayed).to_contain_text("Hör av dig nu")
    expect(page.get_by_label("Säg det med en mening")).to_have_value(
        "Jag ska på en helgresa med vänner."
    )
    expect(page.get_by_label("När fick du veta det?")).to_have_value(found_out)
    shot(page, "why-leisure-and-delay-warnings")
    page.get_by_label("Vad har hänt?").select_option("conflict")
    page.get_by_label("Säg det med en mening").fill("Jag är kallad som vittne till en rättegång.")
    page.get_by_role("button", name="Spara och fortsätt").click()
    # The leisure warning is gone with its reason; knowing for 20 hours still needs the tick.
    expect(page.locator('[data-rule="reason.leisure"]')).to_have_count(0)
    expect(delayed).to_be_visible()
    page.get_by_label("Jag har läst varningarna och vill fortsätta ändå").check()
    page.get_by_role("button", name="Spara och fortsätt").click()

    expect(page.locator("ol.steps li[aria-current]")).to_have_text("2. Tid kvar")
    expect(page.get_by_text("Det finns tid att berätta det ordentligt.")).to_be_visible()
    shot(page, "notice")
    page.get_by_role("button", name="Fortsätt till nya tider").click()

    expect(page.locator("ol.steps li[aria-current]")).to_have_text("3. Nya tider")
    shot(page, "times")
    page.get_by_role("button", name="Spara tiderna").click()
    expect(page.locator('[data-rule="alternatives.too_few"]')).to_be_visible()
    shot(page, "times-too-few")
    boxes = page.locator('input[name="suggested"]')
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Spara tiderna").click()

    expect(page.locator("ol.steps li[aria-current]")).to_have_text("4. Kontakt")
    expect(page.locator('a.call[href^="tel:+46855502000"]')).to_be_visible()
    expect(page.locator("pre.script").first).to_contain_text("Jag beklagar")
    shot(page, "contact-call-first")
    for _ in range(2):
        page.get_by_label("Inget svar").check()
        page.get_by_role("button", name="Anteckna samtalet").click()
    expect(page.get_by_text("Du har ringt 2 gånger utan att få tag på dem.")).to_be_visible()
    expect(page.locator('[data-rule="contact.phone_first"]')).to_have_count(0)
    shot(page, "contact-email-open")
    page.get_by_role("button", name="Skicka förfrågan").click()

    expect(page.locator("ol.steps li[aria-current]")).to_have_text("5. Efteråt")
    shot(page, "after")
    change = Change.objects.get(interview=interview)
    assert change.state == Change.State.SENT
    assert "notice.delayed" in {entry["rule"] for entry in change.overridden}
    assert Message.objects.filter(kind="candidate_reschedule", change=change).count() == 1
    assert change.contact_attempts.filter(outcome=ContactAttempt.Outcome.NO_ANSWER).count() == 2

    page.goto(f"/w/{interview.workspace_id}/")
    expect(page.get_by_text("Skicka en kort uppföljning till Karin Holm")).to_be_visible()
    shot(page, "dashboard-followup-reminder")
    page.get_by_text("Skicka en kort uppföljning till Karin Holm").click()
    page.get_by_role("button", name="Skicka uppföljningen").click()
    expect(page.get_by_text("Din uppföljning är skickad.")).to_be_visible()

    new_day = (interview.start + timedelta(days=7)).astimezone(interview.zone)
    page.get_by_label("Dag").fill(new_day.date().isoformat())
    page.get_by_label("Börjar").fill("13:00")
    page.get_by_role("button", name="Flytta intervjun till den här tiden").click()
    expect(page.get_by_text("Intervjun är flyttad till den nya tiden.")).to_be_visible()
    shot(page, "moved")
    interview.refresh_from_db()
    assert interview.start.astimezone(interview.zone).hour == 13
    page.goto(interview.get_absolute_url())
    expect(page.get_by_text("Nya tider valda")).to_be_visible()
    shot(page, "timeline")


def test_reschedule_in_english_under_24_hours_calls_now(new_page, shot) -> None:
    load_demo()
    interview = _interview("Northwind Ltd", 6)
    page = new_page(locale="en-GB")
    _english(page)
    sign_in(page, "sara", PASSWORD)
    page.goto(interview.get_absolute_url())
    page.get_by_role("link", name="Reschedule the interview").click()
    page.get_by_label("What has come up?").select_option("illness")
    page.get_by_label("Say it in a sentence").fill("I have come down with a fever.")
    page.get_by_label("No, it cannot move").check()
    shot(page, "why")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.locator('[data-rule="notice.short"]')).to_be_visible()
    expect(page.get_by_text("Less than 24 hours left. Call now, do not write")).to_be_visible()
    expect(page.locator('a.call[href^="tel:+442079460000"]')).to_be_visible()
    shot(page, "notice-under-24-hours")
    page.get_by_role("button", name="Continue to new times").click()
    expect(
        page.get_by_label("I have read the warnings and want to continue anyway")
    ).to_be_visible()
    page.get_by_label("I have read the warnings and want to continue anyway").check()
    page.get_by_role("button", name="Continue to new times").click()

    boxes = page.locator('input[name="suggested"]')
    boxes.nth(0).check()
    boxes.nth(2).check()
    shot(page, "times")
    page.get_by_role("button", name="Save the times").click()

    expect(page.locator("pre.script").first).to_contain_text("I'm sorry")
    shot(page, "contact")
    page.get_by_label("I reached them").check()
    page.get_by_role("button", name="Save the call").click()
    expect(page.get_by_text("Good. Now send a short follow-up note.")).to_be_visible()
    shot(page, "after")
    page.get_by_role("button", name="Send the follow-up").click()
    expect(page.get_by_text("Your follow-up note is sent.")).to_be_visible()
    shot(page, "followup-sent")
    change = Change.objects.get(interview=interview)
    assert "notice.short" in {entry["rule"] for entry in change.overridden}
    assert change.followup_sent_at is not None


def test_cancel_in_swedish_by_e_mail_when_no_phone_is_known(new_page, shot) -> None:
    load_demo()
    interview = _interview("Solvik Energi", 24 * 8)
    page = new_page()
    sign_in(page, "sara", PASSWORD)
    page.goto(interview.get_absolute_url())
    page.get_by_role("link", name="Ställ in intervjun").click()
    page.get_by_role("button", name="Spara och fortsätt").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    shot(page, "why-missing")
    page.get_by_label("Jag har tackat ja till ett annat erbjudande").check()
    page.get_by_label("Säg det med en mening").fill("Jag har tackat ja till en annan tjänst.")
    shot(page, "why")
    page.get_by_role("button", name="Spara och fortsätt").click()
    expect(page.get_by_label("Meddelande")).to_contain_text("Jag måste tyvärr tacka nej")
    shot(page, "send")
    page.get_by_role("button", name="Skicka avbokningen").click()
    expect(page.get_by_text("Din avbokning är skickad.")).to_be_visible()
    shot(page, "cancelled")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert Message.objects.filter(kind="candidate_cancel").count() == 1


def test_cancel_in_english_by_phone(new_page, shot) -> None:
    load_demo()
    interview = _interview("Northwind Ltd", 24 * 4)
    page = new_page(locale="en-GB")
    _english(page)
    sign_in(page, "sara", PASSWORD)
    page.goto(interview.get_absolute_url())
    page.get_by_role("link", name="Cancel the interview").click()
    page.get_by_label("I am no longer interested").check()
    page.get_by_label("Say it in a sentence").fill("I have decided to stay in my current job.")
    page.get_by_label("When did you find out?").fill(_local(hours_ago=-3))
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("That time has not come yet.")).to_be_visible()
    found_out = _local(hours_ago=30)
    page.get_by_label("When did you find out?").fill(found_out)
    page.get_by_role("button", name="Save and continue").click()
    delayed = page.locator('[data-rule="notice.delayed"]')
    expect(delayed).to_contain_text("You have known about this for 30 hours")
    expect(delayed).to_contain_text("Get in touch now")
    shot(page, "why-known-for-30-hours")
    page.get_by_label("I have read the warnings and want to continue anyway").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("pre.script")).to_contain_text(re.compile("withdraw my application"))
    shot(page, "send")
    page.get_by_label("I reached them").check()
    page.get_by_role("button", name="Save the call").click()
    expect(
        page.get_by_text("The interview is cancelled. Thank you for telling them.")
    ).to_be_visible()
    shot(page, "cancelled")
    assert not Message.objects.filter(kind="candidate_cancel").exists()
    change = Change.objects.get(interview=interview)
    assert change.known_since is not None
    assert timezone.localtime(change.known_since).strftime("%Y-%m-%dT%H:%M") == found_out


def test_adding_an_interview_in_swedish_refuses_a_clash_and_keeps_the_typing(
    new_page, shot
) -> None:
    load_demo()
    other = _interview("Fjällbrand AB", 24 * 6, at_hour=10)
    local = other.start.astimezone(other.zone)
    page = new_page()
    sign_in(page, "sara", PASSWORD)
    page.goto(f"/w/{other.workspace_id}/interviews/new/")
    expect(page.locator('[data-rule="schedule.unchecked"]')).to_be_visible()
    page.get_by_label("Företag", exact=True).fill("Kvarnby AB")
    page.get_by_label("Tjänst").fill("Projektledare")
    page.get_by_label("Kontaktperson").fill("Lisa Ek")
    page.get_by_label("Telefon").fill("+46 40 123 45 67")
    page.get_by_label("Dag").fill(local.date().isoformat())
    page.get_by_label("Börjar").fill(local.strftime("%H:%M"))
    page.get_by_label("Slutar").fill((local + timedelta(hours=1)).strftime("%H:%M"))
    page.get_by_role("button", name="Lägg till intervjun").click()
    expect(
        page.get_by_text("Det här krockar med din intervju UX-designer · Fjällbrand AB")
    ).to_be_visible()
    expect(page.get_by_label("Kontaktperson")).to_have_value("Lisa Ek")
    shot(page, "add-clash")
    page.get_by_label("Börjar").fill((local + timedelta(hours=2)).strftime("%H:%M"))
    page.get_by_label("Slutar").fill((local + timedelta(hours=3)).strftime("%H:%M"))
    page.get_by_role("button", name="Lägg till intervjun").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Projektledare · Kvarnby AB")
    shot(page, "added")
