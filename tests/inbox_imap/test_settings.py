"""TAKT_IMAP_SECURITY: TLS unless told, and no clear text to a server on another machine."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from takt import envconf


def test_tls_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAKT_IMAP_SECURITY", raising=False)
    assert envconf.imap_security("imap.example.com") == "ssl"
    monkeypatch.setenv("TAKT_IMAP_SECURITY", "STARTTLS")
    assert envconf.imap_security("imap.example.com") == "starttls"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.53", "::1", "[::1]", "localhost"])
def test_clear_text_is_allowed_to_this_machine(monkeypatch: pytest.MonkeyPatch, host: str) -> None:
    monkeypatch.setenv("TAKT_IMAP_SECURITY", "none")
    assert envconf.imap_security(host) == "none"


@pytest.mark.parametrize("host", ["imap.example.com", "10.0.0.5", "192.168.1.2", "::ffff:8.8.8.8"])
def test_clear_text_to_another_machine_is_refused(
    monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    monkeypatch.setenv("TAKT_IMAP_SECURITY", "none")
    with pytest.raises(ImproperlyConfigured, match="TAKT_IMAP_SECURITY=none"):
        envconf.imap_security(host)


def test_an_unknown_choice_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAKT_IMAP_SECURITY", "tls")
    with pytest.raises(ImproperlyConfigured, match="TAKT_IMAP_SECURITY must be one of"):
        envconf.imap_security("imap.example.com")
