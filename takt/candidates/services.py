"""What a candidate does through a link: pick a time, ask for others, cancel, ask to reschedule.

Each is one transaction that also marks the link used, so a second click (or
a second tab) finds a used link instead of acting twice. Each runs the rules
itself (coaching.py) before it writes: a block raises rules.Blocked, a warning
not acknowledged by its rule id raises rules.Unacknowledged, and the warnings
gone past are recorded with the change. Picking a time moves
the interview through move_interview: on PostgreSQL the exclusion constraint,
on SQLite the IMMEDIATE transaction, lets exactly one of two racing candidates
have a time that shares an interviewer; the other gets DoubleBooking.
"""

from collections.abc import Collection
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from takt import wording
from takt.candidates import coaching
from takt.core import audit, changes, events, lifecycle, rules
from takt.core.booking import conflicts
from takt.core.cancelling import cancel_interview
from takt.core.composing import situation_for
from takt.core.models import Alternative, Application, Change, Interview, Side
from takt.core.moving import move_interview
from takt.core.timeline import meaning_of
from takt.hiring.mail import (
    kind_of,
    queue_to_candidate,
    queue_to_recruiter,
    recruiter_of,
    recruiter_phone,
)
from takt.hiring.models import CandidateLink
from takt.hiring.receiving import first_name, read_words
from takt.scheduling import Span

LABEL = "candidate (link)"


class LinkSpent(Exception):
    """The link was used, or the interview changed, while the candidate was on the page."""


def offered_times(link: CandidateLink, now: datetime) -> list[Alternative]:
    """The offered times still possible: in the future and not taken by another interview."""
    if link.change is None:
        return []
    interview = link.interview
    users = [b.user for b in interview.bookings.select_related("user")]
    open_times = []
    for alternative in link.change.alternatives.all():
        if alternative.start <= now:
            continue
        if users and conflicts(users, alternative.start, alternative.end, exclude=interview):
            continue
        open_times.append(alternative)
    return open_times


def _claim(link: CandidateLink, used_for: str, now: datetime) -> Interview:
    """Lock the interview and mark the link used, or LinkSpent if someone was faster."""
    interview = Interview.objects.select_for_update().get(pk=link.interview_id)
    claimed = CandidateLink.objects.filter(
        pk=link.pk, used_at__isnull=True, sequence=interview.sequence
    ).update(used_at=now, used_for=used_for)
    if claimed != 1:
        raise LinkSpent
    return interview


def _recruiter_language() -> str:
    return settings.LANGUAGE_CODE[:2]


@transaction.atomic
def choose_time(
    link: CandidateLink,
    alternative_id: int,
    *,
    now: datetime,
    lang: str = "sv",
    acknowledged: Collection[str] = (),
) -> Interview:
    """Move the interview to the chosen time; DoubleBooking if it was just taken.

    The time must still be free in the interviewers' calendars (schedule.conflict
    blocks): they may have filled it since the offer went out.
    """
    change = link.change
    if change is None or not change.is_open:
        raise LinkSpent
    alternative = change.alternatives.get(pk=alternative_id)
    rules.enforce(coaching.pick_findings(link.interview, alternative, now, lang), acknowledged)
    interview = _claim(link, "pick", now)
    moved = move_interview(
        interview,
        start=alternative.start,
        end=alternative.end,
        actor=None,
        actor_label=LABEL,
        change=change,
    )
    events.about_interview(
        "candidate.time_picked",
        moved,
        change_id=change.pk,
        chosen={"start": alternative.start.isoformat(), "end": alternative.end.isoformat()},
    )
    recruiter = recruiter_of(moved, change)
    if recruiter is not None:
        situation = situation_for(
            moved,
            recruiter,
            member_language=_recruiter_language(),
            change=change,
            agreed=(alternative.start, alternative.end),
        )
        to_candidate = wording.confirm_time(situation, Side.CANDIDATE)
        queue_to_candidate(
            moved,
            to_candidate,
            kind="time_confirmed",
            change=change,
            method="REQUEST",
            sender=recruiter,
        )
        to_recruiter = wording.confirm_time(situation, Side.EMPLOYER)
        queue_to_recruiter(
            moved,
            recruiter,
            to_recruiter,
            kind="time_chosen",
            change=change,
            method="REQUEST",
        )
    return moved


@transaction.atomic
def ask_other_times(
    link: CandidateLink,
    note: str,
    *,
    now: datetime,
    lang: str = "sv",
    acknowledged: Collection[str] = (),
) -> dict[str, Any]:
    """None of the times fit: the recruiter is told, with the candidate's note and its reading.

    The note is read (takt.replies) against the times it answers; the reading
    stays with the audit entry, where the change page and the timeline find it.
    """
    found = rules.enforce(coaching.note_findings(link.interview, note, now, lang), acknowledged)
    interview = _claim(link, "other_times", now)
    change = link.change
    offered = [(a.start, a.end) for a in change.alternatives.all()] if change else []
    reading = read_words(interview, note, now=now, offered=offered)
    if change is not None and found:
        changes.acknowledge(change, found, actor=None, actor_label=LABEL)
    if change is not None and change.is_open:
        lifecycle.move_change_to(change, Change.State.DECLINED)
        change.save(update_fields=["state", "updated_at"])
    audit.record(
        "candidate.asked_other_times",
        workspace=interview.workspace,
        interview=interview,
        actor_label=LABEL,
        note=note.strip()[:1000],
        reading=reading,
        writer=first_name(interview),
    )
    change_id = change.pk if change is not None else None
    said = {"change_id": change_id, "note": note.strip()[:1000], "reading": reading}
    events.about_interview("candidate.other_times_asked", interview, **said)
    events.about_interview("candidate.reply_received", interview, channel="link", **said)
    recruiter = recruiter_of(interview, change)
    with translation.override(_recruiter_language()):
        subject = _("%(name)s asks for other times") % {"name": interview.counterpart.name}
        text = _(
            "%(name)s could not make any of the offered times for %(title)s and asks for "
            "others.\n\nTheir note:\n%(note)s"
        ) % {"name": interview.counterpart.name, "title": interview.title, "note": note.strip()}
        meaning = meaning_of(reading, interview.timezone, first_name(interview))
        text += "\n\n" + _("Takt reads it as: %(meaning)s.") % {"meaning": meaning}
    email = wording.ComposedMessage(
        kind="email", language=_recruiter_language(), text=text, subject=subject
    )
    queue_to_recruiter(interview, recruiter, email, kind=f"other_times_{link.pk}", change=change)
    return reading


def _phone_of_recruiter(link: CandidateLink) -> str:
    """On the link pages the phone that matters is the recruiter's, not the candidate's own."""
    return recruiter_phone(link.interview, recruiter_of(link.interview, link.change))


def _close_offer(interview: Interview) -> None:
    lifecycle.move_changes_to(
        interview.changes.filter(state__in=Change.OPEN_STATES, side=Side.EMPLOYER),
        Change.State.DECLINED,
    )


@transaction.atomic
def cancel_by_candidate(
    link: CandidateLink,
    *,
    reason_category: str,
    reason_text: str,
    now: datetime,
    lang: str = "sv",
    acknowledged: Collection[str] = (),
) -> Change:
    """The candidate withdraws: the interview is cancelled and the recruiter told."""
    found = rules.enforce(
        coaching.candidate_findings(
            link.interview,
            kind=Change.Kind.CANCEL,
            reason_category=reason_category,
            reason_text=reason_text,
            now=now,
            lang=lang,
            recruiter_phone=_phone_of_recruiter(link),
        ),
        acknowledged,
    )
    interview = _claim(link, "cancel", now)
    _close_offer(interview)
    change = _candidate_change(interview, Change.Kind.CANCEL, reason_category, reason_text)
    if found:
        changes.acknowledge(change, found, actor=None, actor_label=LABEL)
    recruiter = recruiter_of(interview)
    interview = cancel_interview(interview, actor=None, actor_label=LABEL, change=change)
    if interview.application_id:
        Application.objects.filter(pk=interview.application_id).update(
            stage=Application.Stage.WITHDRAWN
        )
    if recruiter is not None:
        situation = situation_for(
            interview, recruiter, member_language=_recruiter_language(), change=change
        )
        email = kind_of(wording.compose(situation, "cancel", Side.CANDIDATE), "email")
        queue_to_recruiter(
            interview,
            recruiter,
            email,
            kind="candidate_cancel",
            change=change,
            method="CANCEL",
        )
        receipt = wording.confirm_cancellation(situation, Side.CANDIDATE)
        queue_to_candidate(
            interview,
            receipt,
            kind="cancel_received",
            change=change,
            method="CANCEL",
            sender=recruiter,
        )
    return change


@transaction.atomic
def reschedule_by_candidate(
    link: CandidateLink,
    *,
    reason_category: str,
    reason_text: str,
    other_plans_movable: bool | None,
    times: list[Span],
    now: datetime,
    lang: str = "sv",
    acknowledged: Collection[str] = (),
) -> Change:
    """The candidate asks to move the interview and proposes times of their own."""
    found = rules.enforce(
        coaching.candidate_findings(
            link.interview,
            kind=Change.Kind.RESCHEDULE,
            reason_category=reason_category,
            reason_text=reason_text,
            now=now,
            lang=lang,
            recruiter_phone=_phone_of_recruiter(link),
            other_plans_movable=other_plans_movable,
            times=times,
        ),
        acknowledged,
    )
    interview = _claim(link, "reschedule", now)
    _close_offer(interview)
    change = _candidate_change(
        interview, Change.Kind.RESCHEDULE, reason_category, reason_text, other_plans_movable
    )
    changes.set_alternatives(change, times)
    if found:
        changes.acknowledge(change, found, actor=None, actor_label=LABEL)
    lifecycle.mark_reschedule_pending(interview)
    lifecycle.move_change_to(change, Change.State.SENT)
    change.sent_at = now
    change.save(update_fields=["state", "sent_at", "updated_at"])
    recruiter = recruiter_of(interview)
    if recruiter is not None:
        situation = situation_for(
            interview,
            recruiter,
            member_language=_recruiter_language(),
            change=change,
            alternatives=times,
        )
        email = kind_of(wording.compose(situation, "reschedule", Side.CANDIDATE), "email")
        queue_to_recruiter(
            interview,
            recruiter,
            email,
            kind=f"candidate_reschedule_{change.pk}",
            change=change,
        )
    return change


def _candidate_change(
    interview: Interview,
    kind: str,
    reason_category: str,
    reason_text: str,
    other_plans_movable: bool | None = None,
) -> Change:
    change = Change.objects.create(
        interview=interview,
        kind=kind,
        side=Side.CANDIDATE,
        reason_category=reason_category,
        reason_text=reason_text.strip(),
        other_plans_movable=other_plans_movable,
        old_start=interview.start,
        old_end=interview.end,
    )
    audit.record(
        "change.created",
        workspace=interview.workspace,
        interview=interview,
        actor_label=LABEL,
        kind=kind,
        side=Side.CANDIDATE,
        reason=reason_category,
    )
    events.change_opened(change)
    return change
