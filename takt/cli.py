"""The `takt` command: what people run, in one place.

`check`, `compose` and `reply` are pure and start without Django; the rest set Django
up and hand over to management commands, so `takt manage ...` reaches any other.
"""

import os
import signal
import subprocess
import sys
from collections.abc import Callable

COMMANDS: dict[str, str] = {
    "serve": "serve the web app (gunicorn); --with-worker also runs the background worker",
    "worker": "run the background worker (e-mail, calendars, the IMAP mailbox, webhooks)",
    "migrate": "create or update the database",
    "demo": "load the bilingual demo (--once: only if it is not there yet)",
    "createuser": "create a user and their workspace",
    "check": "check a situation against the etiquette rules (FILE or -)",
    "compose": "compose the messages for a situation (FILE or -)",
    "reply": "read an answer in words: what it accepts or proposes (FILE or -)",
    "receive": "read one reply mail (RFC 822) on standard input, as a mail server hands it over",
    "apitoken": "issue an API token for a user (shown once)",
    "compilemessages": "compile the translations (no system gettext needed)",
    "manage": "run any Django management command",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(_usage())
        return 0
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"takt: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    return _HANDLERS[name](rest)


def _usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    return "usage: takt COMMAND [ARGS]\n\nCommands:\n" + "\n".join(lines)


def _django(command: str) -> Callable[[list[str]], int]:
    def run(rest: list[str]) -> int:
        _setup_django()
        from django.core.management import execute_from_command_line

        execute_from_command_line(["takt", command, *rest])
        return 0

    return run


def _migrate(rest: list[str]) -> int:
    """The tables of every app, and the cache's table (Django makes that one apart)."""
    _setup_django()
    from django.core.management import call_command, execute_from_command_line

    execute_from_command_line(["takt", "migrate", *rest])
    call_command("createcachetable")
    return 0


def _manage(rest: list[str]) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["takt", *rest])
    return 0


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
    import django

    django.setup()


def _check(rest: list[str]) -> int:
    from takt.etiquette.command import main as check_main

    return check_main(rest, sys.stdin, sys.stdout, sys.stderr)


def _compose(rest: list[str]) -> int:
    from takt.wording.command import main as compose_main

    return compose_main(rest, sys.stdin, sys.stdout, sys.stderr)


def _reply(rest: list[str]) -> int:
    from takt.replies.command import main as reply_main

    return reply_main(rest, sys.stdin, sys.stdout, sys.stderr)


def _compilemessages(rest: list[str]) -> int:
    from takt.i18n import compile_all

    compile_all()
    return 0


def _serve(rest: list[str]) -> int:
    """Gunicorn for the web, and with --with-worker the worker beside it; Ctrl-C stops both."""
    with_worker = "--with-worker" in rest
    rest = [arg for arg in rest if arg != "--with-worker"]
    bind = os.environ.get("TAKT_BIND", "127.0.0.1:8000")
    _setup_django()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    children = []
    if with_worker:
        children.append(subprocess.Popen([sys.executable, "-m", "takt.cli", "worker"]))
    web = [
        sys.executable,
        "-m",
        "gunicorn",
        "takt.wsgi",
        "--bind",
        bind,
        "--workers",
        "2",
        "--no-control-socket",
    ]
    children.append(subprocess.Popen([*web, "--access-logfile", "-", *rest]))
    print(f"Takt is running at http://{bind}/  (Ctrl-C stops it)", flush=True)

    def stop(signum: int, frame: object) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    codes = []
    for child in children:
        codes.append(child.wait())
        stop(signal.SIGTERM, None)  # one gone: stop the other too
    return 0 if all(code in (0, -signal.SIGTERM) for code in codes) else 1


_HANDLERS: dict[str, Callable[[list[str]], int]] = {
    "serve": _serve,
    "worker": _django("takt_worker"),
    "migrate": _migrate,
    "demo": _django("demo"),
    "createuser": _django("createuser"),
    "receive": _django("receive"),
    "check": _check,
    "compose": _compose,
    "reply": _reply,
    "apitoken": _django("apitoken"),
    "compilemessages": _compilemessages,
    "manage": _manage,
}

if __name__ == "__main__":
    raise SystemExit(main())
