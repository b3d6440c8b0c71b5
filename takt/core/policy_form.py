"""The workspace's own thresholds for the etiquette rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from takt import etiquette

LABELS = {
    "min_notice_hours": (
        _("Minimum notice (hours)"),
        _("Less notice than this: call, do not write."),
    ),
    "max_delay_hours": (
        _("Longest wait before telling them (hours)"),
        _("From knowing about a change to telling the other side."),
    ),
    "max_reason_words": (_("Longest reason (words)"), _("Keep the explanation short.")),
    "min_alternatives_candidate": (
        _("Times a job seeker offers"),
        _("At least this many alternatives when a job seeker reschedules."),
    ),
    "min_alternatives_employer": (
        _("Times an employer offers"),
        _("At least this many alternatives when the employer reschedules."),
    ),
    "phone_attempts_before_message": (
        _("Calls before e-mail"),
        _("Failed calls before an e-mail or voicemail is fine."),
    ),
    "followup_hours": (_("Follow-up within (hours)"), _("After the contact, send the follow-up.")),
}
POLICY_KEYS = etiquette.Policy.keys()
WHOLE = {
    "max_reason_words",
    "min_alternatives_candidate",
    "min_alternatives_employer",
    "phone_attempts_before_message",
}


class PolicyForm(forms.Form):
    def __init__(self, *args: Any, current: etiquette.Policy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key in POLICY_KEYS:
            label, help_text = LABELS[key]
            field_class = forms.IntegerField if key in WHOLE else forms.DecimalField
            self.fields[key] = field_class(
                label=label,
                help_text=help_text,
                min_value=1,
                max_value=1000,
                initial=getattr(current, key),
            )

    def overrides(self) -> dict[str, float | int]:
        """Only the values that differ from the guide's defaults are stored."""
        defaults = etiquette.Policy()
        chosen: dict[str, float | int] = {}
        for key in POLICY_KEYS:
            value = self.cleaned_data[key]
            value = int(value) if key in WHOLE else float(value)
            if value != getattr(defaults, key):
                chosen[key] = value
        return chosen
