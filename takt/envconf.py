"""Reading settings from the environment through small helpers that refuse bad values."""

import contextlib
import ipaddress
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from takt.outbound.addresses import Network, parse_networks

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no, on/off), not {raw!r}.")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {raw!r}.")
    return value


def imap_security(host: str) -> str:
    """TAKT_IMAP_SECURITY: ssl (the default), starttls, or none, which only loopback may have.

    A password and candidates' replies in clear text over a network is never right;
    a mail server on the same machine (or the tests' own) is the one exception.
    """
    security = env_choice("TAKT_IMAP_SECURITY", ("ssl", "starttls", "none"), "ssl")
    if security == "none" and host and not _loopback(host):
        raise ImproperlyConfigured(
            f"TAKT_IMAP_SECURITY=none is allowed only for a mail server on this machine "
            f"(127.0.0.1, ::1, localhost), not {host!r}: use ssl or starttls."
        )
    return security


def _loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_networks(name: str) -> tuple[Network, ...]:
    """Comma-separated networks in CIDR notation (10.0.0.0/8,192.168.1.5/32); none when unset."""
    try:
        return parse_networks(os.environ.get(name, ""), name)
    except ValueError as error:
        raise ImproperlyConfigured(str(error)) from None


def data_dir() -> Path:
    """The folder for the SQLite database, the secret key and sent e-mail (created on first use).

    Only Takt's own user may enter it (0700): it holds the key, the database and
    every e-mail sent, candidates' personal details among them.
    """
    raw = os.environ.get("TAKT_DATA_DIR") or str(Path.cwd() / "data")
    path = Path(raw).expanduser().resolve()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.stat().st_uid == os.getuid():
            path.chmod(0o700)  # also a folder made by an earlier version, with 0755
    except OSError as error:
        raise ImproperlyConfigured(f"TAKT_DATA_DIR {raw!r} cannot be created: {error}.") from None
    return path


def secret_key(folder: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data folder."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env is not None:
        if len(from_env) < 32:
            raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")
        return from_env
    path = folder / "secret_key"
    if not path.exists():
        _write_private(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only, whole or not at all.

    The file is made with mode 0600 from the start (never briefly 0644 before a
    chmod) under a temporary name, then renamed into place: two processes
    starting at once never read half a key, and the first one to finish wins.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        # link() fails when the key exists already: a key another process wrote is kept.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def database(folder: Path) -> dict[str, object]:
    """PostgreSQL from DATABASE_URL, else SQLite in the data folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        if not url.startswith(("postgres://", "postgresql://", "sqlite://")):
            raise ImproperlyConfigured(
                "DATABASE_URL must start with postgresql:// (or sqlite://), "
                f"not {url.split(':')[0]!r}."
            )
        try:
            config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        except ValueError as error:
            raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {error}.") from None
        if "sqlite" in str(config["ENGINE"]):
            config["OPTIONS"] = _sqlite_options()
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": folder / "takt.sqlite3",
        "OPTIONS": _sqlite_options(),
        # A file, not shared-cache memory: concurrent writers and the browser
        # tests' live server need real locking between connections.
        # One file per test process, so two test runs never share a database.
        "TEST": {"NAME": str(folder / f"test-takt-{os.getpid()}.sqlite3")},
    }


def _sqlite_options() -> dict[str, object]:
    # IMMEDIATE takes the write lock when a transaction starts, so two writers
    # queue instead of failing halfway; WAL lets readers go on meanwhile.
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
