from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from takt.api.api import api

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("account/api-tokens/", include("takt.api.urls")),
    path("c/", include("takt.candidates.urls")),
    path("", include("takt.core.urls")),
    path("", include("takt.seeker.urls")),
    path("", include("takt.hiring.urls")),
    path("", include("takt.outbox.urls")),
    path("", include("takt.calendars.urls")),
    path("", include("takt.inbox.urls")),
    path("", include("takt.webhooks.urls")),
]
