"""Files with secrets or personal details are readable by Takt's own user only."""

import os
import stat
from pathlib import Path

import pytest
from django.core.mail import EmailMessage

from takt import envconf
from takt.outbox.backends import EmlFolderBackend


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_is_0700_also_when_it_was_made_wider(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("TAKT_DATA_DIR", str(fresh))
    assert mode(envconf.data_dir()) == 0o700

    older = tmp_path / "older"
    older.mkdir(mode=0o755)
    older.chmod(0o755)
    monkeypatch.setenv("TAKT_DATA_DIR", str(older))
    assert mode(envconf.data_dir()) == 0o700


def test_the_key_file_is_born_0600_and_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def watching_open(path: str, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            opened.append((os.fspath(path), mode))
        return real_open(path, flags, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", watching_open)
    old_umask = os.umask(0o022)  # the usual umask, which a plain write would leave at 0644
    try:
        key = envconf.secret_key(tmp_path)
    finally:
        os.umask(old_umask)

    assert mode(tmp_path / "secret_key") == 0o600
    assert opened and all(created_mode == 0o600 for _, created_mode in opened)
    assert (tmp_path / "secret_key").read_text() == key
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]  # no temporary left


def test_a_key_written_meanwhile_by_another_process_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    real_link = os.link

    def other_process_first(source: str, target: str) -> None:
        Path(target).write_text("k" * 60)
        real_link(source, target)

    monkeypatch.setattr(os, "link", other_process_first)
    assert envconf.secret_key(tmp_path) == "k" * 60


def test_eml_files_are_0600_also_when_rewritten(tmp_path: Path) -> None:
    backend = EmlFolderBackend(folder=str(tmp_path / "sent-mail"))
    message = EmailMessage("Ämne", "Hej", "takt@localhost", ["erik@example.se"])
    message.extra_headers["Message-ID"] = "<one@takt>"
    backend.send_messages([message])
    path = tmp_path / "sent-mail" / "one@takt.eml"
    assert mode(path) == 0o600

    path.chmod(0o644)  # as an earlier version left it
    backend.send_messages([message])
    assert mode(path) == 0o600
    assert mode(tmp_path / "sent-mail") == 0o700
