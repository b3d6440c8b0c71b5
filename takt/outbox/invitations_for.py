"""Calendar invitations for an interview, from the employer to the candidate."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from takt.core.models import Interview
from takt.outbox.invitation import Invitation, build_invitation
from takt.outbox.invitation_address import Party, organizer_and_chair


def invitation_data(interview: Interview, method: str, organizer: Party) -> Invitation:
    """The interview as the calendar sees it at its current SEQUENCE: same UID always.

    `organizer` is the person who speaks for the interview; when answers can
    reach Takt, the ORGANIZER is Takt's address in their name and they are the
    CHAIR (invitation_address.py).
    """
    counterpart = interview.counterpart
    attendees = [(counterpart.name, counterpart.email)] if counterpart.email else []
    attendees += [
        (booking.user.get_full_name() or booking.user.get_username(), booking.user.email)
        for booking in interview.bookings.select_related("user")
        if booking.user.email
    ]
    sender, chair = organizer_and_chair(interview, organizer)
    return Invitation(
        uid=interview.uid,
        sequence=interview.sequence,
        method=method,  # type: ignore[arg-type]
        start=interview.start,
        end=interview.end,
        timezone=interview.timezone,
        # The calendar entry is the candidate's: their language, their title for the role.
        summary=interview.title_in(counterpart.language),
        description=description(interview, chair, counterpart.language),
        location=interview.location or interview.video_link,
        organizer=sender,
        attendees=attendees,
        dtstamp=timezone.now(),
        url=f"{settings.SITE_URL}{interview.get_absolute_url()}",
        chair=chair,
    )


def description(interview: Interview, chair: Party | None, language: str) -> str:
    """The video link, and who to write to when the ORGANIZER is Takt's address."""
    lines = [interview.video_link] if interview.video_link else []
    if chair is not None:
        with translation.override(language):
            lines.append(
                _("Questions about the interview: %(name)s, %(email)s")
                % {"name": chair[0], "email": chair[1]}
            )
    return "\n\n".join(lines)


def invitation_for(interview: Interview, method: str, organizer: Party) -> bytes:
    """REQUEST for a booked or moved interview, CANCEL for a cancelled one; same UID always."""
    return build_invitation(invitation_data(interview, method, organizer))
