"""From the domain to the composer: the wording Situation for an interview and its change."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from takt import wording
from takt.core.models import Change, Interview, Membership
from takt.core.rules import thresholds


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
        # The counterpart's own date style ("Thursday, March 26 at 5:00 AM EDT" for en-US).
        locale=counterpart.reading_locale,
    )
    me = member_party(member, interview, member_language)
    candidate, contact = (other, me) if interview.workspace.is_team else (me, other)
    return wording.Situation(
        candidate=candidate,
        contact=contact,
        company=interview.company or interview.workspace.name,
        # {"sv": ..., "en": ...} when the position has an English title: English text uses it.
        role=interview.position.titles if interview.position else interview.role,
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
        # "i dag"/"i morgon", and an apology for the short notice under the workspace's limit.
        now=timezone.now(),
        min_notice_hours=thresholds(interview.workspace).min_notice_hours,
    )
