"""`takt check FILE|-`: the checker on the command line.

Exit 0 when ok, 1 when a finding blocks, 2 on bad input (the reason on
standard error in the chosen language, nothing on standard output).
"""

import argparse
import contextlib
import json
from collections.abc import Callable
from typing import Any, TextIO

from takt.etiquette.engine import check
from takt.etiquette.errors import BadInput, parse_json


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
    return answer(check, args.file, args.lang, stdin, stdout, stderr)


def answer(
    compute: Callable[[Any, str], dict[str, Any]],
    name: str,
    lang: str,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """The contract `check` and `compose` share: `compute` on the JSON in FILE or -, printed.

    Exit 0 when the result is ok, 1 when it is not, 2 on bad input (the reason on
    `stderr` in `lang`, nothing on `stdout`).
    """
    try:
        result = compute(read_json(name, stdin), lang)
    except BadInput as error:
        print(error.message(lang), file=stderr)
        return 2
    stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0 if result["ok"] else 1


def read_json(name: str, stdin: TextIO) -> Any:
    """The JSON in file `name`, or on `stdin` for `-`; BadInput when unreadable or not JSON."""
    try:
        if name == "-":
            text = stdin.read()
        else:
            with open(name, encoding="utf-8") as file:
                text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BadInput("", "unreadable", value=name, reason=reason) from error
    return parse_json(text)
