"""The recruiter as CHAIR beside Takt's ORGANIZER, the From read back, and DECLINECOUNTER."""

from dataclasses import replace

from icalendar import Calendar

from takt.outbox.invitation import build_decline_counter, build_invitation
from takt.outbox.invitation_address import sender_for
from tests.invitations.helpers import interview

TAKT = ("Anna Berg", "invite+7.abc-DEF_1@svar.takt.example")
ANNA = ("Anna Berg", "anna@norrsken.example")


def _event(data: bytes):
    calendar = Calendar.from_ical(data)
    return calendar, calendar.walk("VEVENT")[0]


def test_the_chair_is_an_accepted_attendee_with_no_rsvp_and_named_once():
    with_chair = interview(
        organizer=TAKT, chair=ANNA, attendees=[("Erik Lind", "erik@example.se"), ANNA]
    )
    _calendar, event = _event(build_invitation(with_chair))

    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    assert list(attendees) == ["mailto:anna@norrsken.example", "mailto:erik@example.se"]
    assert attendees["mailto:anna@norrsken.example"]["ROLE"] == "CHAIR"
    assert attendees["mailto:anna@norrsken.example"]["RSVP"] == "FALSE"
    assert attendees["mailto:erik@example.se"]["RSVP"] == "TRUE"
    assert event["ORGANIZER"] == f"mailto:{TAKT[1]}"


def test_without_a_chair_the_invitation_is_as_before():
    _calendar, event = _event(build_invitation(interview()))

    assert event["ORGANIZER"] == "mailto:anna@norrsken.example"
    assert str(event["ATTENDEE"]) == "mailto:erik@example.se"


def test_the_from_is_read_back_from_a_takt_organizer_even_with_a_comma_in_the_name(settings):
    settings.TAKT_REPLY_DOMAIN = "svar.takt.example"
    comma = interview(organizer=("Berg, Anna", TAKT[1]), chair=ANNA)

    assert sender_for(build_invitation(comma).decode()) == f'"Berg, Anna" <{TAKT[1]}>'


def test_an_organizer_outside_takts_domain_is_never_used_as_from(settings):
    settings.TAKT_REPLY_DOMAIN = "svar.takt.example"

    assert sender_for(build_invitation(interview()).decode()) == ""
    assert sender_for("") == ""


def test_declinecounter_echoes_uid_and_sequence_to_the_attendee_alone():
    moved = replace(interview(sequence=3), organizer=TAKT)
    calendar, event = _event(
        build_decline_counter(moved, ("Erik Lind", "erik@example.se"), "Tiden passar inte.")
    )

    assert calendar["METHOD"] == "DECLINECOUNTER"
    assert (event["UID"], event["SEQUENCE"]) == ("interview-8f3k2@takt.example", 3)
    assert str(event["ATTENDEE"]) == "mailto:erik@example.se"
    assert event["ORGANIZER"] == f"mailto:{TAKT[1]}"
    assert event["COMMENT"] == "Tiden passar inte."
    assert "DTSTART" not in event
