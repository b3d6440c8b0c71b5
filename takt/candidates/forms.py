"""What a candidate can send through the link."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from takt.core.local_time import local_instant
from takt.core.models import Change
from takt.hiring.forms import LocalDateTimeField

CANCEL_REASONS = [
    (Change.Reason.OTHER_OFFER, _("I have accepted another offer")),
    (Change.Reason.NOT_INTERESTED, _("I am no longer interested")),
    (Change.Reason.ILLNESS, _("Illness")),
    (Change.Reason.FAMILY, _("Family")),
    (Change.Reason.OTHER, _("Other")),
]
RESCHEDULE_REASONS = [
    (Change.Reason.ILLNESS, _("Illness")),
    (Change.Reason.FAMILY, _("Family")),
    (Change.Reason.CONFLICT, _("A clashing commitment I cannot move")),
    (Change.Reason.TRAVEL, _("Travel")),
    (Change.Reason.LEISURE, _("Leisure plans")),
    (Change.Reason.OTHER, _("Other")),
]


class OtherTimesForm(forms.Form):
    note = forms.CharField(
        label=_("When would suit you?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


class CandidateCancelForm(forms.Form):
    reason_category = forms.ChoiceField(label=_("Why"), choices=CANCEL_REASONS)
    reason_text = forms.CharField(
        label=_("In a sentence, for the recruiter"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class CandidateRescheduleForm(forms.Form):
    reason_category = forms.ChoiceField(label=_("Why"), choices=RESCHEDULE_REASONS)
    reason_text = forms.CharField(
        label=_("In a sentence, for the recruiter"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    other_plans_movable = forms.TypedChoiceField(
        label=_("Could you move your other plans instead?"),
        choices=[("no", _("No, I have tried")), ("yes", _("Yes, perhaps"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    time_1 = LocalDateTimeField(label=_("A time that suits you"), required=False)
    time_2 = LocalDateTimeField(label=_("Another time"), required=False)
    time_3 = LocalDateTimeField(label=_("Another time"), required=False)

    def __init__(self, *args: Any, zone_name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("time_1", "time_2", "time_3"):
            if data.get(name) is not None:
                try:
                    data[name] = local_instant(data[name], self.zone_name)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data
