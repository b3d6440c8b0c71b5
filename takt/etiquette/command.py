"""`takt check FILE|-`: the checker on the command line.

Exit 0 when ok, 1 when a finding blocks, 2 on bad input (the reason on
standard error in the chosen language, nothing on standard output).
"""

import argparse
import contextlib
import json
from typing import Any, TextIO

from takt.etiquette.engine import check
from takt.etiquette.errors import BadInput


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `takt check`."""
    parser = argparse.ArgumentParser(
        prog="takt check",
        description="Check an interview change against Takt's etiquette rules.",
    )
    parser.add_argument("file", help="JSON input as in GUIDELINES.md, or - for standard input")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of messages")
    return parser


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run `takt check` with `argv` (without the program and command names)."""
    parser = build_parser()
    try:
        # argparse prints usage and errors on sys.stdout/sys.stderr; send them to ours.
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse has already printed usage; keep its exit code (2) for bad arguments.
        return int(exit_.code or 0)
    try:
        result = check(_read(args.file, stdin), args.lang)
    except BadInput as error:
        print(error.message(args.lang), file=stderr)
        return 2
    stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0 if result["ok"] else 1


def _read(name: str, stdin: TextIO) -> Any:
    try:
        if name == "-":
            text = stdin.read()
        else:
            with open(name, encoding="utf-8") as file:
                text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BadInput("", "unreadable", value=name, reason=reason) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            "", "not_json", line=error.lineno, column=error.colno, value=error.msg
        ) from error
