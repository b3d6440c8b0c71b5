"""Login throttling (django-axes): per user name and per address, on /login/ and the admin."""

from contextlib import ExitStack
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from takt import login_throttle

pytestmark = pytest.mark.django_db

RIGHT = "secret-pass-123"  # make_user's password


def sign_in(
    path: str, username: str, password: str, address: str = "203.0.113.7", lang: str = "en"
) -> Any:
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=lang)
    return client.post(path, {"username": username, "password": password})


def signed_in(response: Any) -> bool:
    return "_auth_user_id" in response.client.session


@pytest.mark.parametrize("path", ["/login/", "/admin/login/"])
def test_the_41st_wrong_password_locks_and_the_right_one_is_refused_too(make_user, path) -> None:
    make_user("anna", is_staff=True, is_superuser=True)
    answers = [sign_in(path, "anna", f"guess-{n}").status_code for n in range(41)]

    assert answers[0] == 200  # the form again, with its error
    assert answers[-1] == 429
    right = sign_in(path, "anna", RIGHT)
    assert right.status_code == 429
    assert not signed_in(right)
    assert "Too many wrong passwords" in right.content.decode()
    assert (
        "För många felaktiga lösenord" in sign_in(path, "anna", RIGHT, lang="sv").content.decode()
    )


def test_without_failures_the_right_password_signs_in(make_user) -> None:
    make_user("anna")
    response = sign_in("/login/", "anna", RIGHT)
    assert response.status_code == 302
    assert signed_in(response)


def test_one_address_trying_many_user_names_is_locked(make_user, settings) -> None:
    make_user("anna")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("/login/", f"someone-{n}", "guess")
    # The right password of a user this address never tried: refused, the address is locked.
    assert sign_in("/login/", "anna", RIGHT).status_code == 429
    # From another address anna signs in.
    assert signed_in(sign_in("/login/", "anna", RIGHT, address="198.51.100.9"))


def test_one_user_name_tried_from_many_addresses_is_locked(make_user, settings) -> None:
    make_user("anna")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("/login/", "anna", "guess", address=f"198.51.100.{n + 1}")
    assert sign_in("/login/", "anna", RIGHT, address="192.0.2.200").status_code == 429


def test_the_lock_lifts_after_the_cool_off(make_user, settings) -> None:
    make_user("anna")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("/login/", "anna", f"guess-{n}")
    assert sign_in("/login/", "anna", RIGHT).status_code == 429
    with time_machine.travel(timezone.now() + login_throttle.BASE + timedelta(minutes=1)):
        assert signed_in(sign_in("/login/", "anna", RIGHT))


def test_each_round_of_failures_doubles_the_cool_off(make_user, settings, rf) -> None:
    make_user("anna")
    request = rf.post("/login/", {"username": "anna"}, REMOTE_ADDR="203.0.113.7")
    waits = [login_throttle.cool_off(request)]
    moment = timezone.now()
    with ExitStack() as later:
        for _ in range(3):
            for n in range(settings.AXES_FAILURE_LIMIT):
                sign_in("/login/", "anna", f"guess-{n}")
            waits.append(login_throttle.cool_off(request))
            # Past this round's lock, the next round begins.
            moment += waits[-1] + timedelta(minutes=1)
            later.enter_context(time_machine.travel(moment))
    assert waits == [
        login_throttle.BASE,
        login_throttle.BASE,
        login_throttle.BASE * 2,
        login_throttle.BASE * 4,
    ]


def test_the_cool_off_never_passes_a_day(make_user, settings, rf) -> None:
    from axes.models import AccessFailureLog

    AccessFailureLog.objects.bulk_create(
        AccessFailureLog(username="anna", ip_address="203.0.113.7", attempt_time=timezone.now())
        for _ in range(settings.AXES_FAILURE_LIMIT * 40)
    )
    request = rf.post("/login/", {"username": "anna"}, REMOTE_ADDR="203.0.113.7")
    assert login_throttle.cool_off(request) == login_throttle.LONGEST
