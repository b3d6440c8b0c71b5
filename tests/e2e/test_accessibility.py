"""Every page a person reaches, checked by axe-core in Chromium, in Swedish and English.

Each page is opened at phone width (390 px), a few also at desktop width, and
must have no "serious" or "critical" axe violation, exactly one h1, a `lang`
that matches the language, and no sideways scrolling on the phone. All
problems are gathered first and reported together, so one run shows them all.
The keyboard tests walk the sign-in page and the first step of a form flow
with Tab: every control is reached in document order and shows a focus ring.
"""

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from takt.core.demo import PASSWORD, load_demo
from takt.core.models import Change, ContactAttempt, Interview, Position, Workspace
from takt.hiring import employer
from takt.hiring.models import CandidateLink
from takt.inbox.models import InboundMail
from takt.outbox.models import Message
from takt.seeker import services as seeker
from takt.webhooks.models import Endpoint
from takt.webhooks.signing import new_secret
from tests.e2e.conftest import sign_in
from tests.mailed_links import mailed_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()
SERIOUS = {"serious", "critical"}
PHONE_WIDTH = 390

# Elements that stick out past the right edge of the viewport (the subnav
# scrolls sideways by design, so what is inside it does not count).
OVERFLOWING = """
() => [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.subnav') && e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 5)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className) : ''))
"""


def page_problems(page: Any, name: str, language: str, *, phone: bool) -> list[str]:
    """What is wrong with the page now open in `page`, each as one readable line."""
    where = f"{name} ({language}, {'phone' if phone else 'desktop'})"
    problems = []
    for violation in AXE.run(page).response["violations"]:
        if violation["impact"] not in SERIOUS:
            continue
        for node in violation["nodes"]:
            problems.append(
                f"{where}: axe {violation['impact']} {violation['id']} at {node['target']}: "
                f"{violation['help']}"
            )
    headings = page.locator("h1").count()
    if headings != 1:
        problems.append(f"{where}: {headings} h1 elements, expected exactly one")
    lang = page.evaluate("document.documentElement.lang")
    if lang != language:
        problems.append(f"{where}: <html lang={lang!r}>, expected {language!r}")
    if phone:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            problems.append(
                f"{where}: scrolls sideways ({width}px wide): {page.evaluate(OVERFLOWING)}"
            )
    return problems


class Auditor:
    """Opens pages in a phone and a desktop context for one signed-in person and checks them."""

    def __init__(
        self,
        new_page: Callable[..., Any],
        shot: Any,
        locale: str,
        user: str | None,
        password: str = PASSWORD,
    ):
        self.language = locale[:2]
        self.shot = shot
        self.phone = new_page(locale=locale)
        self.desktop = new_page(locale=locale, phone=False)
        if user is not None:
            sign_in(self.phone, user, password)
            sign_in(self.desktop, user, password)
        self.problems: list[str] = []
        self.seen: list[str] = []

    def visit(
        self,
        name: str,
        url: str,
        *,
        desktop: bool = False,
        picture: bool = False,
        status: int = 200,
    ) -> None:
        pages = [(self.phone, True)] + ([(self.desktop, False)] if desktop else [])
        for page, phone in pages:
            response = page.goto(url)
            assert response is not None and response.status == status, f"{name}: {url} gave " + (
                str(response.status) if response else "no response"
            )
            self.check(name, page, phone=phone, picture=picture)

    def check(self, name: str, page: Any, *, phone: bool = True, picture: bool = False) -> None:
        """Checks the page as it is now (also after a click)."""
        self.problems += page_problems(page, name, self.language, phone=phone)
        self.seen.append(f"{name} {'phone' if phone else 'desktop'}")
        if picture:
            self.shot(page, f"{name}-{'phone' if phone else 'desktop'}")


def _report(problems: list[str]) -> str:
    return "\n" + "\n".join(problems)


LOCALES = ["sv-SE", "en-GB"]


@pytest.fixture
def demo() -> Iterator[dict[str, Any]]:
    load_demo()
    yield {
        "personal": Workspace.objects.get(kind=Workspace.Kind.PERSONAL),
        "team": Workspace.objects.get(kind=Workspace.Kind.TEAM),
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_sign_in_page(new_page, shot, locale) -> None:
    auditor = Auditor(new_page, shot, locale, None)
    auditor.visit("sign-in", "/login/", desktop=True, picture=True)
    assert auditor.seen == ["sign-in phone", "sign-in desktop"]
    assert not auditor.problems, _report(auditor.problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_job_seeker_pages(demo, new_page, shot, locale) -> None:
    w = demo["personal"].pk
    sara = User.objects.get(username="sara")
    plain = Interview.objects.get(company="Fjällbrand AB")
    moving = Interview.objects.get(company="Solvik Energi")
    going = Interview.objects.get(company="Northwind Ltd")
    auditor = Auditor(new_page, shot, locale, "sara")
    visit = auditor.visit

    visit("dashboard", f"/w/{w}/", desktop=True, picture=True)
    visit("interview", plain.get_absolute_url(), desktop=True, picture=True)
    visit("add-interview", reverse("seeker_add", args=[w]), picture=True)
    visit("calendars", reverse("calendars", args=[w]))
    visit("calendar-add", reverse("calendar_add", args=[w]))
    visit("rules", reverse("policy", args=[w]))

    # The reschedule flow, one step at a time, the draft moved on through the services.
    def step(name: str) -> str:
        return reverse("seeker_reschedule", args=[w, moving.pk, name])

    visit("reschedule-why", step("why"), picture=True)
    change = seeker.save_reason(
        moving,
        kind=Change.Kind.RESCHEDULE,
        actor=sara,
        reason_category="conflict",
        reason_text="Jag är kallad som vittne till en rättegång.",
        other_plans_movable=False,
    )
    visit("reschedule-why-saved", step("why"))
    visit("reschedule-notice", step("notice"))
    visit("reschedule-times", step("times"), picture=True)
    start = moving.start + timedelta(days=7)
    seeker.choose_alternatives(
        change,
        [
            (start, start + timedelta(hours=1)),
            (start + timedelta(days=1, hours=2), start + timedelta(days=1, hours=3)),
        ],
        actor=sara,
    )
    visit("reschedule-contact", step("contact"), picture=True)
    seeker.log_call(change, outcome=ContactAttempt.Outcome.NO_ANSWER, actor=sara)
    visit("reschedule-contact-called", step("contact"))
    seeker.send_request(
        change,
        actor=sara,
        subject="Ny tid för intervjun",
        text="Hej Maja!",
        through_takt=True,
        # The verb enforces the rules: this short note goes past its warnings knowingly.
        acknowledged=["contact.phone_first", "message.apology_missing"],
    )
    visit("reschedule-after", step("after"), picture=True)
    visit("interview-with-change", moving.get_absolute_url())

    # The cancel flow.
    visit("cancel-why", reverse("seeker_cancel", args=[w, going.pk, "why"]))
    seeker.save_reason(
        going,
        kind=Change.Kind.CANCEL,
        actor=sara,
        reason_category="other_offer",
        reason_text="I have accepted another offer.",
    )
    visit("cancel-send", reverse("seeker_cancel", args=[w, going.pk, "send"]), picture=True)

    message = Message.objects.filter(workspace_id=w).first()
    assert message is not None
    visit("outbox", reverse("outbox", args=[w]))
    visit("outbox-message", reverse("outbox_message", args=[w, message.pk]))

    assert len(auditor.seen) == 20
    assert not auditor.problems, _report(auditor.problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_employer_and_candidate_pages(demo, new_page, shot, locale) -> None:
    w = demo["team"].pk
    anna = User.objects.get(username="anna")
    position = Position.objects.get(title="Backendutvecklare")
    erik = Interview.objects.get(counterpart__name="Erik Lind")
    amira = Interview.objects.get(counterpart__name="Amira Haddad")
    james = Interview.objects.get(counterpart__name="James Carter")
    auditor = Auditor(new_page, shot, locale, "anna")
    visit = auditor.visit

    visit("team-dashboard", f"/w/{w}/", desktop=True, picture=True)
    visit("team-interview", erik.get_absolute_url(), desktop=True)
    visit("positions", reverse("positions", args=[w]))
    visit("position", reverse("position", args=[w, position.pk]), desktop=True, picture=True)
    visit("add-candidate", reverse("employer_add_candidate", args=[w, position.pk]))
    visit("book", reverse("employer_book", args=[w, position.pk]))
    visit("fill", reverse("employer_fill", args=[w, position.pk]))
    visit("team-rules", reverse("policy", args=[w]))
    visit("team-calendars", reverse("calendars", args=[w]))
    visit("employer-cancel", reverse("employer_cancel", args=[w, erik.pk]), picture=True)
    visit("employer-offer", reverse("employer_offer", args=[w, erik.pk]))

    cancel = employer.start_cancel(
        james, reason_category="illness", reason_text="", emergency=True, actor=anna
    )
    visit("change-cancel", reverse("employer_change", args=[w, cancel.pk]), picture=True)
    # The candidate's pages speak the candidate's language, so they get the test's.
    amira.counterpart.language = auditor.language
    amira.counterpart.save(update_fields=["language"])
    offer = employer.start_offer(
        amira,
        reason_category="conflict",
        reason_text="En av intervjuarna har fått förhinder.",
        actor=anna,
    )
    visit("change-offer", reverse("employer_change", args=[w, offer.pk]), desktop=True)
    now = timezone.now()
    # Three times: fewer would be refused by the offer verb (alternatives.too_few blocks).
    times = employer.suggest_times(amira, now=now)[:3] or [
        (amira.start + timedelta(days=7), amira.end + timedelta(days=7)),
        (amira.start + timedelta(days=8), amira.end + timedelta(days=8)),
        (amira.start + timedelta(days=9), amira.end + timedelta(days=9)),
    ]
    employer.send_offer(offer, times, actor=anna, now=now, language=auditor.language)
    visit("change-offer-sent", reverse("employer_change", args=[w, offer.pk]))
    visit("change-sent-answers", reverse("employer_change_sent", args=[w, offer.pk]))
    visit("team-outbox", reverse("outbox", args=[w]))
    kept = InboundMail.objects.create(
        message_id="a11y@mail.example",
        received_at=now,
        sender="kollega@example.se",
        subject="Sv: Ny tid",
        text="Amira är sjuk i dag.",
        interview=amira,
        status=InboundMail.Status.KEPT,
        why=InboundMail.Why.OTHER_SENDER,
    )
    visit("team-replies", reverse("replies", args=[w]))
    visit("team-reply", reverse("reply", args=[w, kept.pk]))
    hook = Endpoint.objects.create(
        workspace_id=w,
        url="https://ats.example.com/takt",
        events=["candidate.time_picked"],
        secret=new_secret(),
    )
    visit("team-webhooks", reverse("webhooks", args=[w]))
    visit("team-webhook-log", reverse("webhook_log", args=[w, hook.pk]))

    # The candidate, not signed in, opens the link from the e-mail as it was sent.
    path = re.search(r"/c/[\w-]+/", f"/c/{mailed_token()}/")
    assert path and CandidateLink.objects.filter(interview=amira).exists()
    candidate = Auditor(new_page, shot, locale, None)
    candidate.visit("candidate-link", path.group(0), desktop=True, picture=True)
    candidate.visit("candidate-cancel", path.group(0) + "cancel/")
    candidate.visit("candidate-reschedule", path.group(0) + "reschedule/")
    # Picking a time, then opening the spent link again.
    candidate.phone.goto(path.group(0))
    with candidate.phone.expect_navigation():
        candidate.phone.locator('form[action$="/pick/"] button[type="submit"]').click()
    candidate.check("candidate-done", candidate.phone, picture=True)
    candidate.visit("candidate-dead-link", path.group(0), status=410)
    amira.refresh_from_db()
    assert amira.start == min(start for start, _ in times)

    assert len(auditor.seen) == 24 and len(candidate.seen) == 6
    problems = auditor.problems + candidate.problems
    assert not problems, _report(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_workspace_page(make_user, new_page, shot, locale) -> None:
    make_user("lonely")
    auditor = Auditor(new_page, shot, locale, "lonely", password="secret-pass-123")
    auditor.visit("no-workspace", "/")
    assert not auditor.problems, _report(auditor.problems)


# --- The keyboard -------------------------------------------------------------

# Every control Tab should stop at, in document order; a radio group is one stop.
TAB_STOPS = """
() => {
  const all = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter(e => !e.disabled && e.tabIndex >= 0);
  const seen = new Set(); const stops = [];
  for (const e of all) {
    if (e.type === 'radio') { if (seen.has(e.name)) continue; seen.add(e.name); }
    stops.push(e);
  }
  return stops.map(e => e.type === 'radio' ? 'radio:' + e.name : e.outerHTML.slice(0, 120));
}
"""
FOCUSED = """
() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return {
    key: e.type === 'radio' ? 'radio:' + e.name : e.outerHTML.slice(0, 120),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    segmented: ['date', 'time', 'datetime-local', 'month', 'week'].includes(e.type),
  };
}
"""


def tab_through(page: Any) -> list[str]:
    """Tabs from the top through every stop; returns the problems found on the way."""
    expected = page.evaluate(TAB_STOPS)
    assert len(expected) >= 3
    page.evaluate("document.activeElement && document.activeElement.blur()")
    problems = []
    previous = None
    for number, want in enumerate(expected, start=1):
        page.keyboard.press("Tab")
        got = page.evaluate(FOCUSED)
        # A date or time field is several stops of its own (day, month, year...).
        for _ in range(6):
            if got["key"] != previous or not got["segmented"]:
                break
            page.keyboard.press("Tab")
            got = page.evaluate(FOCUSED)
        previous = got["key"]
        if got["key"] != want:
            problems.append(f"Tab {number}: focus on {got['key']!r}, expected {want!r}")
            break
        if not got["ring"]:
            problems.append(f"Tab {number}: no visible focus ring on {want!r}")
    return problems


@pytest.mark.parametrize("locale", LOCALES)
def test_keyboard_reaches_every_control_on_sign_in(demo, new_page, shot, locale) -> None:
    page = new_page(locale=locale)
    page.goto("/login/")
    problems = tab_through(page)
    assert not problems, _report(problems)
    shot(page, "last-focused")
    # Signing in needs no mouse: Tab to the fields, type, Enter.
    page.goto("/login/")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    while page.evaluate("document.activeElement.id") != "id_username":
        page.keyboard.press("Tab")
    page.keyboard.type("sara")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/w/\d+/$"))


def test_keyboard_walks_the_reschedule_form(demo, new_page, shot) -> None:
    moving = Interview.objects.get(company="Solvik Energi")
    page = new_page(locale="sv-SE")
    sign_in(page, "sara", PASSWORD)
    page.goto(reverse("seeker_reschedule", args=[demo["personal"].pk, moving.pk, "why"]))
    problems = tab_through(page)
    shot(page, "last-focused")
    assert not problems, _report(problems)
    # And the form can be filled and sent from the keyboard alone.
    page.locator("select").first.focus()
    page.keyboard.press("ArrowDown")
    page.locator("textarea").first.focus()
    page.keyboard.type("Jag är kallad som vittne till en rättegång.")
    page.locator('input[type="radio"]').last.focus()
    page.keyboard.press("Space")
    page.locator('button[type="submit"].primary').focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    shot(page, "sent-from-the-keyboard")
    change = Change.objects.get(interview=moving)
    assert change.reason_text == "Jag är kallad som vittne till en rättegång."
    assert change.other_plans_movable is True
    # A warning's "Why?" opens from the keyboard too, with the same focus ring.
    seeker.save_reason(
        moving,
        kind=Change.Kind.RESCHEDULE,
        actor=User.objects.get(username="sara"),
        reason_category="leisure",
        reason_text="En helgresa.",
    )
    page.goto(reverse("seeker_reschedule", args=[demo["personal"].pk, moving.pk, "why"]))
    assert page.locator(".finding summary").count() >= 1
    problems = tab_through(page)
    assert not problems, _report(problems)
    page.locator(".finding summary").first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".finding details").first.evaluate("d => d.open")
    shot(page, "why-opened-from-the-keyboard")


def test_the_checks_catch_a_broken_page(browser) -> None:
    """The checker itself: a page with known faults gives a problem for each of them."""
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844})
    page = context.new_page()
    page.set_content(
        '<html lang="en"><body><h1>One</h1><h1>Two</h1>'
        '<p style="color:#bbb;background:#fff">Faint text</p>'
        '<input type="text" name="nameless">'
        '<div style="width:600px">Too wide</div></body></html>'
    )
    problems = "\n".join(page_problems(page, "broken", "sv", phone=True))
    context.close()
    assert "color-contrast" in problems
    assert "label" in problems
    assert "2 h1 elements" in problems
    assert "expected 'sv'" in problems
    assert "scrolls sideways" in problems
