"""The sent invitation names Takt's address as ORGANIZER in the recruiter's name; From matches."""

import email
import email.policy
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any

import pytest
from icalendar import Calendar

from takt.outbox.invitation_address import interview_id_in, organizer_address
from takt.outbox.invitations_for import invitation_for
from takt.outbox.outgoing import OutboxEmail
from tests.itip.shapes import DOMAIN

pytestmark = pytest.mark.django_db


def _sent(row: Any) -> tuple[EmailMessage, Any]:
    raw = OutboxEmail(row).message().as_bytes()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    event = Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
    return message, event


def test_the_organizer_is_the_interviews_takt_address_with_the_recruiters_name(invited):
    interview, row = invited
    _message, event = _sent(row)

    organizer = event["ORGANIZER"]
    assert organizer == f"mailto:{organizer_address(interview)}"
    assert organizer.params["CN"] == "Anna Berg"
    assert organizer_address(interview).startswith(f"invite+{interview.pk}.")
    assert organizer_address(interview).endswith(f"@{DOMAIN}")
    assert interview_id_in(organizer_address(interview)) == interview.pk


def test_the_from_is_the_organizer_and_reply_to_stays_for_written_answers(invited):
    interview, row = invited
    message, _event = _sent(row)

    name, address = parseaddr(str(message["From"]))
    assert (name, address) == ("Anna Berg", organizer_address(interview))
    assert str(message["Reply-To"]).startswith(f"reply+{row.pk}.")


def test_the_recruiter_stays_visible_as_chair_and_in_the_description(invited):
    row = invited[1]
    _message, event = _sent(row)

    attendees = event["ATTENDEE"]
    chairs = [a for a in attendees if a.params.get("ROLE") == "CHAIR"]
    assert [str(a) for a in chairs] == ["mailto:anna@norrsken.example"]
    assert chairs[0].params["PARTSTAT"] == "ACCEPTED"
    assert chairs[0].params["RSVP"] == "FALSE"
    # The recruiter, also an interviewer, is named once: as the chair.
    assert [str(a) for a in attendees].count("mailto:anna@norrsken.example") == 1
    assert "Frågor om intervjun: Anna Berg, anna@norrsken.example" in str(event["DESCRIPTION"])


def test_a_forged_organizer_address_names_no_interview(invited):
    interview, _row = invited
    forged = organizer_address(interview).replace(f"invite+{interview.pk}.", "invite+999.")

    assert interview_id_in(forged) is None


def test_without_a_reply_domain_the_recruiter_is_the_organizer_as_before(invited, settings):
    interview, row = invited
    settings.TAKT_REPLY_DOMAIN = ""
    anna = ("Anna Berg", "anna@norrsken.example")

    event = Calendar.from_ical(invitation_for(interview, "REQUEST", anna)).walk("VEVENT")[0]
    message, _event = _sent(row)

    assert event["ORGANIZER"] == "mailto:anna@norrsken.example"
    assert all(a.params.get("ROLE") != "CHAIR" for a in event["ATTENDEE"])
    assert parseaddr(str(message["From"]))[1] == settings.DEFAULT_FROM_EMAIL
