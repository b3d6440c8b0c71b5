"""Shared fixtures: users, workspaces and a fast password hasher."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Hypothesis times each example against the machine's clock (a 200 ms deadline) and calls
# slow data generation a failed health check: on a shared 2-core machine running the suite
# in parallel that fails a test for the load, not for the code. The properties stay checked.
hypothesis_settings.register_profile(
    "takt", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("takt")


# Every test starts at one pinned instant, a Monday morning in May far from any DST change,
# and the clock ticks on from there: nothing depends on the day the suite runs (zone names
# such as "British Summer Time", weekdays, DST between "now" and an interview).
PINNED_NOW = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    with time_machine.travel(PINNED_NOW, tick=True):
        yield


@pytest.fixture
def make_user(db: None) -> Callable[..., AbstractUser]:
    def make(username: str, **extra: Any) -> AbstractUser:
        user = get_user_model().objects.create_user(
            username=username, password="secret-pass-123", **extra
        )
        assert isinstance(user, AbstractUser)
        return user

    return make


@pytest.fixture
def team(make_user: Callable[..., AbstractUser]) -> dict[str, Any]:
    """A hiring team with a recruiter, a second interviewer, a position and a candidate."""
    from takt.core.models import Application, Membership, Person, Position, Workspace

    recruiter = make_user("recruiter", first_name="Anna", last_name="Berg")
    colleague = make_user("colleague", first_name="Johan", last_name="Ek")
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=workspace, user=recruiter, role="owner")
    Membership.objects.create(workspace=workspace, user=colleague)
    position = Position.objects.create(workspace=workspace, title="Backendutvecklare")
    candidate = Person.objects.create(
        workspace=workspace, name="Erik Lind", email="erik@example.se", phone="+46701234567"
    )
    application = Application.objects.create(position=position, person=candidate)
    return {
        "workspace": workspace,
        "recruiter": recruiter,
        "colleague": colleague,
        "position": position,
        "candidate": candidate,
        "application": application,
    }


@pytest.fixture
def soon() -> Callable[[int, int], datetime]:
    """An aware instant `days` ahead at `hour` UTC, rounded to the hour."""

    def at(days: int, hour: int = 9) -> datetime:
        base = timezone.now().replace(minute=0, second=0, microsecond=0)
        return base.replace(hour=hour) + timedelta(days=days)

    return at


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say once, at the end, when the browser tests did not run for want of Chromium."""
    skipped = terminalreporter.stats.get("skipped", [])
    without_browser = [r for r in skipped if "chromium is not installed" in str(r.longrepr)]
    if without_browser:
        terminalreporter.write_sep(
            "!",
            f"{len(without_browser)} browser tests did NOT run: chromium is not installed "
            "(apt-get install chromium chromium-driver); .ci/run installs it and requires them",
            yellow=True,
        )


@pytest.fixture
def book_interview(team: dict[str, Any]) -> Callable[..., Any]:
    """Books the team's candidate from `start` (for an hour unless `end` is given).

    In Europe/Stockholm, booked by the recruiter, who is the one interviewer unless
    `interviewers` says otherwise; `position`, `application`, `counterpart` and the
    rest go to schedule_interview as given.
    """
    from takt.core.schedule import schedule_interview

    def book(
        start: datetime,
        end: datetime | None = None,
        *,
        interviewers: list[AbstractUser] | None = None,
        **extra: Any,
    ) -> Any:
        extra.setdefault("counterpart", team["candidate"])
        return schedule_interview(
            workspace=team["workspace"],
            start=start,
            end=end or start + timedelta(hours=1),
            timezone="Europe/Stockholm",
            interviewers=interviewers or [team["recruiter"]],
            actor=team["recruiter"],
            **extra,
        )

    return book
