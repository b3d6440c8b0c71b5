from django.urls import URLPattern, URLResolver, path

from takt.calendars import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("w/<int:workspace_id>/calendars/", views.calendar_list, name="calendars"),
    path("w/<int:workspace_id>/calendars/add/", views.calendar_add, name="calendar_add"),
    path("w/<int:workspace_id>/calendars/find/", views.calendar_find, name="calendar_find"),
    path(
        "w/<int:workspace_id>/calendars/<int:source_id>/refresh/",
        views.calendar_refresh,
        name="calendar_refresh",
    ),
    path(
        "w/<int:workspace_id>/calendars/<int:source_id>/remove/",
        views.calendar_remove,
        name="calendar_remove",
    ),
]
