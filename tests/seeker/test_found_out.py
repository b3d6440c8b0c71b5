"""When did you find out? (M2.1, M3.1): stored on the Change, and notice.delayed shown beside it."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from takt.core.models import Change
from tests.seeker.conftest import step_url

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
RESCHEDULE = {
    "reason_category": "conflict",
    "reason_text": "Jag är kallad som vittne till en rättegång den dagen.",
    "other_plans_movable": "no",
}
CANCEL = {
    "reason_category": "other_offer",
    "reason_text": "Jag har tackat ja till ett annat erbjudande.",
}
FLOWS = [("reschedule", RESCHEDULE), ("cancel", CANCEL)]


def _local(hours_ago: float) -> str:
    """What the person types: their wall-clock time that many hours ago, to the minute."""
    moment = (timezone.now() - timedelta(hours=hours_ago)).astimezone(STOCKHOLM)
    return moment.strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize(("flow", "reason"), FLOWS)
def test_found_out_20_hours_ago_warns_beside_the_field_and_is_stored(seeker, flow, reason) -> None:
    client, interview = seeker["client"], seeker["interview"]
    typed = _local(20)
    response = client.post(step_url(interview, "why", flow), {**reason, "found_out": typed})
    page = response.content.decode()
    assert response.status_code == 200  # a warning: the step waits for "continue anyway"
    assert 'data-rule="notice.delayed"' in page
    assert "You have known about this for 20 hours" in page
    assert "Get in touch now" in page  # says what to do, not only what is wrong
    # In place: right after the field, before the general findings and the tick box.
    assert page.index('name="found_out"') < page.index('data-rule="notice.delayed"')
    assert page.index('data-rule="notice.delayed"') < page.index('name="continue_anyway"')
    assert f'value="{typed}"' in page  # what was typed comes back
    change = Change.objects.get(interview=interview)
    expected = datetime.fromisoformat(typed).replace(tzinfo=STOCKHOLM)
    assert change.known_since == expected
    go = client.post(
        step_url(interview, "why", flow), {**reason, "found_out": typed, "continue_anyway": "on"}
    )
    assert go.status_code == 302
    change.refresh_from_db()
    assert "notice.delayed" in {entry["rule"] for entry in change.overridden}
    # Coming back to the step shows the time they gave, and the finding again.
    again = client.get(step_url(interview, "why", flow)).content.decode()
    assert f'value="{typed}"' in again and 'data-rule="notice.delayed"' in again


@pytest.mark.parametrize(("flow", "reason"), FLOWS)
def test_empty_means_just_now_and_nothing_is_delayed(seeker, flow, reason) -> None:
    client, interview = seeker["client"], seeker["interview"]
    before = timezone.now()
    response = client.post(step_url(interview, "why", flow), {**reason, "found_out": ""})
    assert response.status_code == 302
    change = Change.objects.get(interview=interview)
    assert change.known_since is not None and change.known_since >= before
    assert "notice.delayed" not in {entry["rule"] for entry in change.overridden}


def test_a_recent_time_goes_on_without_a_warning(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    typed = _local(3)
    response = client.post(step_url(interview, "why"), {**RESCHEDULE, "found_out": typed})
    assert response.status_code == 302  # no "continue anyway" asked for
    change = Change.objects.get(interview=interview)
    assert change.known_since == datetime.fromisoformat(typed).replace(tzinfo=STOCKHOLM)
    assert change.overridden == []
    notice = client.get(step_url(interview, "notice"))
    assert notice.status_code == 200
    assert 'data-rule="notice.delayed"' not in notice.content.decode()


def test_saving_the_reason_again_keeps_when_they_found_out(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.post(step_url(interview, "why", "cancel"), {**CANCEL, "found_out": _local(5)})
    known = Change.objects.get(interview=interview).known_since
    client.post(step_url(interview, "why", "cancel"), {**CANCEL, "found_out": ""})
    assert Change.objects.get(interview=interview).known_since == known


@pytest.mark.parametrize(("flow", "reason"), FLOWS)
def test_a_time_in_the_future_is_refused_and_kept(seeker, flow, reason) -> None:
    client, interview = seeker["client"], seeker["interview"]
    typed = _local(-2)
    response = client.post(step_url(interview, "why", flow), {**reason, "found_out": typed})
    page = response.content.decode()
    assert response.status_code == 200
    assert "That time has not come yet" in page
    assert f'value="{typed}"' in page
    assert not Change.objects.filter(interview=interview).exists()  # nothing half-saved


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2025-03-30T02:30", "02:30 does not exist in Europe/Stockholm that day"),
        ("2025-10-26T02:30", "02:30 happens twice in Europe/Stockholm that day"),
    ],
)
def test_a_time_in_the_dst_gap_or_fold_is_refused_clearly(seeker, typed, words) -> None:
    client, interview = seeker["client"], seeker["interview"]
    response = client.post(step_url(interview, "why"), {**RESCHEDULE, "found_out": typed})
    page = response.content.decode()
    assert words in page
    assert f'value="{typed}"' in page
    assert not Change.objects.filter(interview=interview).exists()


def test_the_dst_error_is_in_swedish_for_a_swedish_page(seeker) -> None:
    client, interview = seeker["client"], seeker["interview"]
    client.cookies["django_language"] = "sv"
    response = client.post(
        step_url(interview, "why", "cancel"), {**CANCEL, "found_out": "2025-03-30T02:30"}
    )
    assert "02:30 finns inte i Europe/Stockholm den dagen" in response.content.decode()


def test_a_typed_time_that_is_not_a_time_is_refused(seeker) -> None:
    response = seeker["client"].post(
        step_url(seeker["interview"], "why"), {**RESCHEDULE, "found_out": "igår kväll"}
    )
    assert "Give a day and a time" in response.content.decode()
    assert "igår kväll" in response.content.decode()


def test_the_found_out_time_is_the_persons_own_not_the_interviews_zone(seeker) -> None:
    """A video interview in New York is still found out about at home, in Stockholm time."""
    interview = seeker["interview"]
    type(interview).objects.filter(pk=interview.pk).update(timezone="America/New_York")
    page = seeker["client"].get(step_url(interview, "why", "cancel")).content.decode()
    assert "Your time (Europe/Stockholm)" in page
    seeker["client"].post(
        step_url(interview, "why", "cancel"), {**CANCEL, "found_out": "2025-01-10T08:00"}
    )
    change = Change.objects.get(interview=interview)
    assert change.known_since == datetime(2025, 1, 10, 7, 0, tzinfo=UTC)
