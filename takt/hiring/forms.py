"""The employer's forms: cancel, offer times, add a candidate, book an interview."""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from takt.core.form_checks import one_line, sane_year
from takt.core.local_time import local_instant
from takt.core.models import Application, Change, Person, Position
from takt.scheduling.zones import TimeProblem, zone

EMPLOYER_REASONS = [
    (Change.Reason.EMERGENCY, _("Emergency")),
    (Change.Reason.ILLNESS, _("Illness")),
    (Change.Reason.CONFLICT, _("Clashing commitment")),
    (Change.Reason.OTHER, _("Other")),
]


class LocalDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]

    def to_python(self, value: Any) -> datetime | None:
        # Django would attach the server's zone silently; the caller localizes instead.
        if value in self.empty_values:
            return None
        for fmt in self.input_formats:
            try:
                parsed = datetime.strptime(str(value).strip(), fmt)  # noqa: DTZ007
            except ValueError:
                continue
            sane_year(parsed)
            return parsed
        raise forms.ValidationError(_("Write the date and time as 2026-05-11 10:00."))


class CancelForm(forms.Form):
    reason_category = forms.ChoiceField(label=_("Why"), choices=EMPLOYER_REASONS)
    reason_text = forms.CharField(
        label=_("The reason in a sentence, as the candidate will read it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    emergency = forms.BooleanField(label=_("This is an emergency"), required=False)


class OfferReasonForm(forms.Form):
    reason_category = forms.ChoiceField(label=_("Why"), choices=EMPLOYER_REASONS)
    reason_text = forms.CharField(
        label=_("The reason in a sentence, as the candidate will read it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class TimesForm(forms.Form):
    """Takt's suggestions to keep or drop, and up to three times of the recruiter's own."""

    OWN = 3

    def __init__(
        self,
        *args: Any,
        suggestions: list[tuple[datetime, datetime]],
        zone_name: str,
        duration: timedelta,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name
        self.duration = duration
        self.suggestions = suggestions
        self.fields["keep"] = forms.MultipleChoiceField(
            label=_("Times Takt found free for every interviewer"),
            choices=[(s.isoformat(), s.isoformat()) for s, _e in suggestions],
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        for n in range(1, self.OWN + 1):
            self.fields[f"own_{n}"] = LocalDateTimeField(
                label=_("Your own time %(n)d") % {"n": n}, required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, self.OWN + 1):
            value = data.get(f"own_{n}")
            if value is not None:
                try:
                    data[f"own_{n}"] = local_instant(value, self.zone_name)
                except forms.ValidationError as error:
                    self.add_error(f"own_{n}", error)
        return data

    def times(self) -> list[tuple[datetime, datetime]]:
        chosen = set(self.cleaned_data.get("keep") or [])
        found = [(s, e) for s, e in self.suggestions if s.isoformat() in chosen]
        for n in range(1, self.OWN + 1):
            start = self.cleaned_data.get(f"own_{n}")
            if isinstance(start, datetime) and start.tzinfo is not None:
                found.append((start, start + self.duration))
        return sorted(set(found))


class CallForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How did the call go?"),
        choices=[
            ("reached", _("Reached them")),
            ("no_answer", _("No answer")),
            ("left_message", _("Left a message")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class CandidateForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "email", "phone", "language", "locale", "timezone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("name", "phone", "timezone"):
            self.fields[name].validators.append(one_line)


class PositionForm(forms.ModelForm):
    """A position's title, and its English title for English texts."""

    class Meta:
        model = Position
        fields = ["title", "title_en"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("title", "title_en"):
            self.fields[name].validators.append(one_line)


class BookForm(forms.Form):
    application = forms.ModelChoiceField(label=_("Candidate"), queryset=Application.objects.none())
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    start = LocalDateTimeField(label=_("Starts"))
    minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=15, max_value=480, initial=60
    )
    timezone = forms.CharField(label=_("Time zone"), initial="Europe/Stockholm", max_length=64)
    location = forms.CharField(label=_("Place or video link"), required=False, max_length=300)

    def __init__(self, *args: Any, applications: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications  # type: ignore[attr-defined]
        self.fields["application"].label_from_instance = lambda a: a.person.name  # type: ignore[attr-defined]
        self.fields["interviewers"].queryset = members  # type: ignore[attr-defined]
        self.fields["interviewers"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: u.get_full_name() or u.get_username()
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("timezone") or ""
        try:
            zone(zone_name)
        except TimeProblem:
            self.add_error("timezone", _("Unknown time zone; write it as Europe/Stockholm."))
            return data
        if data.get("start") is not None:
            try:
                data["start"] = local_instant(data["start"], zone_name)
            except forms.ValidationError as error:
                self.add_error("start", error)
        return data
