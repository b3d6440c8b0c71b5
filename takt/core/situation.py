"""From the domain to the pure packages: a wording Situation and an etiquette check input."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User

from takt import wording
from takt.core.models import Change, ContactAttempt, Interview, Membership


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def member_party(user: User, interview: Interview, language: str) -> wording.Party:
    """A workspace member (recruiter or job seeker) as one side of the conversation."""
    return wording.Party(
        name=user.get_full_name() or user.get_username(),
        email=user.email or None,
        phone=Membership.phone_of(interview.workspace, user) or None,
        language=language,
        timezone=interview.timezone,
    )


def situation_for(
    interview: Interview,
    member: User,
    *,
    member_language: str,
    change: Change | None = None,
    alternatives: Iterable[tuple[datetime, datetime]] = (),
    link: str | None = None,
    stage: str = "booked",
    agreed: tuple[datetime, datetime] | None = None,
) -> wording.Situation:
    """The facts the composer writes from; the member is the candidate in a personal workspace."""
    counterpart = interview.counterpart
    other = wording.Party(
        name=counterpart.name,
        email=counterpart.email or None,
        phone=counterpart.phone or None,
        language=counterpart.language,
        timezone=counterpart.timezone,
    )
    me = member_party(member, interview, member_language)
    candidate, contact = (other, me) if interview.workspace.is_team else (me, other)
    return wording.Situation(
        candidate=candidate,
        contact=contact,
        company=interview.company or interview.workspace.name,
        role=interview.position.title if interview.position else interview.role,
        interview=wording.Interview(
            start=interview.start,
            end=interview.end,
            timezone=interview.timezone,
            location=interview.location or interview.video_link or None,
        ),
        reason=wording.Reason(
            category=change.reason_category if change else "other",
            text=change.reason_text if change else None,
        ),
        alternatives=tuple(wording.Slot(start, end) for start, end in alternatives),
        emergency=bool(change and change.emergency),
        stage=stage,
        link=link,
        agreed=wording.Slot(*agreed) if agreed else None,
        already_cancelled=interview.status == Interview.Status.CANCELLED,
    )


def check_input_for(
    change: Change,
    *,
    now: datetime,
    alternatives: Iterable[tuple[datetime, datetime]] = (),
    busy: Iterable[tuple[datetime, datetime]] | None = None,
    channel: str | None = None,
    message: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """The check contract's input for a change as it stands (GUIDELINES.md)."""
    interview = change.interview
    repeats = (
        Change.objects.filter(
            interview=interview,
            side=change.side,
            kind=Change.Kind.RESCHEDULE,
            state=Change.State.AGREED,
        )
        .exclude(pk=change.pk)
        .count()
    )
    attempts = ContactAttempt.objects.filter(interview=interview, at__gte=change.created_at)
    data: dict[str, Any] = {
        "action": change.kind,
        "side": change.side,
        "now": now.isoformat(),
        "interview": {
            "start": interview.start.isoformat(),
            "end": interview.end.isoformat(),
            "timezone": interview.timezone,
            "times_rescheduled_by_side": repeats,
        },
        "reason": {"category": change.reason_category, "text": change.reason_text},
        "emergency": change.emergency,
        "alternatives": [{"start": s.isoformat(), "end": e.isoformat()} for s, e in alternatives],
        "phone_known": bool(interview.counterpart.phone),
        "contact_attempts": [
            {"channel": a.channel, "outcome": a.outcome, "at": a.at.isoformat()} for a in attempts
        ],
        "contacted_at": _iso(change.contacted_at),
        "followup_sent_at": _iso(change.followup_sent_at),
    }
    if change.known_since:
        data["known_since"] = change.known_since.isoformat()
    if change.side == "candidate" and change.kind == Change.Kind.RESCHEDULE:
        data["other_plans_movable"] = change.other_plans_movable
    if busy is not None:
        data["busy"] = [{"start": s.isoformat(), "end": e.isoformat()} for s, e in busy]
    if channel:
        data["channel"] = channel
    if message:
        data["message"] = {"language": message[0], "text": message[1]}
    return data
