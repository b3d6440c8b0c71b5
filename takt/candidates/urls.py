from django.urls import path

from takt.candidates import views

urlpatterns = [
    path("<str:token>/", views.link_page, name="candidate_link"),
    path("<str:token>/pick/", views.pick, name="candidate_pick"),
    path("<str:token>/other-times/", views.other_times, name="candidate_other_times"),
    path("<str:token>/cancel/", views.cancel, name="candidate_cancel"),
    path("<str:token>/reschedule/", views.reschedule, name="candidate_reschedule"),
]
