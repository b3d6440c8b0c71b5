"""What the checker reads and what it says back: plain, frozen dataclasses.

Every instant here is aware and in UTC. Aware datetimes that share one
ZoneInfo compare by wall time, which is wrong across a DST fold, so the
parser converts everything to UTC once and display converts back.
"""

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate
from operator import itemgetter
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from takt.etiquette.policy import Policy

ACTIONS = ("reschedule", "cancel", "followup", "schedule", "position_filled")
SIDES = ("candidate", "employer")
REASON_CATEGORIES = (
    "illness",
    "family",
    "conflict",
    "travel",
    "leisure",
    "other_offer",
    "not_interested",
    "emergency",
    "position_filled",
    "other",
)
CHANNELS = ("phone", "voicemail", "email", "sms", "in_person")
OUTCOMES = ("reached", "no_answer", "left_message", "sent", "failed")
LANGUAGES = ("sv", "en")
SEVERITIES = ("block", "warn", "advice")


class Interval(NamedTuple):
    """A half-open span [start, end): touching end to start is no overlap.

    A named tuple rather than a frozen dataclass: a busy calendar brings
    thousands of them, and a tuple is built several times faster.
    """

    start: datetime
    end: datetime

    def overlaps(self, other: "Interval") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Alternative:
    """A proposed new time; `number` is its 1-based place in the request, as people count."""

    number: int
    interval: Interval


def _ends_later(best: Interval, block: Interval) -> Interval:
    return block if block.end > best.end else best


class BusyCalendar:
    """Busy intervals sorted once, so each question about an interval is a bisect, not a scan."""

    __slots__ = ("_blocks", "_latest", "_starts")

    def __init__(self, blocks: list[Interval] | tuple[Interval, ...]) -> None:
        # Tuples sort by start (then end) in C, without a key function per block.
        self._blocks = sorted(blocks)
        self._starts = list(map(itemgetter(0), self._blocks))
        # _latest[i] is the block among the first i+1 that ends last; any overlap with
        # an interval [a, b) lies among the blocks starting before b, and exists exactly
        # when the one of them ending last ends after a.
        self._latest: list[Interval] = list(accumulate(self._blocks, _ends_later))

    def __len__(self) -> int:
        return len(self._blocks)

    def first_clash(self, interval: Interval) -> Interval | None:
        """A busy block that overlaps `interval`, or None when it is free."""
        before = bisect_left(self._starts, interval.end)
        if before == 0:
            return None
        block = self._latest[before - 1]
        return block if block.end > interval.start else None


@dataclass(frozen=True, slots=True)
class Interview:
    start: datetime | None = None
    end: datetime | None = None
    timezone: ZoneInfo | None = None
    times_rescheduled_by_side: int = 0


@dataclass(frozen=True, slots=True)
class Reason:
    category: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class ContactAttempt:
    channel: str
    outcome: str
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    informed: bool
    channel: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class CheckInput:
    """One situation to check, validated; see the `check` contract in GUIDELINES.md."""

    action: str
    side: str
    now: datetime
    interview: Interview = field(default_factory=Interview)
    known_since: datetime | None = None
    reason: Reason | None = None
    other_plans_movable: bool | None = None
    emergency: bool = False
    alternatives: tuple[Alternative, ...] = ()
    busy: BusyCalendar | None = None
    phone_known: bool | None = None
    contact_attempts: tuple[ContactAttempt, ...] = ()
    channel: str | None = None
    message: Message | None = None
    contacted_at: datetime | None = None
    followup_sent_at: datetime | None = None
    candidates: tuple[Candidate, ...] = ()
    policy: Policy = field(default_factory=Policy)


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule that fired: id, severity, the part of the guide behind it, and what to do."""

    rule: str
    severity: str
    source: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "source": self.source,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The findings in contract order; `ok` is true when none of them blocks."""

    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(finding.severity == "block" for finding in self.findings)

    def to_json(self) -> dict[str, Any]:
        """The contract's output object."""
        return {"ok": self.ok, "findings": [finding.to_json() for finding in self.findings]}
