"""Instants far outside any interview's life are bad input, named by field, not a crash."""

import pytest

from takt.etiquette import BadInput, check

BASE = {
    "action": "cancel",
    "side": "candidate",
    "now": "2026-05-04T10:00:00+02:00",
    "interview": {
        "start": "2026-05-06T10:00:00+02:00",
        "end": "2026-05-06T11:00:00+02:00",
        "timezone": "Europe/Stockholm",
    },
    "reason": {"category": "illness", "text": "Jag har feber."},
}


@pytest.mark.parametrize(
    "start", ["9999-12-31T23:30:00+00:00", "0001-01-01T00:10:00", "1899-12-31T10:00"]
)
def test_a_year_outside_1900_to_2200_is_refused_naming_the_field(start: str) -> None:
    data = {**BASE, "interview": {**BASE["interview"], "start": start}}
    with pytest.raises(BadInput) as refused:
        check(data, "en")
    assert refused.value.field == "interview.start"
    assert "1900" in refused.value.message("en") and "2200" in refused.value.message("en")
    assert "årtalet" in refused.value.message("sv")


def test_the_edges_of_the_range_are_read() -> None:
    data = {
        **BASE,
        "interview": {
            **BASE["interview"],
            "start": "2200-12-31T10:00:00+00:00",
            "end": "2200-12-31T11:00:00+00:00",
        },
    }
    # Read, not refused: an interview in 2200 is far off, so no short-notice warning.
    assert "notice.short" not in [f["rule"] for f in check(data, "en")["findings"]]
