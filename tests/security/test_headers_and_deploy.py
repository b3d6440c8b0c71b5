"""Headers and deployment settings: CSP, private candidate pages, https when SITE_URL says so."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_unsafe_inline() -> None:
    response = Client().get("/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("path", ["/c/not-a-real-token/", "/c/not-a-real-token/cancel/"])
def test_candidate_pages_are_neither_cached_nor_indexed(path: str) -> None:
    response = Client().get(path)
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


def test_other_pages_are_left_to_their_own_caching() -> None:
    response = Client().get("/login/")
    assert "X-Robots-Tag" not in response


def settings_in(tmp_path: Path, **env: str) -> dict[str, object]:
    """The security settings a fresh process reads from this environment."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TAKT_", "SITE_URL"))}
    environ.update(TAKT_DATA_DIR=str(tmp_path), **env)
    names = [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_PROXY_SSL_HEADER",
    ]
    code = (
        f"import json, takt.settings as s; print(json.dumps({{n: getattr(s, n) for n in {names}}}))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    values: dict[str, object] = json.loads(out.stdout)
    return values


def test_https_site_gets_secure_cookies_hsts_and_the_redirect(tmp_path: Path) -> None:
    values = settings_in(tmp_path, SITE_URL="https://takt.example")
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # only behind a proxy that says so


def test_plain_http_site_keeps_cookies_usable_over_http(tmp_path: Path) -> None:
    values = settings_in(tmp_path, SITE_URL="http://127.0.0.1:8000")
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0


def test_behind_a_proxy_the_forwarded_protocol_is_trusted(tmp_path: Path) -> None:
    values = settings_in(tmp_path, SITE_URL="https://takt.example", TAKT_BEHIND_PROXY="1")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_the_deploy_check_reports_nothing_for_an_https_site(tmp_path: Path) -> None:
    # DJANGO_ALLOW_ASYNC_UNSAFE: the browser tests set it in this process; no deployment has it.
    skipped = ("TAKT_", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(skipped)}
    environ.update(
        TAKT_DATA_DIR=str(tmp_path), SITE_URL="https://takt.example", ALLOWED_HOSTS="takt.example"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "takt.cli",
            "manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=environ,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "System check identified no issues" in out.stdout
