from django.urls import path

from takt.interviews.views import dashboard, interview, positions, settings
from takt.interviews.views.employer import position as employer_position

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("w/<int:workspace_id>/", dashboard.dashboard, name="dashboard"),
    path(
        "w/<int:workspace_id>/interviews/<int:interview_id>/",
        interview.interview_detail,
        name="interview",
    ),
    path("w/<int:workspace_id>/positions/", positions.position_list, name="positions"),
    path("w/<int:workspace_id>/rules/", settings.policy, name="policy"),
    path(
        "w/<int:workspace_id>/positions/<int:position_id>/",
        employer_position.manage,
        name="position",
    ),
]
