"""`takt compose FILE|-`: the drafts for a situation together with the `check` result.

Exit 0 when ok, 1 when a finding blocks (the drafts are still printed, so the
person sees what to fix), 2 on bad input (the reason on standard error only).
"""

import argparse
from collections.abc import Mapping
from typing import Any, TextIO

from takt.etiquette import BadInput, check, parse_check_input
from takt.etiquette.command import answer
from takt.wording.compose import compose
from takt.wording.reading import EXTRA_FIELDS, situation_from_input
from takt.wording.situation import LANGUAGES, ComposedMessage

_RANK = {"block": 0, "warn": 1, "advice": 2}


def compose_json(data: Mapping[str, Any], lang: str = "sv") -> dict[str, Any]:
    """The compose contract's output: `ok`, `findings` and `messages`; BadInput on bad input."""
    if lang not in LANGUAGES:
        raise BadInput("lang", "bad_choice", value=lang, choices=", ".join(LANGUAGES))
    checked = parse_check_input(data, extra_fields=EXTRA_FIELDS)
    situation = situation_from_input(data, checked, lang)
    messages = compose(situation, checked.action, checked.side)
    findings = list(check(data, lang, extra_fields=EXTRA_FIELDS)["findings"])
    # The message rules judge one text at a time, so each draft is checked on its own;
    # a script's asides in the caller's own language are for the caller, not said.
    for message in messages:
        with_draft = {**data, "message": {"language": message.language, "text": message.said}}
        for finding in check(with_draft, lang, extra_fields=EXTRA_FIELDS)["findings"]:
            if finding["rule"].startswith("message.") and finding not in findings:
                findings.append(finding)
    findings.sort(key=lambda finding: (_RANK[finding["severity"]], finding["rule"]))
    return {
        "ok": not any(finding["severity"] == "block" for finding in findings),
        "findings": findings,
        "messages": [message_json(message) for message in messages],
    }


def message_json(message: ComposedMessage) -> dict[str, Any]:
    """One draft as the contract shows it: e-mails also carry `to`, `subject` and `html`."""
    shown: dict[str, Any] = {
        "kind": message.kind,
        "language": message.language,
        "text": message.text,
    }
    if message.subject is not None:
        shown.update(to=message.to, subject=message.subject, html=message.html)
    if message.aside_language is not None:
        shown["aside_language"] = message.aside_language
    return shown


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `takt compose`."""
    parser = argparse.ArgumentParser(
        prog="takt compose",
        description="Compose the messages for an interview change, checked against the rules.",
    )
    parser.add_argument("file", help="JSON input as in GUIDELINES.md, or - for standard input")
    parser.add_argument("--lang", choices=LANGUAGES, default="sv", help="language of findings")
    return parser


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run `takt compose` with `argv` (without the program and command names)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)  # argparse printed the usage; 2 for bad arguments
    return answer(compose_json, args.file, args.lang, stdin, stdout, stderr)
