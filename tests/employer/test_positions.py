"""Closing a filled position: everyone told once, interviews cancelled, closed only then."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from takt.core.models import Application, Interview, Person, Position
from takt.hiring import positions
from takt.outbox.models import Message

pytestmark = pytest.mark.django_db


def _candidates(team, count, stage="applied", email=True):
    made = []
    for n in range(count):
        person = Person.objects.create(
            workspace=team["workspace"],
            name=f"{stage} {n}",
            email=f"{stage}{n}@example.se" if email else "",
            phone="+4670000000",
        )
        made.append(
            Application.objects.create(position=team["position"], person=person, stage=stage)
        )
    return made


def test_it_tells_everyone_in_words_for_their_stage_and_cancels_interviews(team, book) -> None:
    interviewed = _candidates(team, 2, "interviewed")
    _candidates(team, 3, "applied")
    interview = book(hours_ahead=72)  # the fixture's candidate has a booked interview
    result = positions.close_position(
        team["position"], hired=interviewed[0], actor=team["recruiter"], batch_size=2
    )
    assert result.closed and result.informed == 5
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert not interview.bookings.filter(active=True).exists()
    booked = Message.objects.get(recipient_email="erik@example.se")
    assert booked.ical_method == "CANCEL" and f"SEQUENCE:{interview.sequence}" in booked.ical
    # The attached calendar itself must say CANCEL, not only the row's label.
    assert "METHOD:CANCEL" in booked.ical and "STATUS:CANCELLED" in booked.ical
    assert f"UID:{interview.uid}" in booked.ical
    thanks = Message.objects.get(recipient_email="interviewed1@example.se")
    assert "träffa oss" in thanks.text
    assert not Message.objects.filter(recipient_email="interviewed0@example.se").exists()
    assert Position.objects.get(pk=team["position"].pk).status == Position.Status.CLOSED


def test_a_second_run_sends_nothing_twice(team) -> None:
    _candidates(team, 4)
    position = team["position"]
    now = timezone.now()
    positions.mark_filled(position, hired=None, actor=None, now=now)
    positions.inform_batch(position, actor=None, now=now, size=2)
    # Interrupted: two are told. A crash that lost the informed marks re-runs them safely.
    Application.objects.update(informed_at=None)
    positions.inform_all(position, actor=None, now=now)
    assert Message.objects.count() == 5  # four plus the fixture's candidate, each once


def test_it_cannot_close_while_someone_is_uninformed(team, recruiter_client) -> None:
    silent = _candidates(team, 1, "interviewed", email=False)[0]
    result = positions.close_position(team["position"], hired=None, actor=team["recruiter"])
    assert not result.closed and result.still_uninformed == [silent.person.name]
    url = reverse("employer_filled", args=[team["workspace"].pk, team["position"].pk])
    page = recruiter_client.get(url).content.decode()
    assert 'data-rule="position_filled.uninformed"' in page and silent.person.name in page
    recruiter_client.post(
        reverse("employer_close", args=[team["workspace"].pk, team["position"].pk])
    )
    assert Position.objects.get(pk=team["position"].pk).status == Position.Status.FILLED
    recruiter_client.post(
        reverse(
            "employer_call_candidate", args=[team["workspace"].pk, team["position"].pk, silent.pk]
        ),
        {"outcome": "reached"},
    )
    recruiter_client.post(
        reverse("employer_close", args=[team["workspace"].pk, team["position"].pk])
    )
    assert Position.objects.get(pk=team["position"].pk).status == Position.Status.CLOSED


@override_settings(
    TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
)
def test_the_fill_page_runs_the_task_and_shows_progress(
    team, recruiter_client, django_capture_on_commit_callbacks
) -> None:
    _candidates(team, 3, "interviewed")
    url = reverse("employer_fill", args=[team["workspace"].pk, team["position"].pk])
    assert recruiter_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter_client.post(url, {"hired": ""})
    page = recruiter_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "4 of 4 told" in text
    assert "interviewed 0" in text.split("Call list")[1]  # interviewed come first to call
    assert Position.objects.get(pk=team["position"].pk).status == Position.Status.CLOSED


def test_bad_input_keeps_the_form(team, recruiter_client) -> None:
    url = reverse("employer_book", args=[team["workspace"].pk, team["position"].pk])
    response = recruiter_client.post(
        url,
        {
            "application": team["application"].pk,
            "interviewers": [team["recruiter"].pk],
            "start": "2030-03-31T02:30",
            "minutes": 60,
            "timezone": "Europe/Stockholm",
        },
    )
    assert response.status_code == 200
    assert 'value="2030-03-31T02:30"' in response.content.decode()
    assert not Interview.objects.exists()


def test_booking_refuses_a_double_booking_naming_the_clash(team, book, recruiter_client) -> None:
    existing = book(hours_ahead=72)
    local = existing.start.astimezone(existing.zone).strftime("%Y-%m-%dT%H:%M")
    url = reverse("employer_book", args=[team["workspace"].pk, team["position"].pk])
    response = recruiter_client.post(
        url,
        {
            "application": team["application"].pk,
            "interviewers": [team["recruiter"].pk],
            "start": local,
            "minutes": 30,
            "timezone": "Europe/Stockholm",
        },
    )
    text = response.content.decode()
    assert existing.get_absolute_url() in text and 'data-rule="schedule.unchecked"' in text
    assert Interview.objects.count() == 1


def test_dashboard_lists_uninformed_and_unanswered(team, book, recruiter_client) -> None:
    from takt.hiring import employer

    interview = book(hours_ahead=72)
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    employer.send_offer(
        change,
        employer.suggest_times(interview, now=timezone.now())[:3],
        actor=team["recruiter"],
        now=timezone.now() - timedelta(hours=50),
    )
    type(change).objects.filter(pk=change.pk).update(sent_at=timezone.now() - timedelta(hours=50))
    _candidates(team, 1, "applied", email=False)
    positions.close_position(team["position"], hired=None, actor=team["recruiter"])
    page = recruiter_client.get(
        reverse("dashboard", args=[team["workspace"].pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "has not been told it is filled" in page  # one candidate: the singular


def test_a_call_cancels_the_interviews_the_e_mail_batch_will_now_skip(team, book) -> None:
    """Told by phone before (or instead of) the e-mail: their time ahead is released too."""
    silent = _candidates(team, 1, "booked", email=False)[0]
    early = _candidates(team, 1, "booked")[0]
    no_mail = book(hours_ahead=48, person=silent.person, application=silent)
    with_mail = book(hours_ahead=96, person=early.person, application=early)
    position = team["position"]
    now = timezone.now()
    positions.mark_filled(position, hired=None, actor=team["recruiter"], now=now)
    position.refresh_from_db()
    for application in (silent, early):
        application.refresh_from_db()
        positions.log_call(
            application, outcome="reached", actor=team["recruiter"], now=now, language="en"
        )
    for interview in (no_mail, with_mail):
        interview.refresh_from_db()
        assert interview.status == Interview.Status.CANCELLED
        assert not interview.bookings.filter(active=True).exists()
    assert not Message.objects.filter(interview=no_mail).exists()
    cancel = Message.objects.get(interview=with_mail)
    assert cancel.ical_method == "CANCEL" and f"SEQUENCE:{with_mail.sequence}" in cancel.ical
    # The batches that follow neither write to them again nor touch the interviews.
    positions.inform_all(position, actor=team["recruiter"], now=now)
    assert Message.objects.filter(recipient_email=early.person.email).count() == 1
    sequence = with_mail.sequence
    with_mail.refresh_from_db()
    assert with_mail.sequence == sequence
