"""What a recruiter narrows a long list by: positions by status and title; a position's
candidates by stage and name, its interviews by status, name and date.

A value that does not validate is shown as an error beside its field and left out of
the query, so a typed-in address never turns into a 500.
"""

from datetime import datetime, time
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from takt.core.models import Application, Interview, Position


def _choices(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("All")), *choices]


class PositionFilter(forms.Form):
    q = forms.CharField(label=_("Title"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), choices=_choices(Position.Status.choices), required=False
    )

    def narrow(self, rows: "QuerySet[Position]") -> "QuerySet[Position]":
        data = _valid(self)
        if data.get("q"):
            rows = rows.filter(title__icontains=data["q"])
        if data.get("status"):
            rows = rows.filter(status=data["status"])
        return rows


class PositionPageFilter(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    stage = forms.ChoiceField(
        label=_("Stage"), choices=_choices(Application.Stage.choices), required=False
    )
    status = forms.ChoiceField(
        label=_("Interview status"), choices=_choices(Interview.Status.choices), required=False
    )
    # Interviews from this day on; the page opens on today, an empty field shows them all.
    day = forms.DateField(
        label=_("Interviews from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data: Any) -> None:
        if "day" not in data:
            data = data.copy()
            data["day"] = timezone.localdate().isoformat()
        super().__init__(data)

    def candidates(self, rows: "QuerySet[Application]") -> "QuerySet[Application]":
        data = _valid(self)
        if data.get("q"):
            rows = rows.filter(person__name__icontains=data["q"])
        if data.get("stage"):
            rows = rows.filter(stage=data["stage"])
        return rows

    def interviews(self, rows: "QuerySet[Interview]") -> "QuerySet[Interview]":
        data = _valid(self)
        if data.get("q"):
            rows = rows.filter(counterpart__name__icontains=data["q"])
        if data.get("status"):
            rows = rows.filter(status=data["status"])
        if data.get("day"):
            midnight = datetime.combine(data["day"], time(), tzinfo=timezone.get_current_timezone())
            rows = rows.filter(start__gte=midnight)
        return rows


def _valid(form: forms.Form) -> dict[str, Any]:
    """The fields that did validate: Django leaves a bad one out, the others still apply."""
    form.is_valid()
    return form.cleaned_data
