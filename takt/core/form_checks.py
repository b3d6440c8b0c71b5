"""Checks every form on either side shares: sane years and one-line header text."""

from datetime import date

from django import forms
from django.utils.translation import gettext as _

# Years a date typed into a form may have: 0001 or 9999 would overflow the arithmetic
# on it (an interview's end, the notice), and no interview is that far off.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def sane_year(day: date) -> None:
    """Refuse a year outside FIRST_YEAR..LAST_YEAR with a clear message."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Give a date between the years %(first)d and %(last)d."),
            code="year",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def one_line(value: str) -> None:
    """A name or subject goes into an e-mail header: no line breaks or control characters."""
    if any(not char.isprintable() for char in value):
        raise forms.ValidationError(
            _("Write it on one line, without line breaks or control characters."),
            code="one_line",
        )
