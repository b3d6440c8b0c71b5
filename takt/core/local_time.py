"""A wall-clock time a person typed, as the instant it is: one place for every form.

Every form on either side (the job seeker's, the employer's, the candidate's page)
goes through here, so a time in the spring gap or the autumn fold is refused with
the same words everywhere, naming the time and the zone.
"""

from datetime import datetime

from django import forms
from django.utils.translation import gettext as _

from takt.core.form_checks import sane_year
from takt.scheduling.zones import TimeProblem, localize, zone


def local_instant(local: datetime, zone_name: str) -> datetime:
    """The instant of a local time in the zone; a DST gap or fold is a ValidationError."""
    sane_year(local)
    try:
        return localize(local.replace(tzinfo=None), zone(zone_name))
    except TimeProblem as problem:
        params = {"time": local.strftime("%H:%M"), "zone": zone_name}
        if problem.code == "nonexistent":
            raise forms.ValidationError(
                _(
                    "%(time)s does not exist in %(zone)s that day: the clocks go forward. "
                    "Pick a time outside the gap."
                ),
                code="nonexistent",
                params=params,
            ) from problem
        if problem.code == "ambiguous":
            raise forms.ValidationError(
                _(
                    "%(time)s happens twice in %(zone)s that day: the clocks go back. "
                    "Pick a time an hour earlier or later."
                ),
                code="ambiguous",
                params=params,
            ) from problem
        raise forms.ValidationError(_("That time zone is not known."), code="zone") from problem
