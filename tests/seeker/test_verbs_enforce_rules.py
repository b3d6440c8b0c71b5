"""Each seeker verb runs the rules itself: a block or an unacknowledged warning writes nothing."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from takt.calendars.models import BusyTime, CalendarSource
from takt.core.models import (
    Alternative,
    AuditEvent,
    Booking,
    Change,
    ContactAttempt,
    Interview,
    Person,
)
from takt.core.rules import Blocked, Unacknowledged
from takt.outbox.models import Message
from takt.seeker import services as verbs

pytestmark = pytest.mark.django_db

GOOD = "Jag är kallad som vittne till en rättegång den dagen."
LEISURE = "Jag ska på en helgresa."
RUDE = "Ert företag är ett skämt och ni är idioter."
APOLOGY = "Hej Anna! Jag ber om ursäkt, kan vi hitta en ny tid?"


def _written(interview: Interview) -> dict[str, Any]:
    """Everything a verb could write: rows, and the change's and the interview's own state."""
    change = Change.objects.filter(interview=interview).order_by("-pk").first()
    return {
        "rows": [
            model.objects.count()
            for model in (
                Change,
                Alternative,
                ContactAttempt,
                Message,
                AuditEvent,
                Interview,
                Person,
                Booking,
            )
        ],
        "change": (change.state, change.overridden, change.findings, change.sent_at)
        if change
        else None,
        "interview": Interview.objects.values_list("status", "start", "sequence").get(
            pk=interview.pk
        ),
    }


def _draft(seeker, text: str = GOOD, kind: str = Change.Kind.RESCHEDULE, **extra: Any) -> Change:
    return verbs.save_reason(
        seeker["interview"],
        kind=kind,
        actor=seeker["user"],
        reason_category="leisure" if text == LEISURE else "conflict",
        reason_text=text,
        other_plans_movable=False if kind == Change.Kind.RESCHEDULE else None,
        **extra,
    )


def _times(interview: Interview, count: int = 2) -> list[tuple[datetime, datetime]]:
    base = interview.start + timedelta(days=2)
    return [(base + timedelta(days=n), base + timedelta(days=n, hours=1)) for n in range(count)]


def _at_contact(seeker) -> Change:
    """A reschedule walked up to the contact step through the verbs."""
    change = _draft(seeker)
    verbs.go_on(change, "why", actor=seeker["user"])
    verbs.go_on(change, "notice", actor=seeker["user"])
    verbs.choose_alternatives(change, _times(seeker["interview"]), actor=seeker["user"])
    return change


def _busy(seeker, start: datetime, end: datetime) -> None:
    source = CalendarSource.objects.create(
        workspace=seeker["workspace"], owner=seeker["user"], kind="ics_file", name="Privat"
    )
    BusyTime.objects.create(source=source, start=start, end=end)


def _overridden(change: Change) -> set[str]:
    change.refresh_from_db()
    return {entry["rule"] for entry in change.overridden}


def _overridden_in_audit(rule: str) -> bool:
    return AuditEvent.objects.filter(verb="finding.overridden", data__rule=rule).exists()


# add_interview (Tip 2: schedule.conflict blocks; no schedule rule warns, so nothing to acknowledge)


def test_adding_an_interview_on_a_busy_time_is_blocked_and_writes_nothing(seeker) -> None:
    start = datetime(2030, 5, 14, 8, 0, tzinfo=UTC)
    _busy(seeker, start - timedelta(minutes=30), start + timedelta(minutes=30))
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.add_interview(
            workspace=seeker["workspace"],
            actor=seeker["user"],
            company="Fjällbrand AB",
            role="UX-designer",
            contact_name="Karin Holm",
            contact_email="karin@fjallbrand.example",
            contact_phone="",
            contact_language="sv",
            start=start,
            end=start + timedelta(hours=1),
            zone="Europe/Stockholm",
            lang="en",
        )
    assert [f.rule for f in refused.value.blocking] == ["schedule.conflict"]
    assert _written(seeker["interview"]) == before


# save_reason: a draft is the person typing; no rule stops it


def test_a_draft_without_a_reason_is_kept_as_typed_and_nothing_is_gone_past(seeker) -> None:
    change = _draft(seeker, text="")
    assert change.reason_text == "" and change.state == Change.State.DRAFT
    assert change.overridden == []


# go_on: past the reason, past the notice


def test_going_past_a_missing_reason_is_blocked_and_writes_nothing(seeker) -> None:
    change = _draft(seeker, text="")
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.go_on(change, "why", actor=seeker["user"], acknowledged=["reason.missing"])
    assert not isinstance(refused.value, Unacknowledged)
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]
    assert _written(seeker["interview"]) == before


def test_going_past_a_leisure_reason_needs_its_rule_id_and_is_then_recorded(seeker) -> None:
    change = _draft(seeker, text=LEISURE)
    before = _written(seeker["interview"])
    with pytest.raises(Unacknowledged) as refused:
        verbs.go_on(change, "why", actor=seeker["user"], acknowledged=["notice.short"])
    assert refused.value.rules == ["reason.leisure"]
    assert _written(seeker["interview"]) == before
    verbs.go_on(change, "why", actor=seeker["user"], acknowledged=["reason.leisure"])
    assert _overridden(change) == {"reason.leisure"}
    assert _overridden_in_audit("reason.leisure")


def test_going_past_a_short_notice_needs_it_acknowledged(seeker) -> None:
    interview = seeker["interview"]
    start = timezone.now() + timedelta(hours=20)
    Interview.objects.filter(pk=interview.pk).update(start=start, end=start + timedelta(hours=1))
    change = _draft(seeker)
    verbs.go_on(change, "why", actor=seeker["user"])
    before = _written(interview)
    with pytest.raises(Unacknowledged) as refused:
        verbs.go_on(change, "notice", actor=seeker["user"])
    assert refused.value.rules == ["notice.short"]
    assert _written(interview) == before
    verbs.go_on(change, "notice", actor=seeker["user"], acknowledged=["notice.short"])
    assert _overridden(change) == {"notice.short"}


def test_the_notice_step_is_blocked_while_the_reason_is_missing(seeker) -> None:
    change = _draft(seeker, text="")
    with pytest.raises(Blocked) as refused:
        verbs.go_on(change, "notice", actor=seeker["user"])
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]


def test_a_step_that_does_not_exist_cannot_be_gone_past(seeker) -> None:
    change = _draft(seeker, kind=Change.Kind.CANCEL)
    with pytest.raises(ValueError):
        verbs.go_on(change, "notice", actor=seeker["user"])


# choose_alternatives


def test_choosing_a_time_in_the_past_is_blocked_and_writes_nothing(seeker) -> None:
    change = _draft(seeker)
    past = timezone.now() - timedelta(days=2)
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.choose_alternatives(
            change,
            [(past, past + timedelta(hours=1)), *_times(seeker["interview"])],
            actor=seeker["user"],
            acknowledged=["alternatives.too_few"],
        )
    assert [f.rule for f in refused.value.blocking] == ["alternatives.invalid"]
    assert _written(seeker["interview"]) == before


def test_choosing_a_time_on_top_of_the_calendar_is_blocked(seeker) -> None:
    change = _draft(seeker)
    times = _times(seeker["interview"])
    _busy(seeker, times[0][0], times[0][1])
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.choose_alternatives(change, times, actor=seeker["user"])
    assert [f.rule for f in refused.value.blocking] == ["alternatives.conflict"]
    assert _written(seeker["interview"]) == before


def test_choosing_one_time_needs_too_few_acknowledged_and_is_then_recorded(seeker) -> None:
    change = _draft(seeker)
    one = _times(seeker["interview"], 1)
    before = _written(seeker["interview"])
    with pytest.raises(Unacknowledged) as refused:
        verbs.choose_alternatives(change, one, actor=seeker["user"])
    assert refused.value.rules == ["alternatives.too_few"]
    assert _written(seeker["interview"]) == before
    verbs.choose_alternatives(
        change, one, actor=seeker["user"], acknowledged=["alternatives.too_few"]
    )
    assert change.alternatives.count() == 1
    assert _overridden(change) == {"alternatives.too_few"}


def test_a_reason_gone_past_earlier_is_not_asked_for_again(seeker) -> None:
    change = _draft(seeker, text=LEISURE)
    verbs.go_on(change, "why", actor=seeker["user"], acknowledged=["reason.leisure"])
    verbs.choose_alternatives(change, _times(seeker["interview"]), actor=seeker["user"])
    assert change.alternatives.count() == 2
    assert AuditEvent.objects.filter(verb="finding.overridden").count() == 1


# log_call


def test_logging_a_call_while_the_reason_is_missing_is_blocked_and_writes_nothing(seeker) -> None:
    change = _draft(seeker, text="")
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.log_call(change, outcome=ContactAttempt.Outcome.REACHED, actor=seeker["user"])
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]
    assert _written(seeker["interview"]) == before


def test_logging_a_call_after_a_leisure_reason_needs_it_acknowledged(seeker) -> None:
    change = _draft(seeker, text=LEISURE)
    verbs.choose_alternatives(
        change, _times(seeker["interview"]), actor=seeker["user"], acknowledged=["reason.leisure"]
    )
    Change.objects.filter(pk=change.pk).update(overridden=[])  # as if never gone past
    change.refresh_from_db()
    before = _written(seeker["interview"])
    with pytest.raises(Unacknowledged) as refused:
        verbs.log_call(change, outcome=ContactAttempt.Outcome.NO_ANSWER, actor=seeker["user"])
    assert refused.value.rules == ["reason.leisure"]
    assert _written(seeker["interview"]) == before
    verbs.log_call(
        change,
        outcome=ContactAttempt.Outcome.NO_ANSWER,
        actor=seeker["user"],
        acknowledged=["reason.leisure"],
    )
    assert change.contact_attempts.count() == 1
    assert _overridden(change) == {"reason.leisure"}


# send_request


def test_sending_a_request_without_a_reason_is_blocked_and_writes_nothing(seeker) -> None:
    change = _draft(seeker, text="")
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.send_request(
            change,
            actor=seeker["user"],
            subject="Ny tid?",
            text=APOLOGY,
            through_takt=True,
            acknowledged=["contact.phone_first", "alternatives.too_few"],
        )
    assert "reason.missing" in [f.rule for f in refused.value.blocking]
    assert _written(seeker["interview"]) == before


def test_sending_a_request_needs_its_warnings_acknowledged_by_id(seeker) -> None:
    change = _at_contact(seeker)
    before = _written(seeker["interview"])
    with pytest.raises(Unacknowledged) as refused:
        verbs.send_request(
            change,
            actor=seeker["user"],
            subject="Ny tid?",
            text="Hej Anna! Kan vi hitta en ny tid?",
            through_takt=True,
            acknowledged=["contact.phone_first"],
        )
    assert refused.value.rules == ["message.apology_missing"]
    assert _written(seeker["interview"]) == before
    verbs.send_request(
        change,
        actor=seeker["user"],
        subject="Ny tid?",
        text="Hej Anna! Kan vi hitta en ny tid?",
        through_takt=True,
        acknowledged=["contact.phone_first", "message.apology_missing"],
    )
    assert Message.objects.filter(kind="candidate_reschedule").count() == 1
    assert _overridden(change) == {"contact.phone_first", "message.apology_missing"}
    assert _overridden_in_audit("message.apology_missing")


# send_followup (every follow-up rule warns; none blocks)


def test_a_follow_up_needs_its_own_warnings_acknowledged_even_if_the_request_had_them(
    seeker,
) -> None:
    change = _at_contact(seeker)
    verbs.send_request(
        change,
        actor=seeker["user"],
        subject="Ny tid?",
        text="Hej Anna! Kan vi hitta en ny tid?",
        through_takt=False,
        acknowledged=["contact.phone_first", "message.apology_missing"],
    )
    note = "Hej Anna! Tack för att du tog dig tid."
    before = _written(seeker["interview"])
    with pytest.raises(Unacknowledged) as refused:
        verbs.send_followup(
            change, actor=seeker["user"], subject="Tack", text=note, through_takt=True
        )
    assert refused.value.rules == ["message.apology_missing", "message.interest_missing"]
    assert _written(seeker["interview"]) == before
    verbs.send_followup(
        change,
        actor=seeker["user"],
        subject="Tack",
        text=note,
        through_takt=True,
        acknowledged=refused.value.rules,
    )
    change.refresh_from_db()
    assert change.followup_sent_at is not None
    assert Message.objects.filter(kind="candidate_followup").count() == 1
    followup_overrides = [o["rule"] for o in change.overridden].count("message.apology_missing")
    assert followup_overrides == 2  # once for the request, once for the note


# record_new_time (Tip 2: schedule.conflict blocks)


def test_recording_an_agreed_time_on_a_busy_time_is_blocked_and_writes_nothing(seeker) -> None:
    change = _at_contact(seeker)
    start = datetime(2030, 6, 5, 11, 0, tzinfo=UTC)
    _busy(seeker, start, start + timedelta(minutes=30))
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.record_new_time(
            change, start=start, end=start + timedelta(hours=1), actor=seeker["user"], lang="sv"
        )
    assert [f.rule for f in refused.value.blocking] == ["schedule.conflict"]
    assert _written(seeker["interview"]) == before


# send_cancellation


def test_cancelling_without_a_reason_is_blocked_and_writes_nothing(seeker) -> None:
    change = _draft(seeker, text="", kind=Change.Kind.CANCEL)
    before = _written(seeker["interview"])
    with pytest.raises(Blocked) as refused:
        verbs.send_cancellation(
            change, actor=seeker["user"], channel="phone", outcome="reached", lang="en"
        )
    assert [f.rule for f in refused.value.blocking] == ["reason.missing"]
    assert refused.value.blocking[0].message.startswith("There is no reason given")
    assert _written(seeker["interview"]) == before


def test_a_rude_cancellation_needs_message_rude_acknowledged_and_is_then_sent(seeker) -> None:
    change = _draft(seeker, text="Jag har tackat ja till ett annat erbjudande.", kind="cancel")
    verbs.go_on(change, "why", actor=seeker["user"])
    email = {"channel": "email", "outcome": "sent", "subject": "Nej", "text": RUDE}
    before = _written(seeker["interview"])
    with pytest.raises(Unacknowledged) as refused:
        verbs.send_cancellation(change, actor=seeker["user"], through_takt=True, **email)
    assert refused.value.rules == ["message.rude"]
    assert _written(seeker["interview"]) == before
    verbs.send_cancellation(
        change, actor=seeker["user"], through_takt=True, acknowledged=["message.rude"], **email
    )
    seeker["interview"].refresh_from_db()
    assert seeker["interview"].status == Interview.Status.CANCELLED
    assert Message.objects.filter(kind="candidate_cancel").count() == 1
    assert _overridden(change) == {"message.rude"}


# withdraw: no rule speaks against taking a request back


def test_a_blocked_draft_can_always_be_withdrawn(seeker) -> None:
    change = _draft(seeker, text="")
    verbs.withdraw(change, actor=seeker["user"])
    change.refresh_from_db()
    assert change.state == Change.State.WITHDRAWN
