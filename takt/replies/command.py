"""`takt reply FILE|-`: the reply reader on the command line.

Exit 0 with the reading on standard output, 2 on bad input (the reason on
standard error in the chosen language, nothing on standard output).
"""

import argparse
import contextlib
import json
from typing import TextIO

from takt.etiquette.command import read_json
from takt.etiquette.errors import BadInput
from takt.replies.reader import read_reply


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `takt reply`."""
    parser = argparse.ArgumentParser(
        prog="takt reply",
        description="Read an answer in words: accept, propose, decline, withdraw or unclear.",
    )
    parser.add_argument("file", help="JSON input as in REPLIES.md, or - for standard input")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of errors")
    return parser


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run `takt reply` with `argv` (without the program and command names)."""
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        result = read_reply(read_json(args.file, stdin))
    except BadInput as error:
        print(error.message(args.lang), file=stderr)
        return 2
    stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0
