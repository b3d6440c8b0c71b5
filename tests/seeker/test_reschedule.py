"""The reschedule flow, step by step: findings in place, blocks stop, warnings are recorded."""

from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone

from takt.calendars.models import BusyTime, CalendarSource
from takt.core.models import AuditEvent, Change, Interview
from takt.outbox.models import Message
from takt.seeker import services as verbs
from tests.seeker.conftest import step_url

pytestmark = pytest.mark.django_db

GOOD_REASON = {
    "reason_category": "conflict",
    "reason_text": "Jag är kallad som vittne till en rättegång den dagen.",
    "other_plans_movable": "no",
}


def _change(interview: Interview) -> Change:
    return Change.objects.get(interview=interview)


def _to_times(seeker) -> Change:
    client, interview = seeker["client"], seeker["interview"]
    assert client.post(step_url(interview, "why"), GOOD_REASON).status_code == 302
    assert client.post(step_url(interview, "notice")).status_code == 302
    return _change(interview)


def _two_times(interview: Interview) -> list[tuple[datetime, datetime]]:
    base = interview.start + timedelta(days=2)
    return [
        (base, base + timedelta(hours=1)),
        (base + timedelta(days=1), base + timedelta(days=1, hours=1)),
    ]


def test_a_missing_reason_blocks_the_step_and_keeps_what_was_typed(seeker) -> None:
    interview = seeker["interview"]
    response = seeker["client"].post(
        step_url(interview, "why"), {**GOOD_REASON, "reason_text": "", "continue_anyway": "on"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-rule="reason.missing"' in page
    assert '<option value="conflict" selected>' in page
    # The draft is saved as they go; nothing is sent and no warning was recorded.
    assert _change(interview).overridden == []


def test_a_leisure_reason_needs_continue_anyway_which_is_recorded(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    leisure = {
        **GOOD_REASON,
        "reason_category": "leisure",
        "reason_text": "Jag ska på en helgresa.",
    }
    first = client.post(step_url(interview, "why"), leisure)
    page = first.content.decode()
    assert first.status_code == 200
    assert 'data-rule="reason.leisure"' in page
    assert 'name="continue_anyway"' in page
    assert "Jag ska på en helgresa." in page
    second = client.post(step_url(interview, "why"), {**leisure, "continue_anyway": "on"})
    assert second.status_code == 302 and second["Location"].endswith("/reschedule/notice/")
    overridden = _change(interview).overridden
    assert {o["rule"] for o in overridden} == {"reason.leisure"}
    assert overridden[0]["by"] == "erik" and overridden[0]["at"]
    assert AuditEvent.objects.filter(
        verb="finding.overridden", data__rule="reason.leisure"
    ).exists()


def test_the_last_resort_question_warns_when_the_other_plan_could_move(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    response = client.post(
        step_url(interview, "why"), {**GOOD_REASON, "other_plans_movable": "yes"}
    )
    assert 'data-rule="reschedule.last_resort"' in response.content.decode()


def test_under_24_hours_the_notice_says_call_now_and_needs_acknowledging(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    start = timezone.now() + timedelta(hours=20)
    Interview.objects.filter(pk=interview.pk).update(start=start, end=start + timedelta(hours=1))
    interview.bookings.update(start=start, end=start + timedelta(hours=1))
    client.post(step_url(interview, "why"), GOOD_REASON)
    page = client.get(step_url(interview, "notice")).content.decode()
    assert 'data-rule="notice.short"' in page
    assert "Call now, do not write" in page
    assert 'href="tel:+4685550100' in page
    stay = client.post(step_url(interview, "notice"))
    assert stay.status_code == 200
    # Skipping ahead by address does not go past the unacknowledged warning.
    assert client.get(step_url(interview, "times"))["Location"].endswith("/reschedule/notice/")
    go = client.post(step_url(interview, "notice"), {"continue_anyway": "on"})
    assert go["Location"].endswith("/reschedule/times/")
    assert "notice.short" in {o["rule"] for o in _change(interview).overridden}


def test_suggested_times_never_collide_with_the_calendar(seeker) -> None:
    change = _to_times(seeker)
    interview = seeker["interview"]
    source = CalendarSource.objects.create(
        workspace=seeker["workspace"], owner=seeker["user"], kind="ics_file", name="Privat"
    )
    now = timezone.now()
    busy = [(now + timedelta(days=d), now + timedelta(days=d, hours=10)) for d in range(1, 20)]
    for start, end in busy:
        BusyTime.objects.create(source=source, start=start, end=end)
    page = seeker["client"].get(step_url(interview, "times")).content.decode()
    import re

    offered = re.findall(r'name="suggested" value="([^|"]+)\|([^"]+)"', page)
    assert offered, "no times were suggested"
    for start_text, end_text in offered:
        start, end = datetime.fromisoformat(start_text), datetime.fromisoformat(end_text)
        assert all(not (start < b_end and b_start < end) for b_start, b_end in busy)
    assert change.alternatives.count() == 0


def test_a_colliding_own_time_is_refused_and_kept(seeker) -> None:
    change = _to_times(seeker)
    interview = seeker["interview"]
    source = CalendarSource.objects.create(
        workspace=seeker["workspace"], owner=seeker["user"], kind="ics_file", name="Privat"
    )
    BusyTime.objects.create(
        source=source,
        start=datetime(2030, 6, 4, 7, 0, tzinfo=UTC),
        end=datetime(2030, 6, 4, 9, 0, tzinfo=UTC),
    )
    response = seeker["client"].post(
        step_url(interview, "times"),
        {
            "own_day_1": "2030-06-04",
            "own_time_1": "10:00",
            "own_day_2": "2030-06-05",
            "own_time_2": "10:00",
        },
    )
    page = response.content.decode()
    assert 'data-rule="alternatives.conflict"' in page
    assert 'value="2030-06-04"' in page and 'value="10:00"' in page
    assert change.alternatives.count() == 0


def test_a_time_in_the_dst_gap_is_refused(seeker) -> None:
    _to_times(seeker)
    response = seeker["client"].post(
        step_url(seeker["interview"], "times"), {"own_day_1": "2030-03-31", "own_time_1": "02:15"}
    )
    assert "does not exist in Europe/Stockholm" in response.content.decode()


def test_one_time_warns_and_two_free_times_go_on(seeker) -> None:
    change = _to_times(seeker)
    client, interview = seeker["client"], seeker["interview"]
    one = client.post(
        step_url(interview, "times"), {"own_day_1": "2030-06-04", "own_time_1": "10:00"}
    )
    assert 'data-rule="alternatives.too_few"' in one.content.decode()
    two = client.post(
        step_url(interview, "times"),
        {
            "own_day_1": "2030-06-04",
            "own_time_1": "10:00",
            "own_day_2": "2030-06-05",
            "own_time_2": "13:00",
        },
    )
    assert two["Location"].endswith("/reschedule/contact/")
    starts = [a.start for a in change.alternatives.all()]
    assert starts == [
        datetime(2030, 6, 4, 8, 0, tzinfo=UTC),
        datetime(2030, 6, 5, 11, 0, tzinfo=UTC),
    ]
    assert all(a.end - a.start == timedelta(hours=1) for a in change.alternatives.all())


def _to_contact(seeker) -> Change:
    change = _to_times(seeker)
    verbs.choose_alternatives(change, _two_times(seeker["interview"]), actor=seeker["user"])
    return change


def test_the_contact_step_shows_the_call_first_with_the_script(seeker) -> None:
    _to_contact(seeker)
    page = seeker["client"].get(step_url(seeker["interview"], "contact")).content.decode()
    assert 'href="tel:+46855501000"' in page
    assert "Jag beklagar att jag måste be om en ny tid" in page  # the call script, in Swedish
    assert "Anna" in page


def test_e_mail_needs_two_failed_calls_or_the_phone_first_warning_acknowledged(seeker) -> None:
    change = _to_contact(seeker)
    client, interview = seeker["client"], seeker["interview"]
    page = client.get(step_url(interview, "contact")).content.decode()
    assert 'data-rule="contact.phone_first"' in page
    draft = {
        "subject": "Kan vi boka om?",
        "text": "Hej Anna! Jag beklagar att jag måste be om en ny tid.",
    }
    early = client.post(step_url(interview, "contact"), {**draft, "action": "send"})
    assert early.status_code == 200 and not Message.objects.exists()
    for _ in range(2):
        client.post(step_url(interview, "contact"), {"action": "call", "outcome": "no_answer"})
    page = client.get(step_url(interview, "contact")).content.decode()
    assert 'data-rule="contact.phone_first"' not in page
    sent = client.post(step_url(interview, "contact"), {**draft, "action": "send"})
    assert sent["Location"].endswith("/reschedule/after/")
    message = Message.objects.get()
    assert message.kind == "candidate_reschedule"
    assert f"change:{change.pk}" in message.idempotency_key
    assert message.recipient_email == "anna@norrsken.example"
    change.refresh_from_db()
    assert change.state == Change.State.SENT and change.contacted_at is not None
    interview.refresh_from_db()
    assert interview.status == Interview.Status.RESCHEDULE_PENDING


def test_going_past_phone_first_is_recorded(seeker) -> None:
    change = _to_contact(seeker)
    draft = {"subject": "Ny tid?", "text": "Hej Anna! Jag ber om ursäkt, kan vi hitta en ny tid?"}
    response = seeker["client"].post(
        step_url(seeker["interview"], "contact"),
        {**draft, "action": "send", "continue_anyway": "on"},
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert "contact.phone_first" in {o["rule"] for o in change.overridden}


def test_without_a_phone_number_the_e_mail_is_open_at_once(seeker) -> None:
    seeker["contact"].phone = ""
    seeker["contact"].save()
    _to_contact(seeker)
    page = seeker["client"].get(step_url(seeker["interview"], "contact")).content.decode()
    assert 'data-rule="contact.phone_first"' not in page
    assert "no phone number" in page


def test_the_own_mail_link_is_url_encoded(seeker) -> None:
    _to_contact(seeker)
    page = seeker["client"].get(step_url(seeker["interview"], "contact")).content.decode()
    start = page.index('href="mailto:')
    link = page[start + 6 : page.index('"', start + 6)]
    assert link.startswith("mailto:anna%40norrsken.example?subject=")
    assert " " not in link and "\n" not in link
    assert "Hej Anna!" in unquote(link.replace("&amp;", "&"))


def test_reaching_them_by_phone_leads_to_the_follow_up(seeker) -> None:
    change = _to_contact(seeker)
    client, interview = seeker["client"], seeker["interview"]
    response = client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
    assert response["Location"].endswith("/reschedule/after/")
    change.refresh_from_db()
    assert change.contacted_at is not None
    page = client.get(step_url(interview, "after")).content.decode()
    assert "fortfarande mycket intresserad" in page  # the follow-up draft


def test_the_follow_up_is_sent_once_and_the_new_time_moves_the_interview(seeker) -> None:
    change = _to_contact(seeker)
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
    note = {
        "subject": "Tack",
        "text": "Hej Anna! Jag ber än en gång om ursäkt. "
        "Jag är fortfarande mycket intresserad av tjänsten.",
        "action": "send",
    }
    assert client.post(step_url(interview, "after"), note).status_code == 302
    assert client.post(step_url(interview, "after"), note).status_code == 302  # a double click
    assert Message.objects.filter(kind="candidate_followup").count() == 1
    change.refresh_from_db()
    assert change.followup_sent_at is not None
    sequence = interview.sequence
    moved = client.post(
        step_url(interview, "after"),
        {"action": "new_time", "day": "2030-06-05", "start_time": "13:00"},
    )
    assert moved.status_code == 302
    interview.refresh_from_db()
    change.refresh_from_db()
    assert interview.start == datetime(2030, 6, 5, 11, 0, tzinfo=UTC)
    assert interview.sequence == sequence + 1
    assert interview.status == Interview.Status.SCHEDULED
    assert change.state == Change.State.AGREED
    ics = client.get(f"/w/{interview.workspace_id}/interviews/{interview.pk}/interview.ics")
    body = ics.content.decode()
    assert "DTSTART;TZID=Europe/Stockholm:20300605T130000" in body
    assert f"SEQUENCE:{sequence + 1}" in body
    assert f"UID:{interview.uid}" in body


def test_a_new_time_on_top_of_another_interview_is_refused(seeker) -> None:
    change = _to_contact(seeker)
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
    other_start = datetime(2030, 6, 5, 11, 0, tzinfo=UTC)
    verbs.add_interview(
        workspace=seeker["workspace"],
        actor=seeker["user"],
        company="Solvik",
        role="Tjänstedesigner",
        contact_name="Maja",
        contact_email="",
        contact_phone="",
        contact_language="sv",
        start=other_start,
        end=other_start + timedelta(hours=1),
        zone="Europe/Stockholm",
    )
    response = client.post(
        step_url(interview, "after"),
        {"action": "new_time", "day": "2030-06-05", "start_time": "13:30"},
    )
    assert "collides with your interview Tjänstedesigner · Solvik" in response.content.decode()
    change.refresh_from_db()
    assert change.state != Change.State.AGREED


def test_the_timeline_shows_every_step(seeker) -> None:
    _to_contact(seeker)
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "no_answer"})
    client.post(step_url(interview, "contact"), {"action": "call", "outcome": "reached"})
    page = client.get(interview.get_absolute_url()).content.decode()
    for words in ("Change started", "New times chosen", "Phone: No answer", "Phone: Reached them"):
        assert words in page


def test_withdrawing_keeps_the_interview(seeker) -> None:
    change = _to_contact(seeker)
    interview = seeker["interview"]
    response = seeker["client"].post(
        f"/w/{interview.workspace_id}/interviews/{interview.pk}/withdraw/"
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.state == Change.State.WITHDRAWN
