from django.urls import path

from takt.core.views import dashboard, interview, settings

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("w/<int:workspace_id>/", dashboard.dashboard, name="dashboard"),
    path(
        "w/<int:workspace_id>/interviews/<int:interview_id>/",
        interview.interview_detail,
        name="interview",
    ),
    path("w/<int:workspace_id>/rules/", settings.policy, name="policy"),
    path("w/<int:workspace_id>/needs/<slug:name>/", dashboard.needs_list, name="needs"),
]
