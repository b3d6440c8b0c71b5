"""Browser: the recruiter cancels in an emergency, offers times, the candidate picks one."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from takt.core.models import Interview, Membership
from tests.e2e.conftest import sign_in
from tests.mailed_links import mailed_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("locale", ["sv-SE", "en-GB"])
def test_emergency_cancel_then_offer_then_the_candidate_picks(
    team, book_interview, new_page, shot, locale
) -> None:
    Membership.objects.filter(user=team["recruiter"]).update(phone="+46 8 555 010 00")
    team["candidate"].language = locale[:2]
    team["candidate"].save()
    start = (timezone.now() + timedelta(hours=6)).replace(second=0, microsecond=0)
    interview = book_interview(
        start,
        interviewers=[team["recruiter"], team["colleague"]],
        position=team["position"],
        application=team["application"],
    )
    page = new_page(locale=locale)
    sign_in(page, "recruiter")
    page.goto(interview.get_absolute_url())
    shot(page, "interview")
    page.get_by_role("link", name=re.compile("^(Ställ in intervjun|Cancel the interview)$")).click()
    page.get_by_label(re.compile("Något akut|This is an emergency")).check()
    page.get_by_label(re.compile("Skälet|The reason")).fill(
        "En av intervjuarna har blivit akut sjuk."
    )
    shot(page, "cancel-why")
    page.get_by_role("button", name=re.compile("^(Fortsätt|Continue)$")).click()
    assert page.locator('a[href^="tel:"]').first.is_visible()
    shot(page, "call-first")
    page.get_by_label(re.compile("Fick tag på dem|Reached them")).check()
    page.get_by_role("button", name=re.compile("Anteckna samtalet|Log the call")).click()
    send = page.get_by_role(
        "button", name=re.compile("^(Ställ in intervjun|Cancel the interview)$")
    )
    send.click()
    if page.locator('[data-rule="notice.short"]').count():
        shot(page, "warning-shown")
        page.get_by_role(
            "button", name=re.compile("^(Ställ in intervjun|Cancel the interview)$")
        ).click()
    shot(page, "cancelled")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    # The promised new times.
    page.get_by_role("link", name=re.compile("^(Föreslå nya tider|Offer new times)$")).first.click()
    page.get_by_label(re.compile("Skälet|The reason")).fill("En av intervjuarna blev akut sjuk.")
    page.get_by_role("button", name=re.compile("^(Fortsätt|Continue)$")).click()
    shot(page, "offer")
    page.get_by_role("button", name=re.compile("^(Skicka tiderna|Send the times)$")).click()
    if page.locator('input[name="seen"]').count() and "/changes/" in page.url:
        page.get_by_role("button", name=re.compile("^(Skicka tiderna|Send the times)$")).click()
    shot(page, "offer-sent")
    # The link exists only in the e-mail as sent, never in the database.
    token = mailed_token()
    candidate = new_page(locale=locale)
    candidate.goto(f"/c/{token}/")
    shot(candidate, "candidate-times")
    candidate.get_by_role("button", name=re.compile("Boka den här tiden|Book this time")).click()
    shot(candidate, "candidate-booked")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED
    assert interview.start in [a.start for a in interview.changes.first().alternatives.all()]
