"""Turning the `check` contract's JSON into a CheckInput, refusing anything doubtful.

Unknown fields are errors rather than ignored, so that a typo never silently
turns a rule off; every error names the dotted path of the field.
"""

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from takt.etiquette.errors import BadInput, show_value
from takt.etiquette.model import (
    ACTIONS,
    CHANNELS,
    LANGUAGES,
    OUTCOMES,
    REASON_CATEGORIES,
    SIDES,
    Alternative,
    BusyCalendar,
    Candidate,
    CheckInput,
    ContactAttempt,
    Interval,
    Interview,
    Message,
    Reason,
)
from takt.etiquette.policy import Policy
from takt.scheduling.zones import FIRST_YEAR, LAST_YEAR, TimeProblem, parse_instant, zone

TOP_FIELDS = frozenset(
    {
        "action",
        "side",
        "now",
        "interview",
        "known_since",
        "reason",
        "other_plans_movable",
        "emergency",
        "alternatives",
        "busy",
        "phone_known",
        "contact_attempts",
        "channel",
        "message",
        "contacted_at",
        "followup_sent_at",
        "candidates",
        "policy",
    }
)
_INTERVIEW_FIELDS = ("start", "end", "timezone", "times_rescheduled_by_side")
_INTERVAL_FIELDS = ("start", "end")
_INTERVAL_SET = frozenset(_INTERVAL_FIELDS)
_REASON_FIELDS = ("category", "text")
_ATTEMPT_FIELDS = ("channel", "outcome", "at")
_CANDIDATE_FIELDS = ("id", "informed", "channel", "name")
_MESSAGE_FIELDS = ("language", "text")


def parse_check_input(
    data: Mapping[str, Any],
    *,
    extra_fields: frozenset[str] = frozenset(),
    workspace_policy: Mapping[str, Any] | None = None,
) -> CheckInput:
    """Validate a `check` request; BadInput names the first field that is wrong."""
    top = _object(data, "input")
    _only(top, TOP_FIELDS | extra_fields, "", sorted(TOP_FIELDS))
    action = _choice(top.get("action"), "action", ACTIONS, required=True)
    side = _choice(top.get("side"), "side", SIDES, required=action != "position_filled")
    if action == "position_filled":
        # Only an employer fills a position; saying so is optional.
        side = _choice(side, "side", ("employer",)) or "employer"
    assert action is not None and side is not None

    interview = _interview(top.get("interview"), required=action == "schedule")
    tz = interview.timezone
    now_text = top.get("now")
    now = _instant(now_text, "now", tz) if now_text is not None else datetime.now(UTC)

    return CheckInput(
        action=action,
        side=side,
        now=now,
        interview=interview,
        known_since=_optional_instant(top.get("known_since"), "known_since", tz),
        reason=_reason(top.get("reason")),
        other_plans_movable=_bool(top.get("other_plans_movable"), "other_plans_movable"),
        emergency=bool(_bool(top.get("emergency"), "emergency")),
        alternatives=tuple(
            Alternative(index + 1, interval)
            for index, interval in enumerate(
                _intervals(top.get("alternatives"), "alternatives", tz, strict=False)
            )
        ),
        busy=_busy(top.get("busy"), tz),
        phone_known=_bool(top.get("phone_known"), "phone_known"),
        contact_attempts=_attempts(top.get("contact_attempts"), tz),
        channel=_choice(top.get("channel"), "channel", CHANNELS),
        message=_message(top.get("message")),
        contacted_at=_optional_instant(top.get("contacted_at"), "contacted_at", tz),
        followup_sent_at=_optional_instant(top.get("followup_sent_at"), "followup_sent_at", tz),
        candidates=_candidates(top.get("candidates")),
        policy=Policy.from_mapping(
            top.get("policy"),
            base=Policy.from_mapping(workspace_policy, field="workspace_policy"),
        ),
    )


def _interview(value: Any, *, required: bool) -> Interview:
    if value is None:
        if required:
            raise BadInput("interview", "required")
        return Interview()
    obj = _object(value, "interview")
    _only(obj, frozenset(_INTERVIEW_FIELDS), "interview.", _INTERVIEW_FIELDS)
    tz_name = _string(obj.get("timezone"), "interview.timezone")
    tz: ZoneInfo | None = None
    if tz_name is not None:
        try:
            tz = zone(tz_name)
        except TimeProblem as problem:
            raise BadInput("interview.timezone", "unknown_zone", value=tz_name) from problem
    start = _optional_instant(obj.get("start"), "interview.start", tz)
    end = _optional_instant(obj.get("end"), "interview.end", tz)
    if required and start is None:
        raise BadInput("interview.start", "required")
    if required and end is None:
        raise BadInput("interview.end", "required")
    if start is not None and end is not None and end < start:
        raise BadInput("interview.end", "ends_before_start")
    times = obj.get("times_rescheduled_by_side")
    count = 0
    if times is not None:
        field = "interview.times_rescheduled_by_side"
        if isinstance(times, bool) or not isinstance(times, int):
            raise BadInput(field, "wrong_type", expected="integer", value=show_value(times))
        if times < 0:
            raise BadInput(field, "negative", value=times)
        count = times
    return Interview(start=start, end=end, timezone=tz, times_rescheduled_by_side=count)


# tuple.__new__ skips the named tuple's generated __new__: a busy calendar has thousands.
_interval = tuple.__new__


def _intervals(value: Any, field: str, tz: ZoneInfo | None, *, strict: bool) -> list[Interval]:
    """A list of {start, end}; `strict` refuses an end before the start (an alternative may
    have one: that is the `alternatives.invalid` rule's business, not bad input)."""
    if value is None:
        return []
    items = _list(value, field)
    intervals = []
    read = datetime.fromisoformat
    for index, item in enumerate(items):
        # The fast path reads a well-formed item without building field paths; anything odd
        # goes through the careful path, which names the field that is wrong.
        try:
            start = read(item["start"])
            end = read(item["end"])
            # Exactly the two keys (both were just found), and offsets on both: a time
            # without one is local to the interview, which the careful path reads.
            if len(item) != 2 or start.tzinfo is None or end.tzinfo is None:
                raise ValueError
            start = start.astimezone(UTC)
            end = end.astimezone(UTC)
        except (ValueError, KeyError, TypeError, AttributeError):
            start, end = _careful_interval(item, f"{field}[{index}]", tz)
        if strict and end < start:
            raise BadInput(f"{field}[{index}].end", "ends_before_start")
        intervals.append(_interval(Interval, (start, end)))
    return intervals


def _careful_interval(item: Any, path: str, tz: ZoneInfo | None) -> tuple[datetime, datetime]:
    obj = _object(item, path)
    _only(obj, _INTERVAL_SET, path + ".", _INTERVAL_FIELDS)
    return _instant(obj.get("start"), path + ".start", tz), _instant(
        obj.get("end"), path + ".end", tz
    )


def _busy(value: Any, tz: ZoneInfo | None) -> BusyCalendar | None:
    # None means no calendar is connected; [] a connected calendar with nothing in it.
    if value is None:
        return None
    return BusyCalendar(_intervals(value, "busy", tz, strict=True))


def _reason(value: Any) -> Reason | None:
    if value is None:
        return None
    obj = _object(value, "reason")
    _only(obj, frozenset(_REASON_FIELDS), "reason.", _REASON_FIELDS)
    return Reason(
        category=_choice(obj.get("category"), "reason.category", REASON_CATEGORIES),
        text=_string(obj.get("text"), "reason.text"),
    )


def _attempts(value: Any, tz: ZoneInfo | None) -> tuple[ContactAttempt, ...]:
    if value is None:
        return ()
    attempts = []
    for index, item in enumerate(_list(value, "contact_attempts")):
        path = f"contact_attempts[{index}]"
        obj = _object(item, path)
        _only(obj, frozenset(_ATTEMPT_FIELDS), path + ".", _ATTEMPT_FIELDS)
        channel = _choice(obj.get("channel"), path + ".channel", CHANNELS, required=True)
        outcome = _choice(obj.get("outcome"), path + ".outcome", OUTCOMES, required=True)
        assert channel is not None and outcome is not None
        at = _optional_instant(obj.get("at"), path + ".at", tz)
        attempts.append(ContactAttempt(channel, outcome, at))
    return tuple(attempts)


def _candidates(value: Any) -> tuple[Candidate, ...]:
    if value is None:
        return ()
    candidates = []
    for index, item in enumerate(_list(value, "candidates")):
        path = f"candidates[{index}]"
        obj = _object(item, path)
        _only(obj, frozenset(_CANDIDATE_FIELDS), path + ".", _CANDIDATE_FIELDS)
        raw_id = obj.get("id")
        if raw_id is None:
            raise BadInput(path + ".id", "required")
        if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
            raise BadInput(path + ".id", "wrong_type", expected="string", value=show_value(raw_id))
        informed = _bool(obj.get("informed"), path + ".informed")
        if informed is None:
            raise BadInput(path + ".informed", "required")
        candidates.append(
            Candidate(
                id=str(raw_id),
                informed=informed,
                channel=_choice(obj.get("channel"), path + ".channel", CHANNELS),
                name=_string(obj.get("name"), path + ".name"),
            )
        )
    return tuple(candidates)


def _message(value: Any) -> Message | None:
    if value is None:
        return None
    obj = _object(value, "message")
    _only(obj, frozenset(_MESSAGE_FIELDS), "message.", _MESSAGE_FIELDS)
    text = _string(obj.get("text"), "message.text")
    language = _choice(obj.get("language"), "message.language", LANGUAGES)
    # A message without words is no message: the message rules have nothing to read.
    if text is None or not text.strip():
        return None
    return Message(text=text, language=language)


def _only(obj: Mapping[str, Any], allowed: frozenset[str], prefix: str, known: Any) -> None:
    for key in obj:
        if key not in allowed:
            raise BadInput(f"{prefix}{key}", "unknown_field", known=", ".join(known))


def _object(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise BadInput(field, "wrong_type", expected="object", value=show_value(value))
    return value


def _list(value: Any, field: str) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        raise BadInput(field, "wrong_type", expected="list", value=show_value(value))
    return value


def _string(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(field, "wrong_type", expected="string", value=show_value(value))
    return value


def _bool(value: Any, field: str) -> bool | None:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise BadInput(field, "wrong_type", expected="boolean", value=show_value(value))
    return value


def _choice(
    value: Any, field: str, choices: tuple[str, ...], *, required: bool = False
) -> str | None:
    if value is None:
        if required:
            raise BadInput(field, "required")
        return None
    if not isinstance(value, str):
        raise BadInput(field, "wrong_type", expected="string", value=show_value(value))
    if value not in choices:
        raise BadInput(field, "bad_choice", value=value, choices=", ".join(choices))
    return value


def _optional_instant(value: Any, field: str, tz: ZoneInfo | None) -> datetime | None:
    return None if value is None else _instant(value, field, tz)


def _instant(value: Any, field: str, tz: ZoneInfo | None) -> datetime:
    """An aware instant in UTC; a time without offset is read in the interview's zone."""
    if value is None:
        raise BadInput(field, "required")
    if not isinstance(value, str):
        raise BadInput(field, "wrong_type", expected="string", value=show_value(value))
    try:
        return parse_instant(value, tz).astimezone(UTC)
    except TimeProblem as problem:
        raise _time_error(field, value, problem, tz) from problem


def _time_error(field: str, text: str, problem: TimeProblem, tz: ZoneInfo | None) -> BadInput:
    shown = text.strip()
    if problem.code == "ambiguous" and tz is not None:
        local = datetime.fromisoformat(shown)
        first = local.replace(tzinfo=tz, fold=0).isoformat()
        second = local.replace(tzinfo=tz, fold=1).isoformat()
        return BadInput(field, "ambiguous", value=shown, zone=tz.key, first=first, second=second)
    if problem.code == "nonexistent" and tz is not None:
        return BadInput(field, "nonexistent", value=shown, zone=tz.key)
    if problem.code == "naive_without_zone":
        return BadInput(field, "naive_without_zone", value=shown)
    if problem.code == "out_of_range":
        return BadInput(field, "out_of_range", value=shown, first=FIRST_YEAR, last=LAST_YEAR)
    return BadInput(field, "bad_format", value=shown)
