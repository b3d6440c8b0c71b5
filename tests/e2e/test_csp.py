"""In Chromium, no page breaks the Content-Security-Policy: nothing inline is refused.

Signs in as the demo's job seeker and recruiter and follows every link of the
site two steps deep (and any candidate link an outbox message shows), listening
for the browser's CSP violation reports.
"""

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from takt.core.demo import PASSWORD, load_demo
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Leaving these would sign out, switch language or download a file instead of showing a page.
SKIPPED = re.compile(r"/logout/|/i18n/|\.ics$|/admin/")
CANDIDATE_LINK = re.compile(r"/c/[\w-]{20,}/")
MOST_PAGES = 60


def violations_on_a_walk(page: Any, start: str) -> tuple[list[str], set[str]]:
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    seen: set[str] = set()
    frontier = [start]
    for _ in range(2):
        found: list[str] = []
        for path in frontier:
            if path in seen or len(seen) >= MOST_PAGES:
                continue
            seen.add(path)
            page.goto(path)
            hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
            for href in hrefs:
                parts = urlsplit(href)
                if parts.netloc == urlsplit(page.url).netloc and not SKIPPED.search(parts.path):
                    found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
            found.extend(CANDIDATE_LINK.findall(page.content()))
        frontier = found
    return refused, seen


@pytest.mark.parametrize("username", ["sara", "anna"])
def test_no_page_is_refused_anything_by_the_policy(new_page, username: str) -> None:
    load_demo()
    page = new_page(phone=False)
    sign_in(page, username, PASSWORD)
    refused, seen = violations_on_a_walk(page, "/")
    assert len(seen) > 5  # the walk went somewhere
    assert refused == []


def test_the_sign_in_page_is_refused_nothing(new_page) -> None:
    page = new_page()
    refused, _ = violations_on_a_walk(page, "/login/")
    assert refused == []
