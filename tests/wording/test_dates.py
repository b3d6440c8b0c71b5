"""Dates as people write them: Swedish "kl. 10.00", British "at 10:00 (CEST)", both clocks."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from takt.scheduling.dates import (
    default_locale,
    format_date,
    format_day,
    format_moment,
    format_span,
    locale_language,
    zone_abbreviation,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TUESDAY = datetime(2026, 3, 31, 10, 0, tzinfo=STOCKHOLM)
ELEVEN = datetime(2026, 3, 31, 11, 0, tzinfo=STOCKHOLM)


def test_it_writes_swedish_with_small_letters_and_a_full_stop_in_the_time() -> None:
    assert format_moment(TUESDAY, "sv", "Europe/Stockholm") == "tisdag 31 mars kl. 10.00"


def test_it_writes_british_english_with_the_zone_always() -> None:
    assert format_moment(TUESDAY, "en", "Europe/Stockholm") == "Tuesday 31 March at 10:00 (CEST)"


def test_it_shows_the_zone_the_reader_lives_in_first() -> None:
    text = format_moment(TUESDAY, "sv", "Europe/Stockholm", "America/New_York")
    assert text == "tisdag 31 mars kl. 10.00 (Stockholm, CEST) / 4.00 (New York, EDT)"


def test_it_names_the_other_day_when_the_other_clock_is_on_another_date() -> None:
    late = datetime(2026, 3, 31, 23, 30, tzinfo=STOCKHOLM)
    text = format_moment(late, "en", "Europe/Stockholm", "Asia/Tokyo")
    assert text == (
        "Tuesday 31 March at 23:30 (Stockholm, CEST) / Wednesday 1 April at 06:30 (Tokyo, JST)"
    )


def test_it_shows_one_clock_when_two_zones_agree_on_the_time() -> None:
    assert format_moment(TUESDAY, "sv", "Europe/Stockholm", "Europe/Berlin") == (
        "tisdag 31 mars kl. 10.00"
    )


def test_it_shows_both_clocks_when_the_zones_differ_only_by_daylight_saving() -> None:
    # London and Stockholm are an hour apart all year; the offsets decide, not the names.
    text = format_moment(TUESDAY, "en", "Europe/London", "Europe/Stockholm")
    assert text == "Tuesday 31 March at 09:00 (London, BST) / 10:00 (Stockholm, CEST)"


def test_it_follows_daylight_saving_in_the_abbreviation() -> None:
    winter = datetime(2026, 3, 28, 10, 0, tzinfo=STOCKHOLM)
    assert zone_abbreviation(winter, "Europe/Stockholm") == "CET"
    assert zone_abbreviation(TUESDAY, "Europe/Stockholm") == "CEST"


def test_it_writes_an_offset_where_the_zone_has_no_abbreviation() -> None:
    assert zone_abbreviation(TUESDAY, "Asia/Dubai") == "UTC+4"
    assert zone_abbreviation(TUESDAY, "Asia/Kathmandu") == "UTC+5:45"
    assert zone_abbreviation(TUESDAY, "America/Sao_Paulo") == "UTC-3"


def test_it_writes_a_span_with_an_en_dash() -> None:
    assert format_span(TUESDAY, ELEVEN, "sv", "Europe/Stockholm") == (
        "tisdag 31 mars kl. 10.00\N{EN DASH}11.00"
    )
    assert format_span(TUESDAY, ELEVEN, "en", "Europe/Stockholm") == (
        "Tuesday 31 March, 10:00\N{EN DASH}11:00 (CEST)"
    )


def test_it_writes_a_span_on_both_clocks() -> None:
    text = format_span(TUESDAY, ELEVEN, "sv", "America/New_York", "Europe/Stockholm")
    assert text == (
        "tisdag 31 mars kl. 4.00\N{EN DASH}5.00 (New York, EDT)"
        " / 10.00\N{EN DASH}11.00 (Stockholm, CEST)"
    )


def test_it_reads_an_instant_given_in_utc_in_the_readers_zone() -> None:
    instant = datetime(2026, 3, 31, 8, 0, tzinfo=UTC)
    assert format_moment(instant, "sv", "Europe/Stockholm") == "tisdag 31 mars kl. 10.00"


def test_it_takes_month_names_from_cldr_for_every_month() -> None:
    months_sv = [
        format_day(datetime(2026, m, 1, 12, tzinfo=STOCKHOLM), "sv", "Europe/Stockholm")
        for m in range(1, 13)
    ]
    assert months_sv[0] == "torsdag 1 januari"
    assert months_sv[9] == "torsdag 1 oktober"
    assert all(day == day.lower() for day in months_sv)


def test_it_refuses_a_language_it_has_no_words_for() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        format_moment(TUESDAY, "de", "Europe/Stockholm")


# Locales: issue 13's three readers.
THURSDAY = datetime(2026, 3, 26, 10, 0, tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    ("locale", "zone", "expected"),
    [
        ("en-US", "America/New_York", "Thursday, March 26 at 5:00 AM EDT"),
        ("en-GB", "Europe/London", "Thursday 26 March at 09:00 (GMT)"),
        ("sv-SE", "Europe/Stockholm", "torsdag 26 mars kl. 10.00"),
    ],
)
def test_each_locale_writes_the_moment_its_own_way(locale: str, zone: str, expected: str) -> None:
    assert format_moment(THURSDAY, locale, zone) == expected


def test_swedish_running_text_has_no_leading_zero() -> None:
    early = datetime(2026, 3, 26, 5, 0, tzinfo=STOCKHOLM)
    half_past_nine = datetime(2026, 3, 26, 9, 30, tzinfo=STOCKHOLM)
    assert format_moment(early, "sv-SE", "Europe/Stockholm") == "torsdag 26 mars kl. 5.00"
    assert format_span(
        half_past_nine, THURSDAY + timedelta(minutes=30), "sv", "Europe/Stockholm"
    ) == ("torsdag 26 mars kl. 9.30\N{EN DASH}10.30")


def test_an_american_span_says_am_or_pm_once_unless_it_crosses_noon() -> None:
    morning = format_span(THURSDAY, THURSDAY + timedelta(hours=1), "en-US", "America/New_York")
    assert morning == "Thursday, March 26, 5:00\N{EN DASH}6:00 AM EDT"
    noon = datetime(2026, 3, 26, 16, 30, tzinfo=STOCKHOLM)
    crossing = format_span(noon, noon + timedelta(hours=1), "en-US", "America/New_York")
    assert crossing == "Thursday, March 26, 11:30 AM\N{EN DASH}12:30 PM EDT"


def test_an_american_reader_sees_both_clocks_in_american() -> None:
    text = format_moment(THURSDAY, "en-US", "America/New_York", "Europe/Stockholm")
    assert text == "Thursday, March 26 at 5:00 AM (New York, EDT) / 10:00 AM (Stockholm, CET)"


@pytest.mark.parametrize(
    ("locale", "hours", "expected"),
    [
        ("sv-SE", 2.5, "i dag kl. 10.00"),
        ("sv-SE", 20, "i morgon kl. 10.00"),
        ("en-GB", 2.5, "today at 10:00 (CET)"),
        ("en-US", 20, "tomorrow at 10:00 AM CET"),
        ("sv-SE", 48, "torsdag 26 mars kl. 10.00"),
    ],
)
def test_an_interview_today_or_tomorrow_says_so(locale: str, hours: float, expected: str) -> None:
    now = THURSDAY - timedelta(hours=hours)
    assert format_moment(THURSDAY, locale, "Europe/Stockholm", now=now) == expected


def test_today_is_the_readers_today() -> None:
    # 01:00 in Stockholm on Thursday is still Wednesday evening in New York.
    late = datetime(2026, 3, 26, 1, 0, tzinfo=STOCKHOLM)
    now = datetime(2026, 3, 25, 22, 0, tzinfo=STOCKHOLM)
    assert format_moment(late, "sv", "Europe/Stockholm", now=now).startswith("i morgon kl. 1.00")
    assert format_moment(late, "en-US", "America/New_York", now=now).startswith("today at 8:00 PM")


@pytest.mark.parametrize(
    ("language", "zone", "locale"),
    [
        ("en", "America/New_York", "en-US"),
        ("en", "America/Los_Angeles", "en-US"),
        ("en", "America/Sao_Paulo", "en-US"),
        ("en", "Europe/London", "en-GB"),
        ("en", "Asia/Tokyo", "en-GB"),
        ("en", None, "en-GB"),
        ("sv", "America/New_York", "sv-SE"),
    ],
)
def test_english_readers_in_the_americas_read_american(
    language: str, zone: str | None, locale: str
) -> None:
    assert default_locale(language, zone) == locale


def test_it_refuses_a_locale_it_has_no_words_for() -> None:
    with pytest.raises(ValueError, match="unsupported locale"):
        locale_language("en-AU")
    assert format_date(THURSDAY, "en-US", "Europe/Stockholm") == "March 26"
    assert format_date(THURSDAY, "sv", "Europe/Stockholm") == "26 mars"
