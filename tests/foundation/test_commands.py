"""`takt createuser` and `takt demo`."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from takt.core.models import Application, Booking, Interview, Membership, Position, Workspace


@pytest.mark.django_db
def test_createuser_gives_a_personal_workspace() -> None:
    call_command("createuser", "maria", "--password", "a-long-pass-phrase", "--name", "Maria Ek")
    user = get_user_model().objects.get(username="maria")
    assert user.first_name == "Maria" and user.last_name == "Ek"
    workspace = Workspace.objects.get(members=user)
    assert workspace.kind == Workspace.Kind.PERSONAL


@pytest.mark.django_db
def test_createuser_joins_a_team_and_the_first_member_owns_it() -> None:
    call_command("createuser", "first", "--password", "a-long-pass-phrase", "--team", "Norrsken")
    call_command("createuser", "second", "--password", "a-long-pass-phrase", "--team", "Norrsken")
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {"first": "owner", "second": "member"}
    assert Workspace.objects.filter(kind="team").count() == 1


@pytest.mark.django_db
def test_createuser_refuses_a_weak_password_and_creates_nothing() -> None:
    with pytest.raises(CommandError, match=r"minst 8 tecken|at least 8 characters"):
        call_command("createuser", "weak", "--password", "abc")
    assert not get_user_model().objects.filter(username="weak").exists()
    assert not Workspace.objects.exists()


@pytest.mark.django_db
def test_the_demo_loads_once_with_both_sides() -> None:
    call_command("demo", "--once")
    call_command("demo", "--once")
    personal = Workspace.objects.get(kind="personal")
    team = Workspace.objects.get(kind="team")
    assert Interview.objects.filter(workspace=personal).count() == 3
    assert Position.objects.filter(workspace=team).count() == 2
    assert Application.objects.filter(position__workspace=team).count() == 6
    team_interviews = Interview.objects.filter(workspace=team)
    assert team_interviews.exists()
    assert all(Booking.objects.filter(interview=i).count() == 2 for i in team_interviews)
    languages = set(Interview.objects.values_list("counterpart__language", flat=True))
    assert languages == {"sv", "en"}
