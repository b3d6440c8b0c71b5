"""Writing and queueing the employer's e-mails, with the calendar invitation they carry."""

from django.conf import settings
from django.contrib.auth.models import User

from takt import wording
from takt.core.composing import situation_for
from takt.core.models import Change, Interview, Membership, Side
from takt.outbox.invitations_for import invitation_for
from takt.outbox.models import Message
from takt.outbox.services import idempotency_key, queue_message
from takt.scheduling import Span


def organizer(user: User | None) -> tuple[str, str]:
    if user is None:
        return ("Takt", settings.DEFAULT_FROM_EMAIL)
    return (user.get_full_name() or user.get_username(), user.email or settings.DEFAULT_FROM_EMAIL)


def recruiter_of(interview: Interview, change: Change | None = None) -> User | None:
    """Who speaks for the employer: the change's author, else the first interviewer or owner."""
    if change is not None and change.created_by is not None and change.side == Side.EMPLOYER:
        return change.created_by
    booking = interview.bookings.select_related("user").order_by("pk").first()
    if booking is not None:
        return booking.user
    owner = (
        Membership.objects.filter(workspace=interview.workspace)
        .select_related("user")
        .order_by("-role", "pk")
        .first()
    )
    return owner.user if owner else None


def recruiter_phone(interview: Interview, user: User | None) -> str:
    return Membership.phone_of(interview.workspace, user) if user is not None else ""


def drafts(
    interview: Interview,
    recruiter: User,
    action: str,
    *,
    change: Change | None = None,
    alternatives: list[Span] | tuple[Span, ...] = (),
    link: str | None = None,
    language: str = "sv",
) -> list[wording.ComposedMessage]:
    """The messages for (action, employer); scripts in `language`, e-mails in the candidate's."""
    situation = situation_for(
        interview,
        recruiter,
        member_language=language,
        change=change,
        alternatives=alternatives,
        link=link,
    )
    return wording.compose(situation, action, Side.EMPLOYER)


def kind_of(messages: list[wording.ComposedMessage], kind: str) -> wording.ComposedMessage:
    return next(m for m in messages if m.kind == kind)


def queue_to_candidate(
    interview: Interview,
    email: wording.ComposedMessage,
    *,
    kind: str,
    change: Change | None,
    method: str | None,
    sender: User | None,
    with_link: bool = False,
) -> Message | None:
    """Queue the e-mail (and the invitation) once per interview, kind and sequence.

    `with_link`: the text holds links.PLACEHOLDER (see `drafts`), and the link made when
    it is sent is bound to the interview's sequence now.
    """
    person = interview.counterpart
    if not person.email:
        return None
    ical = invitation_for(interview, method, organizer(sender)) if method else None
    return queue_message(
        workspace=interview.workspace,
        kind=kind,
        recipient_name=person.name,
        recipient_email=person.email,
        language=email.language,
        subject=email.subject or "",
        text=email.text,
        html=email.html or "",
        interview=interview,
        change=change,
        ical=ical,
        ical_method=method or "",
        key=idempotency_key(interview.uid, kind, interview.sequence, person.email),
        link_sequence=interview.sequence if with_link else None,
    )


def queue_to_recruiter(
    interview: Interview,
    recruiter: User | None,
    email: wording.ComposedMessage,
    *,
    kind: str,
    change: Change | None,
    method: str | None = None,
) -> Message | None:
    """Tell the recruiter what the candidate did through the link."""
    if recruiter is None or not recruiter.email:
        return None
    ical = invitation_for(interview, method, organizer(recruiter)) if method else None
    return queue_message(
        workspace=interview.workspace,
        kind=kind,
        recipient_name=recruiter.get_full_name() or recruiter.get_username(),
        recipient_email=recruiter.email,
        language=email.language,
        subject=email.subject or "",
        text=email.text,
        interview=interview,
        change=change,
        ical=ical,
        ical_method=method or "",
        key=idempotency_key(interview.uid, kind, interview.sequence, recruiter.email),
    )
