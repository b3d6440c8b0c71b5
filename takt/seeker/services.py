"""The job seeker's verbs: add an interview, and walk a reschedule or cancellation to its end.

Each verb is one transaction, and runs the rules itself on what it is about to
commit before it writes anything: a block raises rules.Blocked, a warning not
acknowledged by its rule id raises rules.Unacknowledged, and the warnings gone
past are recorded in the same transaction. The web, the API and the CLI get the
same answer. The draft reason alone is saved whatever the rules say, so closing
the phone half-way loses nothing; going on past it is a verb of its own (go_on).
"""

from collections.abc import Collection
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from takt.core import audit, changes, lifecycle, rules
from takt.core.cancelling import cancel_interview
from takt.core.models import Change, ContactAttempt, Interview, Person, Side, Workspace
from takt.core.moving import move_interview
from takt.core.rules import Finding
from takt.core.schedule import schedule_interview
from takt.outbox.services import queue_message
from takt.scheduling import Span
from takt.seeker import checks, relay


class AlreadyImported(Exception):
    """An interview with this invitation's UID is already in Takt."""


class NoEmail(Exception):
    """The contact has no e-mail address, so Takt cannot send for the person."""


@transaction.atomic
def add_interview(
    *,
    workspace: Workspace,
    actor: User,
    company: str,
    role: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str,
    contact_language: str,
    start: datetime,
    end: datetime,
    zone: str,
    location: str = "",
    video_link: str = "",
    uid: str = "",
    acknowledged: Collection[str] = (),
    lang: str | None = None,
    contact_locale: str = "",
) -> Interview:
    """The interview and its contact, checked against the person's calendar (Tip 2).

    schedule.conflict raises Blocked, as DoubleBooking does (own interviews overlap): no rows.
    """
    if uid and Interview.objects.filter(uid=uid).exists():
        raise AlreadyImported(uid)
    found = checks.schedule_findings(actor, start, end, now=timezone.now(), zone=zone, lang=lang)
    rules.enforce(found, acknowledged)
    person = Person.objects.create(
        workspace=workspace,
        name=contact_name.strip(),
        email=contact_email.strip(),
        phone=contact_phone.strip(),
        language=contact_language,
        locale=contact_locale,
        timezone=zone,
    )
    interview = schedule_interview(
        workspace=workspace,
        counterpart=person,
        start=start,
        end=end,
        timezone=zone,
        interviewers=[actor],
        actor=actor,
        company=company.strip(),
        role=role.strip(),
        location=location.strip(),
        video_link=video_link.strip(),
    )
    if uid:
        # The employer's UID, so their later updates of the invitation match this interview.
        interview.uid = uid
        interview.save(update_fields=["uid"])
    return interview


@transaction.atomic
def save_reason(
    interview: Interview,
    *,
    kind: str,
    actor: User,
    reason_category: str,
    reason_text: str,
    other_plans_movable: bool | None = None,
    known_since: datetime | None = None,
) -> Change:
    """Start the draft, or update the reason of the one already open.

    No rule stops a draft: the person is typing and nothing leaves Takt. The
    page shows what the rules say, and go_on (and every verb after it) enforces it.
    `known_since` is when they found out (M2.1); left out, a new draft counts from
    now and an open one keeps what it had, so saving again never resets the clock.
    """
    change = open_change(interview, kind)
    if change is None:
        return changes.start_change(
            interview,
            kind=kind,
            side=Side.CANDIDATE,
            reason_category=reason_category,
            reason_text=reason_text,
            actor=actor,
            known_since=known_since or timezone.now(),
            other_plans_movable=other_plans_movable,
        )
    change.reason_category = reason_category
    change.reason_text = reason_text.strip()
    change.other_plans_movable = other_plans_movable
    if known_since is not None:
        change.known_since = known_since
    change.save(
        update_fields=[
            "reason_category",
            "reason_text",
            "other_plans_movable",
            "known_since",
            "updated_at",
        ]
    )
    audit.record(
        "change.updated",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
        reason=reason_category,
    )
    return change


def open_change(interview: Interview, kind: str | None = None) -> Change | None:
    """The interview's open change (of this kind), if any."""
    query = interview.changes.filter(state__in=Change.OPEN_STATES)
    if kind is not None:
        query = query.filter(kind=kind)
    return query.order_by("-created_at").first()


def _enforce(
    change: Change, found: list[Finding], *, acknowledged: Collection[str], actor: User
) -> None:
    """Refuse before anything is written; then record the warnings gone past this time.

    A warning gone past at an earlier step (a reason, the notice) holds for the
    steps after it; one about a message must be acknowledged for each message.
    """
    before = checks.acknowledged_before(change)
    rules.enforce(found, {*acknowledged, *before})
    new = [f for f in found if not (f.warns and f.rule in before)]
    if any(f.warns for f in new):
        changes.acknowledge(change, new, actor=actor)


def _saved_times(change: Change) -> list[Span]:
    return [(a.start, a.end) for a in change.alternatives.all()]


@transaction.atomic
def go_on(
    change: Change,
    step: str,
    *,
    actor: User,
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> None:
    """Go past a step that sends nothing ("why", or a reschedule's "notice") as the draft stands."""
    verb = f"{change.kind}_{step}"
    if step not in ("why", "notice") or verb not in checks.VERB_RULES:
        raise ValueError(f"no step {step!r} to go past in a {change.kind}")
    found = checks.raw_findings(change, now=timezone.now(), lang=lang)
    _enforce(change, checks.for_verb(found, verb), acknowledged=acknowledged, actor=actor)


@transaction.atomic
def choose_alternatives(
    change: Change,
    times: list[Span],
    *,
    actor: User,
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> None:
    """The new times to offer, free in the person's own calendar (M1.2, Tip 2)."""
    busy: list[Span] = []
    if times:
        start = min(s for s, _ in times) - timedelta(days=1)
        busy = checks.busy_of(actor, change.interview, start, max(e for _, e in times))
    found = checks.raw_findings(
        change, now=timezone.now(), alternatives=times, busy=busy, lang=lang
    )
    _enforce(
        change,
        checks.for_verb(found, "reschedule_times"),
        acknowledged=acknowledged,
        actor=actor,
    )
    changes.set_alternatives(change, times)
    audit.record(
        "alternatives.chosen",
        workspace=change.interview.workspace,
        interview=change.interview,
        actor=actor,
        note=str(len(times)),
    )


@transaction.atomic
def log_call(
    change: Change,
    *,
    outcome: str,
    actor: User,
    note: str = "",
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> ContactAttempt:
    """One phone call (or the voicemail left); reaching them puts the request on its way.

    A call is how the guide wants it done, so only the steps before it are enforced.
    """
    found = checks.raw_findings(
        change, now=timezone.now(), alternatives=_saved_times(change), lang=lang
    )
    verb = "reschedule_call" if change.kind == Change.Kind.RESCHEDULE else "cancel_call"
    _enforce(change, checks.for_verb(found, verb), acknowledged=acknowledged, actor=actor)
    channel = (
        ContactAttempt.Channel.VOICEMAIL
        if outcome == ContactAttempt.Outcome.LEFT_MESSAGE
        else ContactAttempt.Channel.PHONE
    )
    attempt = changes.log_contact(
        change.interview, channel=channel, outcome=outcome, actor=actor, change=change, note=note
    )
    if outcome == ContactAttempt.Outcome.REACHED and change.kind == Change.Kind.RESCHEDULE:
        lifecycle.mark_reschedule_pending(change.interview)
    return attempt


def _queue(change: Change, kind: str, actor: User, text: str) -> None:
    """Relay the person's words to the interview's contact, framed by Takt (relay.py).

    The person's own subject is kept only in their log (the contact attempt's note):
    the e-mail carries Takt's.
    """
    interview = change.interview
    person = interview.counterpart
    if not person.email:
        raise NoEmail(person.name)
    framed = relay.frame(interview, actor, text)
    queue_message(
        workspace=interview.workspace,
        kind=kind,
        recipient_name=person.name,
        recipient_email=person.email,
        language=person.language,
        subject=framed.subject,
        text=framed.text,
        interview=interview,
        change=change,
        # One per change and kind: a double click or a retry never sends it twice.
        key=f"change:{change.pk}:{kind}",
        relayed_for=framed.relayed,
    )


def _message(change: Change, text: str) -> tuple[str, str]:
    """The e-mail as the rules read it: in the recipient's language."""
    return (change.interview.counterpart.language or "sv", text)


@transaction.atomic
def send_request(
    change: Change,
    *,
    actor: User,
    subject: str,
    text: str,
    through_takt: bool,
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> None:
    """The reschedule e-mail: queued by Takt, or sent by the person from their own mail."""
    found = checks.raw_findings(
        change,
        now=timezone.now(),
        alternatives=_saved_times(change),
        channel=ContactAttempt.Channel.EMAIL,
        message=_message(change, text),
        lang=lang,
    )
    _enforce(
        change, checks.for_verb(found, "reschedule_send"), acknowledged=acknowledged, actor=actor
    )
    if through_takt:
        _queue(change, "candidate_reschedule", actor, text)
    changes.log_contact(
        change.interview,
        channel=ContactAttempt.Channel.EMAIL,
        outcome=ContactAttempt.Outcome.SENT,
        actor=actor,
        change=change,
        note=subject,
    )
    change.refresh_from_db()
    lifecycle.move_change_to(change, Change.State.SENT)
    change.sent_at = change.sent_at or timezone.now()
    change.save(update_fields=["state", "sent_at", "updated_at"])
    lifecycle.mark_reschedule_pending(change.interview)
    audit.record(
        "change.sent",
        workspace=change.interview.workspace,
        interview=change.interview,
        actor=actor,
        recipient=change.interview.counterpart.email,
        through_takt=through_takt,
    )


@transaction.atomic
def send_followup(
    change: Change,
    *,
    actor: User,
    subject: str,
    text: str,
    through_takt: bool,
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> None:
    """The follow-up note (M1.5); the dashboard's reminder stops once it is sent."""
    found = checks.raw_findings(
        change,
        now=timezone.now(),
        channel=ContactAttempt.Channel.EMAIL,
        message=_message(change, text),
        action="followup",
        lang=lang,
    )
    _enforce(change, checks.for_verb(found, "followup"), acknowledged=acknowledged, actor=actor)
    if through_takt:
        _queue(change, "candidate_followup", actor, text)
    change.followup_sent_at = timezone.now()
    change.save(update_fields=["followup_sent_at", "updated_at"])
    audit.record(
        "followup.sent",
        workspace=change.interview.workspace,
        interview=change.interview,
        actor=actor,
        note=subject,
    )


@transaction.atomic
def record_new_time(
    change: Change,
    *,
    start: datetime,
    end: datetime,
    actor: User,
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> Interview:
    """The employer answered with a time: move the interview there and close the change.

    The agreed time is checked against the person's calendar (Tip 2); DoubleBooking
    (another of their interviews) leaves everything as it was, as Blocked does.
    """
    found = checks.schedule_findings(
        actor,
        start,
        end,
        now=timezone.now(),
        zone=change.interview.timezone,
        exclude=change.interview,
        lang=lang,
    )
    rules.enforce(found, acknowledged)
    interview = move_interview(change.interview, start=start, end=end, actor=actor, change=change)
    audit.record(
        "change.agreed",
        workspace=interview.workspace,
        interview=interview,
        actor=actor,
    )
    return interview


@transaction.atomic
def send_cancellation(
    change: Change,
    *,
    actor: User,
    channel: str,
    outcome: str,
    subject: str = "",
    text: str = "",
    through_takt: bool = False,
    acknowledged: Collection[str] = (),
    lang: str | None = None,
) -> Interview:
    """Method 2: they have been told (call, voicemail or e-mail); cancel the interview at once."""
    by_email = channel == ContactAttempt.Channel.EMAIL
    found = checks.raw_findings(
        change,
        now=timezone.now(),
        channel=channel,
        message=_message(change, text) if by_email else None,
        lang=lang,
    )
    _enforce(change, checks.for_verb(found, "cancel_send"), acknowledged=acknowledged, actor=actor)
    if channel == ContactAttempt.Channel.EMAIL and through_takt:
        _queue(change, "candidate_cancel", actor, text)
    changes.log_contact(
        change.interview, channel=channel, outcome=outcome, actor=actor, change=change
    )
    change.refresh_from_db()
    change.sent_at = timezone.now()
    change.save(update_fields=["sent_at", "updated_at"])
    return cancel_interview(change.interview, actor=actor, change=change)


@transaction.atomic
def withdraw(change: Change, *, actor: User) -> None:
    """The person thought better of it: the interview stays as it was.

    No rule speaks against taking a request back, and a blocked draft must always
    be possible to drop, so nothing is enforced here.
    """
    changes.withdraw_change(change, actor=actor)


def current_reschedule(interview: Interview) -> Change | None:
    """The reschedule being walked: the open one, else an agreed one still owing its follow-up."""
    return open_change(interview, Change.Kind.RESCHEDULE) or (
        interview.changes.filter(
            kind=Change.Kind.RESCHEDULE,
            side=Side.CANDIDATE,
            state=Change.State.AGREED,
            contacted_at__isnull=False,
            followup_sent_at__isnull=True,
        )
        .order_by("-created_at")
        .first()
    )
