"""Calendar invitations for an interview, from the employer to the candidate."""

from django.conf import settings
from django.utils import timezone

from takt.core.models import Interview
from takt.outbox.invitation import Invitation, build_invitation


def invitation_data(interview: Interview, method: str, organizer: tuple[str, str]) -> Invitation:
    """The interview as the calendar sees it at its current SEQUENCE: same UID always."""
    counterpart = interview.counterpart
    attendees = [(counterpart.name, counterpart.email)] if counterpart.email else []
    attendees += [
        (booking.user.get_full_name() or booking.user.get_username(), booking.user.email)
        for booking in interview.bookings.select_related("user")
        if booking.user.email
    ]
    return Invitation(
        uid=interview.uid,
        sequence=interview.sequence,
        method=method,  # type: ignore[arg-type]
        start=interview.start,
        end=interview.end,
        timezone=interview.timezone,
        # The calendar entry is the candidate's: their language, their title for the role.
        summary=interview.title_in(counterpart.language),
        description=interview.video_link or "",
        location=interview.location or interview.video_link,
        organizer=organizer,
        attendees=attendees,
        dtstamp=timezone.now(),
        url=f"{settings.SITE_URL}{interview.get_absolute_url()}",
    )


def invitation_for(interview: Interview, method: str, organizer: tuple[str, str]) -> bytes:
    """REQUEST for a booked or moved interview, CANCEL for a cancelled one; same UID always."""
    return build_invitation(invitation_data(interview, method, organizer))
