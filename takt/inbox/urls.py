from django.urls import URLPattern, URLResolver, path

from takt.inbox import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("w/<int:workspace_id>/replies/", views.replies, name="replies"),
    path("w/<int:workspace_id>/replies/<int:mail_id>/", views.reply_detail, name="reply"),
]
