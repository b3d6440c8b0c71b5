"""Bad input is a clear error, never a 500 and never a silent failure (issue 11, must 8)."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from takt.core.models import Interview, Membership, Workspace
from takt.hiring import employer
from takt.hiring.forms import CandidateForm
from takt.outbox.delivery import deliver_due_messages
from takt.outbox.models import Message
from takt.outbox.services import queue_message
from takt.seeker.forms import CancelReasonForm, EmailForm
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "words"), [("en", "nested too deeply"), ("sv", "för många")])
def test_deeply_nested_json_is_answered_422(make_user, lang: str, words: str) -> None:
    client = Client()
    client.force_login(make_user("sara"))
    for body in ("[" * 100_000, '{"a":' * 100_000):
        answer = client.post(f"/api/v1/check?lang={lang}", body, content_type="application/json")
        assert answer.status_code == 422
        assert words in answer.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    "field", [{"subject": "Hej\r\nBcc: all@example.com"}, {"recipient_name": "Eve\r\nBcc: x@y.z"}]
)
def test_a_header_that_cannot_be_written_fails_for_good_at_once(
    team, settings, smtp_server, field: dict[str, str]
) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 10},
        }
    }
    fields = {"subject": "Hej", "recipient_name": "Erik Lind", **field}
    message = queue_message(
        workspace=team["workspace"],
        kind="note",
        recipient_email="erik@example.se",
        language="sv",
        text="Hej!",
        key="header-test",
        **fields,
    )
    assert deliver_due_messages() == 0
    message.refresh_from_db()
    # Not retried eight times as if the server were away: the same header fails every time.
    assert (message.status, message.attempts) == (Message.Status.FAILED, 1)
    assert message.last_error and not smtp_server.messages


# Forms: odd years, line breaks in names and subjects, huge texts


def _seeker(make_user: Any) -> tuple[Client, Workspace]:
    user = make_user("sara", first_name="Sara", last_name="Lind", email="sara@example.se")
    workspace = Workspace.objects.create(name="Saras jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client, workspace


def _interview_data(**changed: str) -> dict[str, str]:
    data = {
        "company": "Norrsken AB",
        "role": "Backendutvecklare",
        "contact_name": "Anna Berg",
        "contact_email": "anna@norrsken.example",
        "contact_language": "sv",
        "day": "2026-05-20",
        "start_time": "10:00",
        "end_time": "11:00",
        "zone": "Europe/Stockholm",
    }
    return {**data, **changed}


@pytest.mark.parametrize(
    ("changed", "words"),
    [
        ({"day": "9999-12-31", "start_time": "23:30", "end_time": "23:59"}, "between the years"),
        ({"day": "0001-01-01", "start_time": "00:10"}, "between the years"),
        ({"contact_name": "Eve\r\nBcc: all@example.com"}, "on one line"),
        ({"company": "Norrsken\nAB"}, "on one line"),
    ],
)
def test_the_seeker_add_form_refuses_odd_years_and_line_breaks(
    make_user, changed: dict[str, str], words: str
) -> None:
    client, workspace = _seeker(make_user)
    page = client.post(reverse("seeker_add", args=[workspace.pk]), _interview_data(**changed))
    assert page.status_code == 200 and words in page.content.decode()
    assert not Interview.objects.exists()


@pytest.mark.parametrize("start", ["9999-12-31T23:30", "0001-01-01T00:10"])
def test_the_employer_booking_refuses_odd_years(team, recruiter_client, start: str) -> None:
    url = reverse("employer_book", args=[team["workspace"].pk, team["position"].pk])
    page = recruiter_client.post(
        url,
        {
            "application": team["application"].pk,
            "interviewers": [team["recruiter"].pk],
            "start": start,
            "minutes": 60,
            "timezone": "Europe/Stockholm",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert page.status_code == 200 and "between the years" in page.content.decode()
    assert not Interview.objects.exists()


def test_a_candidate_name_with_a_line_break_is_refused(team) -> None:
    form = CandidateForm(
        data={
            "name": "Eve\r\nBcc: all@example.com",
            "email": "eve@example.se",
            "language": "sv",
            "timezone": "Europe/Stockholm",
        }
    )
    assert not form.is_valid() and "name" in form.errors


@pytest.mark.parametrize("time_1", ["9999-12-31T23:30", "0001-01-01T00:10"])
def test_a_candidate_reschedule_with_an_odd_year_is_refused_without_login(
    team, book, time_1: str
) -> None:
    interview = book()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    employer.send_offer(
        change, employer.suggest_times(interview, now=timezone.now())[:3], actor=team["recruiter"]
    )
    token = mailed_token()
    page = Client().post(
        f"/c/{token}/reschedule/",
        {
            "reason_category": "illness",
            "reason_text": "Jag har feber.",
            "other_plans_movable": "no",
            "time_1": time_1,
        },
    )
    # Erik reads Swedish.
    assert page.status_code == 200 and "mellan åren 1900 och 2200" in page.content.decode()


@pytest.mark.parametrize(
    "form",
    [
        lambda text: EmailForm(data={"subject": "Ny tid", "text": text}),
        lambda text: CancelReasonForm(
            data={"reason_category": "other", "reason_text": text},
            zone_name="Europe/Stockholm",
            now=timezone.now(),
        ),
    ],
)
def test_a_huge_text_is_refused_by_the_form(form: Any) -> None:
    bound = form("ord " * 600_000)  # 2.4 MB
    assert not bound.is_valid()
    codes = [error.code for errors in bound.errors.as_data().values() for error in errors]
    assert "max_length" in codes


def test_a_subject_with_a_line_break_is_refused_by_the_form() -> None:
    bound = EmailForm(data={"subject": "Ny tid\r\nBcc: all@example.com", "text": "Hej"})
    assert not bound.is_valid() and "subject" in bound.errors


# Invitation imports

EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@example\r\n{}\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (
            "ORGANIZER:mailto:a@x.se\r\nORGANIZER:mailto:b@x.se\r\n"
            "DTSTART:20260510T100000Z\r\nDTEND:20260510T110000Z",
            "more than one organizer",
        ),
        ("DTSTART:20260510T100000Z\r\nDURATION:PXYZ", "length in the file cannot be read"),
        ("DTSTART:99991231T233000Z\r\nDTEND:99991231T233000Z", "outside the years"),
        ("DTSTART:99991231T233000\r\nDURATION:PT2H", "outside the years"),
    ],
)
def test_a_broken_invitation_is_explained(make_user, lines: str, words: str) -> None:
    client, workspace = _seeker(make_user)
    upload = SimpleUploadedFile("invite.ics", EVENT.format(lines).encode(), "text/calendar")
    page = client.post(reverse("seeker_import", args=[workspace.pk]), {"invitation": upload})
    assert page.status_code == 200 and words in page.content.decode()
