from django.urls import URLPattern, URLResolver, path

from takt.outbox import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("w/<int:workspace_id>/outbox/", views.outbox, name="outbox"),
    path(
        "w/<int:workspace_id>/outbox/<int:message_id>/",
        views.message_detail,
        name="outbox_message",
    ),
    path(
        "w/<int:workspace_id>/outbox/<int:message_id>/send-again/",
        views.message_send_again,
        name="outbox_send_again",
    ),
    path(
        "w/<int:workspace_id>/outbox/<int:message_id>/message.eml",
        views.message_eml,
        name="outbox_eml",
    ),
    path(
        "w/<int:workspace_id>/interviews/<int:interview_id>/interview.ics",
        views.interview_ics,
        name="interview_ics",
    ),
]
