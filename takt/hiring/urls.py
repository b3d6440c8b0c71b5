from django.urls import path

from takt.hiring.views import answers, cancel, change, counter, position, positions_list

W = "w/<int:workspace_id>/"
urlpatterns = [
    path(f"{W}positions/", positions_list.position_list, name="positions"),
    path(f"{W}positions/<int:position_id>/", position.manage, name="position"),
    path(f"{W}interviews/<int:interview_id>/cancel/", cancel.start_cancel, name="employer_cancel"),
    path(f"{W}interviews/<int:interview_id>/offer/", cancel.start_offer, name="employer_offer"),
    path(f"{W}changes/<int:change_id>/", change.change_page, name="employer_change"),
    path(f"{W}changes/<int:change_id>/call/", change.log_call, name="employer_change_call"),
    path(f"{W}changes/<int:change_id>/withdraw/", change.withdraw, name="employer_withdraw"),
    path(f"{W}changes/<int:change_id>/sent/", answers.sent_page, name="employer_change_sent"),
    path(f"{W}changes/<int:change_id>/sent/book/", answers.book, name="employer_book_answer"),
    path(
        f"{W}changes/<int:change_id>/sent/offer-again/",
        answers.offer_again,
        name="employer_offer_again",
    ),
    path(f"{W}changes/<int:change_id>/counter/", counter.counter_page, name="employer_counter"),
    path(
        f"{W}changes/<int:change_id>/counter/accept/",
        counter.accept,
        name="employer_counter_accept",
    ),
    path(
        f"{W}changes/<int:change_id>/counter/decline/",
        counter.decline,
        name="employer_counter_decline",
    ),
    path(f"{W}positions/<int:position_id>/manage/", position.manage, name="employer_position"),
    path(
        f"{W}positions/<int:position_id>/candidates/new/",
        position.add_candidate,
        name="employer_add_candidate",
    ),
    path(f"{W}positions/<int:position_id>/book/", position.book, name="employer_book"),
    path(f"{W}positions/<int:position_id>/fill/", position.fill, name="employer_fill"),
    path(f"{W}positions/<int:position_id>/filled/", position.filled, name="employer_filled"),
    path(f"{W}positions/<int:position_id>/resume/", position.resume, name="employer_resume"),
    path(f"{W}positions/<int:position_id>/close/", position.close, name="employer_close"),
    path(
        f"{W}positions/<int:position_id>/applications/<int:application_id>/call/",
        position.call_candidate,
        name="employer_call_candidate",
    ),
]
