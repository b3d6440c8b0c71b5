from django.urls import URLPattern, path

from takt.webhooks import views

W = "w/<int:workspace_id>/webhooks/"
E = W + "<int:endpoint_id>/"

urlpatterns: list[URLPattern] = [
    path(W, views.endpoint_list, name="webhooks"),
    path(f"{W}add/", views.endpoint_add, name="webhook_add"),
    path(E, views.endpoint_log, name="webhook_log"),
    path(f"{E}rotate/", views.endpoint_rotate, name="webhook_rotate"),
    path(f"{E}switch/", views.endpoint_switch, name="webhook_switch"),
    path(f"{E}delete/", views.endpoint_delete, name="webhook_delete"),
    path(
        f"{E}deliveries/<int:delivery_id>/send-again/",
        views.delivery_send_again,
        name="webhook_send_again",
    ),
]
