"""Reads the tone corpus and scores a detector on one part of it: recall and false alarms."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
DETECTORS = ("rude", "apology", "interest")
LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Line:
    part: str
    present: bool
    text: str


@dataclass(frozen=True)
class Score:
    """How a detector did on one part: what it caught and what it wrongly flagged."""

    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]
    present: int
    absent: int

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / self.present

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.absent


def lines(detector: str, lang: str, part: str) -> list[Line]:
    """The corpus lines of `detector` in `lang` that belong to `part` ("dev" or "held")."""
    path = HERE / f"{detector}.{lang}.tsv"
    found = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        line_part, label, text = raw.split("\t")
        if line_part == part:
            found.append(Line(line_part, label == "1", text))
    return found


def score(found: Callable[[str, str], bool], detector: str, lang: str, part: str) -> Score:
    """Runs `found(text, lang)` over one part of the corpus."""
    sample = lines(detector, lang, part)
    missed = tuple(line.text for line in sample if line.present and not found(line.text, lang))
    alarms = tuple(line.text for line in sample if not line.present and found(line.text, lang))
    present = sum(line.present for line in sample)
    return Score(missed, alarms, present, len(sample) - present)
