"""The cached VTIMEZONE and the folding fast path give the bytes icalendar itself gives."""

from datetime import UTC, datetime, timedelta

import pytest

from takt.outbox.invitation import Invitation, _calendar, build_download, build_invitation

ZONES = ["Europe/Stockholm", "America/New_York", "Australia/Lord_Howe", "UTC"]
# Around the 75-octet fold, with one-, two-, three- and four-byte characters and a backslash.
TEXTS = [("x" * n) + fill * 3 for n in range(60, 80) for fill in ("a", "ä", "€", "😀", "\\;")]


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
def test_it_writes_what_icalendar_writes(zone: str, method: str) -> None:
    start = datetime(2026, 12, 31, 22, 30, tzinfo=UTC)  # crosses into the next year locally
    for text in TEXTS:
        inv = Invitation(
            uid="interview-1@takt",
            sequence=2,
            method=method,  # type: ignore[arg-type]
            start=start,
            end=start + timedelta(hours=2),
            timezone=zone,
            summary=text,
            description=text[::-1],
            location=text[:40],
            organizer=(text[:30], "anna@norrsken.example"),
            attendees=[(text, "erik@example.se")],
            dtstamp=datetime(2026, 1, 1, tzinfo=UTC),
        )
        assert build_invitation(inv) == _calendar(inv, method).to_ical()
        assert build_download(inv) == _calendar(inv, "PUBLISH").to_ical()
