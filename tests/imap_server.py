"""A real IMAP server for tests: Debian's Dovecot, a throwaway instance on 127.0.0.1.

Import the fixture into a conftest.py: `from tests.imap_server import dovecot`.
Each instance has its own folder (config, passwd-file, maildir, sockets, log), listens on
ports the kernel picked, runs unprivileged (as `nobody` when the tests run as root, since
Dovecot refuses mail access as root) and is stopped at the end of the test; `timeout`
stops it anyway if the test process dies first. A self-signed certificate for 127.0.0.1
serves IMAPS and STARTTLS; its file is what TAKT_IMAP_CA_FILE would name.

Without Dovecot (`apt-get install dovecot-imapd`) the tests that use it are skipped,
saying so, except on CI (CI=true, as .ci/run sets), where they fail instead.
"""

import datetime as dt
import grp
import imaplib
import ipaddress
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from takt.inbox.imap import Mailbox, folder_name
from tests.servers import free_port, wait_for_port

INSTALL = "apt-get install dovecot-imapd"
USER = "takt"
PASSWORD = "takt-imap-secret"
# A net under a hung test run: the server stops by itself after this long whatever happens.
LIFETIME_S = 1800


@dataclass
class Dovecot:
    """The running server, and a test's own hand on its mailbox (APPEND, flags)."""

    host: str
    port: int
    tls_port: int
    ca_file: str
    folder: Path

    def mailbox(self, security: str = "none", **changes: object) -> Mailbox:
        """What Takt's settings would say to reach this server."""
        port = self.tls_port if security == "ssl" else self.port
        fields: dict = {
            "host": self.host,
            "port": port,
            "user": USER,
            "password": PASSWORD,
            "security": security,
            "timeout": 10.0,
            "ca_file": self.ca_file,
        }
        fields.update(changes)
        return Mailbox(**fields)

    def settings(self, security: str = "none") -> dict[str, str]:
        """The TAKT_IMAP_* environment for a worker process."""
        box = self.mailbox(security)
        return {
            "TAKT_IMAP_HOST": box.host,
            "TAKT_IMAP_PORT": str(box.port),
            "TAKT_IMAP_USER": box.user,
            "TAKT_IMAP_PASSWORD": box.password,
            "TAKT_IMAP_SECURITY": security,
            "TAKT_IMAP_CA_FILE": box.ca_file,
        }

    def _session(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        imap.login(USER, PASSWORD)
        return imap

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        """Put one mail in the folder, unseen, as a mail server's delivery would."""
        imap = self._session()
        try:
            if folder != "INBOX":
                imap.create(f'"{folder_name(folder)}"')
            typ, data = imap.append(f'"{folder_name(folder)}"', None, None, raw)
            assert typ == "OK", data
        finally:
            imap.logout()

    def folders(self) -> list[str]:
        """The folders as the server lists them, in its own spelling (modified UTF-7)."""
        imap = self._session()
        try:
            typ, data = imap.list()
            assert typ == "OK", data
        finally:
            imap.logout()
        # Each line: (\\HasNoChildren) "." "Svar fr&AOU-n" -- flags, separator, name.
        names = [
            re.search(r'\) (?:"[^"]*"|NIL) "?(.*?)"?$', line.decode()) for line in data if line
        ]
        return [name.group(1) for name in names if name]

    def unsee(self, folder: str = "INBOX") -> None:
        """Take \\Seen off every mail, as a poll killed before it marked them would leave them."""
        imap = self._session()
        try:
            imap.select(f'"{folder_name(folder)}"')
            typ, data = imap.store("1:*", "-FLAGS.SILENT", r"(\Seen)")
            assert typ == "OK", data
        finally:
            imap.logout()

    def flags(self, folder: str = "INBOX") -> list[set[str]]:
        """Each mail's flags but \\Recent, in the order the mails arrived."""
        imap = self._session()
        try:
            imap.select(f'"{folder_name(folder)}"', readonly=True)
            typ, data = imap.fetch("1:*", "(FLAGS)")
            assert typ == "OK", data
        finally:
            imap.logout()
        found = []
        for line in data:
            if not isinstance(line, bytes):
                continue
            flags = re.search(rb"FLAGS \(([^)]*)\)", line)
            # \Recent only says which session saw the mail first; it is no state of Takt's.
            names = set(flags.group(1).decode().split()) if flags else set()
            found.append(names - {r"\Recent"})
        return found


def _dovecot_binary() -> str:
    found = os.environ.get("TAKT_DOVECOT") or shutil.which("dovecot") or "/usr/sbin/dovecot"
    if os.access(found, os.X_OK):
        return found
    reason = f"IMAP tests skipped: Dovecot is not installed ({INSTALL})"
    if os.environ.get("CI"):
        pytest.fail(reason.replace("skipped", "required on CI"))
    pytest.skip(reason)


def _runner() -> tuple[str, str]:
    """The user and group Dovecot runs as: ourselves, or `nobody` in place of root."""
    if os.geteuid() == 0:
        return "nobody", grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name
    return pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        # Fixed years, not "now": the tests' clock is pinned, OpenSSL's is the machine's.
        .not_valid_before(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2099, 1, 1, tzinfo=dt.UTC))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _config(folder: Path, user: str, group: str, port: int, tls_port: int) -> str:
    cert, key = _certificate(folder)
    uid, gid = pwd.getpwnam(user).pw_uid, grp.getgrnam(group).gr_gid
    (folder / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}:{uid}:{gid}::{folder / 'home'}::\n")
    return f"""
base_dir = {folder / "run"}
state_dir = {folder / "state"}
log_path = {folder / "dovecot.log"}
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
protocols = imap
listen = 127.0.0.1
first_valid_uid = 1
auth_mechanisms = plain
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder / "passwd"}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {folder / "passwd"}
}}
mail_location = maildir:{folder / "mail"}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    binary = _dovecot_binary()
    user, group = _runner()
    # Under /tmp itself: `nobody` can reach it (pytest's own tmp_path is root's alone), and
    # the sockets' paths stay far below the kernel's 108 characters.
    folder = Path(tempfile.mkdtemp(prefix="takt-dovecot-", dir="/tmp"))
    for name in ("run", "state", "mail", "home"):
        (folder / name).mkdir()
    port, tls_port = free_port(), free_port()
    (folder / "dovecot.conf").write_text(_config(folder, user, group, port, tls_port))
    if os.geteuid() == 0:
        for path in [folder, *folder.rglob("*")]:
            shutil.chown(path, user, group)
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen(
        ["timeout", str(LIFETIME_S), binary, "-F", "-c", str(folder / "dovecot.conf")],
        stdout=log,
        stderr=subprocess.STDOUT,
        **({"user": user, "group": group, "extra_groups": []} if os.geteuid() == 0 else {}),
    )
    try:
        try:
            wait_for_port(port, process)
            wait_for_port(tls_port, process)
        except RuntimeError:
            pytest.fail(f"Dovecot did not start: {_log(folder)}")
        yield Dovecot("127.0.0.1", port, tls_port, str(folder / "cert.pem"), folder)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _log(folder: Path) -> str:
    texts = []
    for name in ("stdout.log", "dovecot.log"):
        path = folder / name
        if path.exists():
            texts.append(path.read_text(errors="replace")[-2000:])
    return "\n".join(texts)
