"""Browser tests: Playwright drives Debian's Chromium against a live server.

Playwright's own browser download cannot work here, so the browser is the
system's `chromium`. Without it these tests are skipped with a clear reason,
unless TAKT_REQUIRE_BROWSER is set (as .ci/run does), where they fail instead.
"""

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made
# by fixtures here are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    chosen = os.environ.get("TAKT_CHROMIUM")
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = _chromium()
    if path is None:
        reason = "browser tests skipped: chromium is not installed (apt-get install chromium)"
        if os.environ.get("TAKT_REQUIRE_BROWSER"):
            pytest.fail(reason.replace("skipped", "required"))
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """Opens a fresh browser context (its own cookies) sized like a phone unless told otherwise."""
    contexts = []

    def open_page(*, phone: bool = True, locale: str = "sv-SE") -> Any:
        viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        context = browser.new_context(viewport=viewport, locale=locale, base_url=live_server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    """Saves a full-page screenshot of a step under test-output/screenshots/<test>/."""
    folder = OUTPUT / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 1000))

    def take(page: Any, step: str) -> Path:
        path = folder / f"{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def sign_in(page: Any, username: str, password: str = "secret-pass-123") -> None:
    page.goto("/login/")
    page.get_by_label(re.compile("User name|Användarnamn")).fill(username)
    page.get_by_label(re.compile("Password|Lösenord")).fill(password)
    page.get_by_role("button", name=re.compile("^(Sign in|Logga in)$")).click()
