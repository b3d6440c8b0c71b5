from django import forms
from django.utils.translation import gettext_lazy as _

from takt.core.events import KINDS

LABELS = {
    "interview.scheduled": _("An interview is booked"),
    "interview.rescheduled": _("An interview is moved"),
    "interview.cancelled": _("An interview is cancelled"),
    "change.opened": _("A reschedule or cancellation is started"),
    "change.closed": _("A reschedule or cancellation is settled"),
    "candidate.time_picked": _("The candidate picks a time"),
    "candidate.other_times_asked": _("The candidate asks for other times"),
    "candidate.reply_received": _("The candidate answers in their own words"),
    "position.filled": _("A position is filled"),
    "position.closed": _("A position is closed"),
}
assert set(LABELS) == set(KINDS)


class EndpointForm(forms.Form):
    url = forms.URLField(label=_("Address"), max_length=2000, assume_scheme="https")
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(kind, LABELS[kind]) for kind in KINDS],
        widget=forms.CheckboxSelectMultiple,
        initial=list(KINDS),
    )
