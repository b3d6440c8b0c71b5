"""The forms for connecting a calendar: an ICS address, an ICS file or a CalDAV account.

A CalDAV account may also be found from the server's address or an e-mail
address (FindCalDAVForm), and its calendars then ticked (ChooseCalendarsForm).
"""

from typing import Any, cast

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from takt.calendars.discovery import FoundCalendar
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
        return _known_zone(self.cleaned_data["timezone"])

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


def _known_zone(value: object) -> str:
    name = str(value).strip()
    try:
        zone(name)
    except TimeProblem as error:
        raise forms.ValidationError(
            _("Unknown time zone. Write it as e.g. Europe/Stockholm.")
        ) from error
    return name


class FindCalDAVForm(forms.Form):
    """The account to look for calendars in: where it is, and how to sign in."""

    address = forms.CharField(
        label=_("Your server's address, or your e-mail address"),
        max_length=1000,
        help_text=_(
            "For example https://cloud.example.org or anna@example.org. Takt finds the "
            "calendars from there."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Write your server's address or your e-mail address.")},
    )
    username = forms.CharField(
        label=_("User name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Write your user name.")},
    )
    # Shown again after an error, so that nothing typed is lost.
    password = forms.CharField(
        label=_("Password"),
        max_length=500,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "off"}),
        help_text=_("Preferably an app password made for Takt alone."),
        error_messages={"required": _("Write your password.")},
    )
    timezone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        initial="Europe/Stockholm",
        help_text=_("Where times without a zone, and all-day events, are placed."),
    )

    def clean_timezone(self) -> str:
        return _known_zone(self.cleaned_data["timezone"])


# The calendars found travel to the next step signed, so only those found can be ticked.
_FOUND_SALT = "takt.calendars.found"
_FOUND_MAX_AGE = 3600


class ChooseCalendarsForm(forms.Form):
    """The calendars found in an account, a tick box each; the account travels hidden."""

    found = forms.CharField(widget=forms.HiddenInput)
    username = forms.CharField(max_length=200, widget=forms.HiddenInput)
    password = forms.CharField(max_length=500, widget=forms.HiddenInput)
    timezone = forms.CharField(max_length=64, widget=forms.HiddenInput)
    calendars = forms.MultipleChoiceField(
        label=_("Calendars to read"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one calendar.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._offer(_unsigned(self.data.get("found")) if self.is_bound else [])

    def _offer(self, found: list[FoundCalendar]) -> None:
        self.found_calendars = list(found)
        boxes = cast(forms.MultipleChoiceField, self.fields["calendars"])
        boxes.choices = [(c.url, c.name) for c in found]

    @classmethod
    def offering(cls, found: list[FoundCalendar], account: dict[str, Any]) -> "ChooseCalendarsForm":
        """The unticked form for the calendars just found in `account` (the find form's data)."""
        signed = signing.dumps([[c.url, c.name] for c in found], salt=_FOUND_SALT, compress=True)
        form = cls(
            initial={
                "found": signed,
                "username": account["username"],
                "password": account["password"],
                "timezone": account["timezone"],
            }
        )
        form._offer(found)
        return form

    def clean_found(self) -> str:
        if not self.found_calendars:
            raise forms.ValidationError(
                _("The list of calendars has expired. Look for your calendars again.")
            )
        return str(self.cleaned_data["found"])

    def clean_timezone(self) -> str:
        return _known_zone(self.cleaned_data["timezone"])

    def ticked(self) -> list[FoundCalendar]:
        """The calendars found that the person ticked, in the order they were found."""
        wanted = set(self.cleaned_data["calendars"])
        return [c for c in self.found_calendars if c.url in wanted]


def _unsigned(value: object) -> list[FoundCalendar]:
    """The calendars in a signed list; none when it is missing, altered or too old."""
    try:
        pairs = signing.loads(str(value or ""), salt=_FOUND_SALT, max_age=_FOUND_MAX_AGE)
        return [FoundCalendar(str(url), str(name)) for url, name in pairs]
    except (signing.BadSignature, TypeError, ValueError):
        return []
