"""Golden texts: what each situation says, checked in and read by a person.

Run with UPDATE_GOLDEN=1 to rewrite the files after a deliberate change of wording,
then read the diff before committing it.
"""

import os
from pathlib import Path

import pytest

from takt.wording import ComposedMessage
from tests.wording.cases import CASES

GOLDEN = Path(__file__).with_name("golden")


def as_golden(messages: list[ComposedMessage]) -> str:
    """All messages of one situation as one readable file."""
    parts = []
    for message in messages:
        head = f"=== {message.kind} ({message.language})"
        if message.subject is not None:
            head += f"\nTo: {message.to}\nSubject: {message.subject}"
        parts.append(f"{head}\n\n{message.text}\n")
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_situation_reads_as_its_golden_text(case: str, language: str) -> None:
    path = GOLDEN / language / f"{case}.txt"
    produced = as_golden(CASES[case](language))
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(produced)
    assert produced == path.read_text()
