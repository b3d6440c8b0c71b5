"""The form for connecting a calendar: an ICS address, an ICS file or a CalDAV account."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from takt.calendars.ics import DEFAULT_LIMITS
from takt.calendars.models import CalendarSource
from takt.scheduling.zones import TimeProblem, zone

_KINDS = set(CalendarSource.Kind.values)
# What each kind needs besides a name.
_NEEDS = {
    CalendarSource.Kind.ICS_URL: ("url",),
    CalendarSource.Kind.ICS_FILE: ("file",),
    CalendarSource.Kind.CALDAV: ("url", "username", "password"),
}


class CalendarSourceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Where is the calendar?"),
        choices=CalendarSource.Kind.choices,
        initial=CalendarSource.Kind.ICS_FILE,
        widget=forms.RadioSelect(attrs={"style": "width: auto; margin-right: .5rem"}),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("For you, e.g. “Work” or “Private”."),
    )
    url = forms.CharField(
        label=_("Address"),
        max_length=1000,
        required=False,
        help_text=_(
            "For an ICS address: the calendar's secret address in iCal format (https://, "
            "webcal://). For CalDAV: the address of the calendar itself."
        ),
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "off"}),
    )
    file = forms.FileField(
        label=_("Calendar file (.ics)"),
        required=False,
        help_text=_("Export it from your calendar program."),
        widget=forms.ClearableFileInput(attrs={"accept": ".ics,text/calendar"}),
    )
    username = forms.CharField(
        label=_("User name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    # Shown again after an error, so that nothing typed is lost.
    password = forms.CharField(
        label=_("Password"),
        max_length=500,
        required=False,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "off"}),
        help_text=_("Preferably an app password made for Takt alone."),
    )
    timezone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        initial="Europe/Stockholm",
        help_text=_("Where times without a zone, and all-day events, are placed."),
    )

    def clean_timezone(self) -> str:
        name = str(self.cleaned_data["timezone"]).strip()
        try:
            zone(name)
        except TimeProblem as error:
            raise forms.ValidationError(
                _("Unknown time zone. Write it as e.g. Europe/Stockholm.")
            ) from error
        return name

    def clean_file(self) -> bytes | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size is not None and upload.size > DEFAULT_LIMITS.max_bytes:
            raise forms.ValidationError(
                _("The file is too large (over %(limit)s MB).")
                % {"limit": DEFAULT_LIMITS.max_bytes // 1_000_000}
            )
        data: bytes = upload.read()
        return data

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = str(cleaned.get("kind", ""))
        messages = {
            "url": _("Write the calendar's address."),
            "file": _("Choose a calendar file."),
            "username": _("Write your user name."),
            "password": _("Write your password."),
        }
        for field in _NEEDS.get(CalendarSource.Kind(kind), ()) if kind in _KINDS else ():
            if not cleaned.get(field) and field not in self.errors:
                self.add_error(field, messages[field])
        return cleaned

    def error_field(self) -> str | None:
        """Where a calendar's read error belongs: next to the address, or the file."""
        kind = self.cleaned_data.get("kind")
        return "file" if kind == CalendarSource.Kind.ICS_FILE else "url"
