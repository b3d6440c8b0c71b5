"""Settings come from the environment and refuse bad values by name."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from takt import envconf


def test_it_reads_booleans_and_refuses_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "yes")
    assert envconf.env_bool("DEBUG") is True
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        envconf.env_bool("DEBUG")


def test_it_refuses_a_port_that_is_not_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAKT_SMTP_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="TAKT_SMTP_PORT"):
        envconf.env_int("TAKT_SMTP_PORT", 25, minimum=1)


def test_it_uses_sqlite_in_the_data_folder_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = envconf.database(tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "takt.sqlite3"
    options = config["OPTIONS"]
    assert isinstance(options, dict)
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in str(options["init_command"])
    assert options["timeout"] == 20


def test_it_selects_postgresql_from_database_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://takt@db.internal:5432/takt")
    config = envconf.database(tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "takt"
    assert config["HOST"] == "db.internal"


def test_it_refuses_a_database_url_of_another_kind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://root@localhost/takt")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        envconf.database(tmp_path)


def test_it_generates_a_secret_key_once_and_keeps_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = envconf.secret_key(tmp_path)
    assert len(first) >= 50
    assert envconf.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_it_refuses_a_short_secret_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        envconf.secret_key(tmp_path)


def test_debug_is_off_unless_asked(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env["TAKT_DATA_DIR"] = str(tmp_path)
    code = "import takt.settings as s; print(s.DEBUG)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_a_bad_value_stops_start_up_with_the_variable_named(tmp_path: Path) -> None:
    env = dict(os.environ, TAKT_DATA_DIR=str(tmp_path), DEBUG="sometimes")
    code = "import takt.settings"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode != 0
    assert "ImproperlyConfigured" in out.stderr and "DEBUG" in out.stderr
