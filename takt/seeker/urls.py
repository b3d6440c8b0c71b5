"""The job seeker's pages (personal workspaces only; a team workspace gives 404)."""

from django.urls import URLPattern, URLResolver, path

from takt.seeker.views import add, cancel, files, reschedule

INTERVIEW = "w/<int:workspace_id>/interviews/<int:interview_id>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("w/<int:workspace_id>/interviews/new/", add.add, name="seeker_add"),
    path(
        "w/<int:workspace_id>/interviews/import/",
        add.import_invitation,
        name="seeker_import",
    ),
    path(
        INTERVIEW + "reschedule/<slug:step>/",
        reschedule.reschedule,
        name="seeker_reschedule",
    ),
    path(INTERVIEW + "cancel/<slug:step>/", cancel.cancel, name="seeker_cancel"),
    path(INTERVIEW + "withdraw/", files.withdraw, name="seeker_withdraw"),
]
