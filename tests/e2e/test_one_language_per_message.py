"""Browser: an English-speaking job seeker cancels with a Swedish contact, all in Swedish to her."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from takt import wording
from takt.core.demo import PASSWORD, load_demo
from takt.core.models import Interview
from takt.outbox.models import Message
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reason_is_asked_for_in_karins_swedish_and_the_e_mail_is_all_swedish(
    new_page, shot
) -> None:
    load_demo()
    interview = Interview.objects.get(company="Fjällbrand AB")  # Karin Holm reads Swedish
    # Five days ahead, so nothing but the language stands in the way.
    moved = timedelta(days=4)
    Interview.objects.filter(pk=interview.pk).update(
        start=interview.start + moved, end=interview.end + moved
    )
    interview.bookings.update(start=interview.start + moved, end=interview.end + moved)
    page = new_page(locale="en-GB")
    page.goto("/login/")
    switch = page.get_by_role("button", name="English")
    if switch.count():
        switch.click()
    sign_in(page, "sara", PASSWORD)
    page.goto(interview.get_absolute_url())
    page.get_by_role("link", name="Cancel the interview").click()

    reason = page.get_by_label("Say it in a sentence")
    expect(page.get_by_text("Karin reads Swedish, so write the reason in Swedish.")).to_be_visible()
    expect(reason).to_have_value(wording.category_sentence("sv", "other_offer"))
    expect(reason).to_have_attribute("lang", "sv")
    shot(page, "why-prefilled-in-swedish")

    page.get_by_label("I accepted another offer").check()
    reason.fill("I have accepted a job at another company.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Karin reads Swedish: write the reason in Swedish")).to_be_visible()
    shot(page, "why-english-refused")

    page.get_by_label("I accepted another offer").check()
    page.get_by_label("Say it in a sentence").fill("Jag har tackat ja till en annan tjänst.")
    page.get_by_role("button", name="Save and continue").click()
    # The e-mail is shown before it goes: Karin's Swedish, the reason in it.
    draft = page.get_by_label("Message")
    expect(draft).to_contain_text("Jag har tackat ja till en annan tjänst.")
    expect(draft).to_contain_text("Jag måste tyvärr tacka nej")
    shot(page, "send-in-swedish")
    page.get_by_role("button", name="Send the cancellation").click()
    expect(page.get_by_text("Your cancellation is sent.")).to_be_visible()
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    sent = Message.objects.get(kind="candidate_cancel")
    assert sent.language == "sv"
    assert "Jag har tackat ja till en annan tjänst." in sent.text
    assert "accepted" not in sent.text
