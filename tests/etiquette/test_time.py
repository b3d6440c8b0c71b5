"""Notice is elapsed time: DST changes count, and local times in a gap or fold are refused."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from takt.etiquette import BadInput, check
from takt.scheduling.zones import TimeProblem, localize


def change(now: str, start: str, zone: str = "Europe/Stockholm") -> dict[str, object]:
    return {
        "action": "cancel",
        "side": "candidate",
        "now": now,
        "interview": {"start": start, "timezone": zone},
        "reason": {"text": "Jag har tackat ja till ett annat jobb."},
    }


def notice(data: dict[str, object], lang: str = "sv") -> str | None:
    found = [f["message"] for f in check(data, lang)["findings"] if f["rule"] == "notice.short"]
    return found[0] if found else None


def test_spring_forward_makes_24_wall_clock_hours_only_23_real_ones() -> None:
    # 09.30 to 09.30 across the night the clocks go forward: 23 hours elapsed.
    message = notice(change("2026-03-28T09:30:00+01:00", "2026-03-29T09:30:00"))
    assert message == "Intervjun börjar om 23 timmar. Ring hellre än att mejla."


def test_two_local_times_in_the_same_zone_count_real_hours_too() -> None:
    # Both naive, both in the interview's zone: Python subtracts two datetimes that share
    # one tzinfo by their wall clocks, which would say 24 hours here.
    message = notice(change("2026-03-28T09:30:00", "2026-03-29T09:30:00"))
    assert message == "Intervjun börjar om 23 timmar. Ring hellre än att mejla."
    assert notice(change("2026-10-24T09:30:00", "2026-10-25T08:30:00")) is None  # 24 real hours


def test_spring_forward_the_other_way_25_wall_clock_hours_are_24_real_ones() -> None:
    assert notice(change("2026-03-28T08:30:00+01:00", "2026-03-29T09:30:00")) is None


def test_autumn_back_makes_24_wall_clock_hours_25_real_ones() -> None:
    assert notice(change("2026-10-24T09:30:00+02:00", "2026-10-25T09:30:00")) is None


def test_autumn_back_23_wall_clock_hours_are_24_real_ones_but_23_are_short() -> None:
    assert notice(change("2026-10-24T10:30:00+02:00", "2026-10-25T09:30:00")) is None
    message = notice(change("2026-10-24T11:30:00+02:00", "2026-10-25T09:30:00"), "en")
    assert message == "The interview starts in 23 hours. Call rather than write."


def test_a_time_in_the_spring_gap_is_bad_input_naming_the_field() -> None:
    data = change("2026-03-27T09:00:00+01:00", "2026-03-29T12:00:00")
    data["action"] = "reschedule"
    data["alternatives"] = [
        {"start": "2026-03-30T10:00:00", "end": "2026-03-30T11:00:00"},
        {"start": "2026-03-29T02:30", "end": "2026-03-29T03:30"},
    ]
    with pytest.raises(BadInput) as caught:
        check(data)
    assert caught.value.field == "alternatives[1].start"
    assert caught.value.message("sv").startswith(
        "alternatives[1].start: 2026-03-29T02:30 finns inte i Europe/Stockholm "
        "(klockan ställs fram den natten)"
    )
    assert "the clocks go forward that night" in caught.value.message("en")


def test_a_time_in_the_autumn_fold_is_bad_input_unless_an_offset_says_which() -> None:
    with pytest.raises(BadInput) as caught:
        check(change("2026-10-24T09:00:00+02:00", "2026-10-25T02:30:00"))
    assert caught.value.field == "interview.start"
    text = caught.value.message("sv")
    assert "finns två gånger i Europe/Stockholm (klockan ställs tillbaka den natten)" in text
    assert "2026-10-25T02:30:00+02:00 eller 2026-10-25T02:30:00+01:00" in text
    assert notice(change("2026-10-24T09:00:00+02:00", "2026-10-25T02:30:00+01:00")) is not None


ZONES = sorted(available_timezones())
# Instants from 1990 to 2040 as UTC seconds; the offsets of every zone vary a lot in that span.
SECONDS = st.integers(min_value=631_152_000, max_value=2_208_988_800)


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES), now=SECONDS, ahead=st.integers(0, 60 * 60 * 50))
def test_notice_matches_a_utc_computation_in_every_zone(zone: str, now: int, ahead: int) -> None:
    tz = ZoneInfo(zone)
    now_utc = datetime.fromtimestamp(now, UTC)
    start_utc = now_utc + timedelta(seconds=ahead)
    local_start = start_utc.astimezone(tz).replace(tzinfo=None)
    try:
        # Written as a person would, without offset; gaps and folds are another test's business.
        localize(local_start, tz)
    except TimeProblem:
        assume(False)
    local_now = now_utc.astimezone(tz).isoformat()
    message = notice(change(local_now, local_start.isoformat(), zone))
    assert (message is not None) == (start_utc - now_utc < timedelta(hours=24))
