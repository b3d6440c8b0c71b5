"""The candidate's own words, read (takt.replies) and set against the interviewers' calendars.

The reading is kept with the audit entry the moment the words arrive, so the
timeline shows what Takt made of them then; the free times are worked out when
the recruiter looks, because calendars change in between.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from takt.core.models import AuditEvent, Interview
from takt.etiquette.errors import BadInput
from takt.hiring.checks import busy_of_interviewers
from takt.replies import read_reply
from takt.scheduling import Span
from takt.scheduling.intervals import Interval, merge

ASKED = "candidate.asked_other_times"
# A new time proposed from the candidate's calendar (iTIP COUNTER), and the recruiter's answer.
COUNTER = "calendar.counter"
COUNTER_ANSWERED = ("counter.accepted", "counter.declined")
# The candidate's own words arrive through the link page, by e-mail (takt receive), or as
# a proposal from their calendar.
WORDS = (ASKED, "reply.read", COUNTER)
# Enough one-click times to choose from without turning the page into a calendar.
MOST_SLOTS = 8
QUARTER = timedelta(minutes=15)


def read_words(
    interview: Interview, text: str, *, now: datetime, offered: list[Span]
) -> dict[str, Any]:
    """What the candidate's words mean, to the `reply` contract; the language told from them."""
    request = {
        "text": text,
        "received_at": now.isoformat(),
        "timezone": interview.counterpart.timezone,
        "duration_minutes": max(1, int((interview.end - interview.start).total_seconds() // 60)),
        "offered": [{"start": s.isoformat(), "end": e.isoformat()} for s, e in offered],
    }
    try:
        reading = read_reply(request)
    except BadInput:
        # Only the stored zone could be wrong here; a person reads the words instead.
        return {"intent": "unclear", "chosen": None, "windows": [], "quote": ""}
    if reading["intent"] == "accept" and reading["chosen"] is not None:
        start, end = offered[reading["chosen"]]
        reading["chosen_start"], reading["chosen_end"] = start.isoformat(), end.isoformat()
    return reading


def first_name(interview: Interview) -> str:
    return (interview.counterpart.name.split() or [""])[0]


@dataclass(frozen=True)
class Proposal:
    """The candidate's latest words, their reading, and the times free for every interviewer."""

    note: str
    reading: dict[str, Any]
    windows: list[Span]
    slots: list[Span]
    checked: bool  # False: no interviewer has a calendar, only their other interviews count


def latest_proposal(interview: Interview, *, now: datetime) -> Proposal | None:
    """The candidate's last "none of these suit me" since the interview last moved, if any."""
    asked = _last(interview, *WORDS)
    if asked is None:
        return None
    moved = _last(interview, "interview.moved")
    if moved is not None and moved.at > asked.at:
        return None
    answered = interview.audit.filter(verb__in=COUNTER_ANSWERED, data__event=asked.pk)
    if asked.verb == COUNTER and answered.exists():
        return None  # the recruiter said no to it already
    note = str(asked.data.get("note") or "")
    reading = asked.data.get("reading")
    if not isinstance(reading, dict):
        # Words sent before Takt read them: read them now, as of when they were written.
        reading = read_words(interview, note, now=asked.at, offered=[])
    windows = [
        (datetime.fromisoformat(w["start"]), datetime.fromisoformat(w["end"]))
        for w in reading.get("windows") or []
    ]
    windows = [(max(s, now), e) for s, e in windows if e > now]
    busy = busy_of_interviewers(interview, windows) if windows else None
    slots = free_slots(windows, busy or [], interview.end - interview.start)
    return Proposal(note, reading, windows, slots, checked=busy is not None)


def free_slots(windows: list[Span], busy: list[Span], duration: timedelta) -> list[Span]:
    """Back-to-back times of `duration` inside the windows that miss every busy span."""
    taken = merge(Interval(s, e) for s, e in busy)
    slots: list[Span] = []
    for start, end in windows:
        for gap_start, gap_end in _gaps(start, end, taken):
            at = _on_quarter(gap_start)
            while at + duration <= gap_end and len(slots) < MOST_SLOTS:
                slots.append((at, at + duration))
                at += duration
    return slots


def _gaps(start: datetime, end: datetime, taken: list[Interval]) -> list[Span]:
    gaps: list[Span] = []
    at = start
    for busy in taken:
        if busy.end <= at or busy.start >= end:
            continue
        if busy.start > at:
            gaps.append((at, busy.start))
        at = max(at, busy.end)
    if at < end:
        gaps.append((at, end))
    return gaps


def _on_quarter(moment: datetime) -> datetime:
    """The first quarter hour at or after `moment` (zones keep whole quarters, so UTC will do)."""
    over = timedelta(minutes=moment.minute % 15, seconds=moment.second)
    trimmed = moment.replace(microsecond=0) - over
    return trimmed if trimmed == moment else trimmed + QUARTER


def _last(interview: Interview, *verbs: str) -> AuditEvent | None:
    return interview.audit.filter(verb__in=verbs).order_by("-at", "-pk").first()
