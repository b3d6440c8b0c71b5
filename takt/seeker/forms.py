"""The job seeker's forms: what was typed comes back with the error next to its field."""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from takt.core.form_checks import one_line, sane_year
from takt.core.local_time import local_instant
from takt.core.models import Change, ContactAttempt
from takt.core.models.people import Language, Locale
from takt.scheduling.dates import locale_language
from takt.scheduling.zones import zone

ZONES = [
    ("Europe/Stockholm", _("Stockholm")),
    ("Europe/Oslo", _("Oslo")),
    ("Europe/Copenhagen", _("Copenhagen")),
    ("Europe/Helsinki", _("Helsinki")),
    ("Europe/London", _("London")),
    ("Europe/Berlin", _("Berlin")),
    ("America/New_York", _("New York")),
    ("UTC", "UTC"),
]

RESCHEDULE_REASONS = [
    (value, label)
    for value, label in Change.Reason.choices
    if value not in ("other_offer", "not_interested", "position_filled")
]
CANCEL_REASONS = [
    (Change.Reason.OTHER_OFFER, _("I accepted another offer")),
    (Change.Reason.NOT_INTERESTED, _("I am no longer interested")),
    (Change.Reason.OTHER, _("Another reason")),
]
CALL_OUTCOMES = [
    (ContactAttempt.Outcome.REACHED, _("I reached them")),
    (ContactAttempt.Outcome.NO_ANSWER, _("No answer")),
    (ContactAttempt.Outcome.LEFT_MESSAGE, _("I left a voicemail")),
]


# Free text has a ceiling: a reason is a sentence or two, an e-mail fits on a phone screen.
REASON_MAX = 2000
EMAIL_MAX = 10_000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class LocalDateTimeField(forms.Field):
    """A wall-clock date and time, kept naive: the form puts it in the right zone itself.

    Django's DateTimeField would read it in the server's zone; the person means their own.
    """

    widget = DateTimeLocalInput

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError as error:
            raise forms.ValidationError(
                _("Give a day and a time, like 2026-03-28 08:30."), code="invalid"
            ) from error
        sane_year(parsed)
        return parsed.replace(tzinfo=None, second=0, microsecond=0)


class Plain(forms.Form):
    """Labels without the trailing colon: they sit above their fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ContinueAnyway(Plain):
    """Going past a warning is a choice the person makes, and it is recorded."""

    continue_anyway = forms.BooleanField(
        label=_("I have read the warnings and want to continue anyway"), required=False
    )


class InterviewForm(Plain):
    company = forms.CharField(label=_("Company"), max_length=200, validators=[one_line])
    role = forms.CharField(label=_("Role"), max_length=200, validators=[one_line])
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, validators=[one_line])
    contact_phone = forms.CharField(
        label=_("Their phone"),
        max_length=40,
        required=False,
        validators=[one_line],
        help_text=_("So Takt can help you call rather than write."),
    )
    contact_email = forms.EmailField(label=_("Their e-mail"), required=False)
    contact_language = forms.ChoiceField(
        label=_("They speak"), choices=Language.choices, initial=Language.SWEDISH
    )
    contact_locale = forms.ChoiceField(
        label=_("Their date style"),
        choices=[("", _("From their language and time zone")), *Locale.choices],
        required=False,
        help_text=_("How dates read in what they get: the British way or the American way."),
    )
    day = forms.DateField(label=_("Day"), widget=DateInput)
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput)
    end_time = forms.TimeField(label=_("Ends"), widget=TimeInput)
    zone = forms.ChoiceField(label=_("Time zone"), choices=ZONES, initial="Europe/Stockholm")
    location = forms.CharField(
        label=_("Place"), max_length=300, required=False, validators=[one_line]
    )
    video_link = forms.URLField(label=_("Video link"), required=False)
    uid = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        locale, language = data.get("contact_locale"), data.get("contact_language")
        if locale and language and locale_language(locale) != language:
            self.add_error(
                "contact_locale",
                _("That date style is for another language than the one they read."),
            )
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        zone_name = data.get("zone")
        if not (day and start and end and zone_name):
            return data
        try:
            data["start"] = local_instant(datetime.combine(day, start), zone_name)
        except forms.ValidationError as error:
            self.add_error("start_time", error)
            return data
        try:
            data["end"] = local_instant(datetime.combine(day, end), zone_name)
        except forms.ValidationError as error:
            self.add_error("end_time", error)
            return data
        if data["end"] <= data["start"]:
            self.add_error("end_time", _("The interview must end after it starts."))
        return data


class IcsForm(Plain):
    invitation = forms.FileField(
        label=_("Invitation file (.ics)"),
        help_text=_("The calendar file attached to the invitation e-mail."),
    )


class FoundOut(ContinueAnyway):
    """When the person found out (M2.1: tell them as soon as you know). Empty means just now."""

    found_out = LocalDateTimeField(label=_("When did you find out?"), required=False)

    def __init__(self, *args: Any, zone_name: str, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name
        self.now = now
        field = self.fields["found_out"]
        field.help_text = _("Your time (%(zone)s). Leave it empty if you found out just now.") % {
            "zone": zone_name
        }
        field.widget.attrs["max"] = now.astimezone(zone(zone_name)).strftime("%Y-%m-%dT%H:%M")

    def clean_found_out(self) -> datetime | None:
        local = self.cleaned_data.get("found_out")
        if local is None:
            return None
        instant = local_instant(local, self.zone_name)
        if instant > self.now:
            raise forms.ValidationError(
                _("That time has not come yet. Give the time you found out, or leave it empty."),
                code="future",
            )
        return instant


class RescheduleReasonForm(FoundOut):
    reason_category = forms.ChoiceField(label=_("What has come up?"), choices=RESCHEDULE_REASONS)
    reason_text = forms.CharField(
        label=_("Say it in a sentence"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=REASON_MAX,
        help_text=_("Short and honest. This is what they will read."),
    )
    other_plans_movable = forms.TypedChoiceField(
        label=_("Could the other plan move instead?"),
        choices=[("no", _("No, it cannot move")), ("yes", _("Yes, it could move"))],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
    )


class CancelReasonForm(FoundOut):
    reason_category = forms.ChoiceField(
        label=_("Why are you cancelling?"), choices=CANCEL_REASONS, widget=forms.RadioSelect
    )
    reason_text = forms.CharField(
        label=_("Say it in a sentence"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=REASON_MAX,
        help_text=_("Honest and simple. No need for details."),
    )


class TimesForm(ContinueAnyway):
    """Suggested free times to tick, and up to two of one's own."""

    OWN = 2

    def __init__(
        self,
        *args: Any,
        suggested: list[tuple[datetime, datetime]],
        labels: list[str],
        zone_name: str,
        duration: timedelta,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name
        self.duration = duration
        self.fields["suggested"] = forms.MultipleChoiceField(
            label=_("Free in your calendar"),
            choices=[
                (f"{s.isoformat()}|{e.isoformat()}", label)
                for (s, e), label in zip(suggested, labels, strict=True)
            ],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        for n in range(1, self.OWN + 1):
            self.fields[f"own_day_{n}"] = forms.DateField(
                label=_("Your own time %(n)d: day") % {"n": n}, widget=DateInput, required=False
            )
            self.fields[f"own_time_{n}"] = forms.TimeField(
                label=_("Your own time %(n)d: starts") % {"n": n},
                widget=TimeInput,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        times: list[tuple[datetime, datetime]] = []
        for value in data.get("suggested") or []:
            start_text, end_text = value.split("|")
            times.append((datetime.fromisoformat(start_text), datetime.fromisoformat(end_text)))
        for n in range(1, self.OWN + 1):
            day, clock = data.get(f"own_day_{n}"), data.get(f"own_time_{n}")
            if day and not clock:
                self.add_error(f"own_time_{n}", _("Give the time too."))
            elif clock and not day:
                self.add_error(f"own_day_{n}", _("Give the day too."))
            elif day and clock:
                try:
                    start = local_instant(datetime.combine(day, clock), self.zone_name)
                except forms.ValidationError as error:
                    self.add_error(f"own_time_{n}", error)
                    continue
                times.append((start, start + self.duration))
        data["times"] = sorted(set(times))
        return data


class CallForm(Plain):
    outcome = forms.ChoiceField(
        label=_("How did the call go?"), choices=CALL_OUTCOMES, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)


class EmailForm(ContinueAnyway):
    subject = forms.CharField(label=_("Subject"), max_length=300, validators=[one_line])
    text = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 14}), max_length=EMAIL_MAX
    )


class NewTimeForm(Plain):
    day = forms.DateField(label=_("Day"), widget=DateInput)
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput)

    def __init__(self, *args: Any, zone_name: str, duration: timedelta, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name
        self.duration = duration

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, clock = data.get("day"), data.get("start_time")
        if day and clock:
            try:
                data["start"] = local_instant(datetime.combine(day, clock), self.zone_name)
                data["end"] = data["start"] + self.duration
            except forms.ValidationError as error:
                self.add_error("start_time", error)
        return data
