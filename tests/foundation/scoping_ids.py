"""The ids the scoping walk fills into URLs: each URL parameter names an object of the team."""

from typing import Any

from takt.calendars.models import CalendarSource
from takt.interviews.models import Interview


def ids_for(team: dict[str, Any], interview: Interview) -> dict[str, Any]:
    return {
        "workspace_id": team["workspace"].pk,
        "interview_id": interview.pk,
        "position_id": team["position"].pk,
        "source_id": CalendarSource.objects.create(
            workspace=team["workspace"], owner=team["recruiter"], kind="ics_file", name="Arbete"
        ).pk,
    }
