"""A workspace filled as years of use fill it: one generator for the benchmarks and the tests.

`fill_team` gives a hiring team `size` interviews spread over positions, in every
state the dashboard cares about (drafts, urgent cancellations to call about,
offers unanswered, other times asked, promises of new times, filled positions
with candidates not told), and two outbox messages per interview. `fill_seeker`
gives a job seeker `size` interviews with follow-ups owed and cancellations not
sent. Rows are written with bulk_create, so 10,000 take seconds, not minutes.
"""

from datetime import datetime, timedelta
from itertools import cycle

from django.contrib.auth.models import User
from django.utils import timezone

from takt.core.models import (
    Alternative,
    Application,
    Change,
    Interview,
    Person,
    Position,
    Side,
    Workspace,
)
from takt.outbox.models import Message

PER_POSITION = 10
# What each interview of a team is, in turn: most are plain, the rest need action.
TEAM_STATES = (
    "plain",
    "plain",
    "plain",
    "draft",
    "call",
    "unanswered",
    "asked",
    "promised",
    "plain",
    "past",
)


def fill_team(workspace: Workspace, size: int, *, now: datetime | None = None) -> None:
    """`size` interviews for the team, with positions, candidates, changes and messages."""
    now = now or timezone.now()
    positions = Position.objects.bulk_create(
        Position(
            workspace=workspace,
            title=f"Tjänst {n}",
            status=Position.Status.FILLED if n % 7 == 6 else Position.Status.OPEN,
        )
        for n in range(max(size // PER_POSITION, 1))
    )
    people = Person.objects.bulk_create(
        Person(workspace=workspace, name=f"Kandidat {n}", email=f"k{n}@example.se")
        for n in range(size)
    )
    applications = Application.objects.bulk_create(
        Application(position=positions[n % len(positions)], person=person)
        for n, person in enumerate(people)
    )
    states = list(zip(range(size), cycle(TEAM_STATES), strict=False))
    interviews = Interview.objects.bulk_create(
        _interview(workspace, people[n], applications[n], state, n, now) for n, state in states
    )
    _changes(interviews, [state for _, state in states], now)
    _messages(workspace, interviews)


def _interview(
    workspace: Workspace,
    person: Person,
    application: Application,
    state: str,
    n: int,
    now: datetime,
) -> Interview:
    start = now + timedelta(hours=5 if state == "call" else 48 + n % 500)
    if state == "past":
        start = now - timedelta(days=1 + n % 30)
    status = {
        "past": Interview.Status.RESCHEDULE_PENDING,
        "unanswered": Interview.Status.RESCHEDULE_PENDING,
        "promised": Interview.Status.CANCELLED,
    }.get(state, Interview.Status.SCHEDULED)
    return Interview(
        workspace=workspace,
        position=application.position,
        application=application,
        counterpart=person,
        start=start,
        end=start + timedelta(hours=1),
        status=status,
    )


def _changes(interviews: list[Interview], states: list[str], now: datetime) -> None:
    made = {
        "draft": dict(kind=Change.Kind.RESCHEDULE, state=Change.State.DRAFT),
        "call": dict(kind=Change.Kind.CANCEL, state=Change.State.DRAFT, emergency=True),
        "unanswered": dict(
            kind=Change.Kind.RESCHEDULE, state=Change.State.SENT, sent_at=now - timedelta(days=3)
        ),
        "asked": dict(kind=Change.Kind.RESCHEDULE, state=Change.State.DECLINED),
        "promised": dict(
            kind=Change.Kind.CANCEL, state=Change.State.SENT, sent_at=now - timedelta(days=2)
        ),
    }
    changes = Change.objects.bulk_create(
        Change(
            interview=interview,
            workspace_id=interview.workspace_id,
            side=Side.EMPLOYER,
            reason_category="conflict",
            reason_text="Krock i kalendern.",
            **made[state],
        )
        for interview, state in zip(interviews, states, strict=True)
        if state in made
    )
    Alternative.objects.bulk_create(
        Alternative(
            change=change,
            start=change.interview.start + timedelta(days=day),
            end=change.interview.start + timedelta(days=day, hours=1),
        )
        for change in changes
        if change.state == Change.State.SENT and change.kind == Change.Kind.RESCHEDULE
        for day in (1, 2, 3)
    )


def _messages(workspace: Workspace, interviews: list[Interview]) -> None:
    Message.objects.bulk_create(
        Message(
            workspace=workspace,
            interview=interview,
            kind="load",
            recipient_name=interview.counterpart.name,
            recipient_email=interview.counterpart.email,
            subject=f"Intervju {interview.pk}",
            text="Hej!",
            idempotency_key=f"load|{interview.pk}|{copy}",
            message_id=f"<load.{interview.pk}.{copy}@takt>",
            status=Message.Status.SENT if copy else Message.Status.QUEUED,
            next_attempt_at=interview.start,
        )
        for interview in interviews
        for copy in (0, 1)
    )


def fill_seeker(
    workspace: Workspace, user: User, size: int, *, now: datetime | None = None
) -> None:
    """`size` interviews of one job seeker; every fourth owes a follow-up, every fifth a cancel."""
    now = now or timezone.now()
    people = Person.objects.bulk_create(
        Person(workspace=workspace, name=f"Rekryterare {n}", email=f"r{n}@example.se")
        for n in range(size)
    )
    interviews = Interview.objects.bulk_create(
        Interview(
            workspace=workspace,
            counterpart=person,
            company=f"Företag {n}",
            role="Utvecklare",
            start=now + timedelta(hours=30 + n % 700),
            end=now + timedelta(hours=31 + n % 700),
        )
        for n, person in enumerate(people)
    )
    Change.objects.bulk_create(
        Change(
            interview=interview,
            workspace=workspace,
            side=Side.CANDIDATE,
            kind=Change.Kind.RESCHEDULE if n % 4 == 0 else Change.Kind.CANCEL,
            state=Change.State.SENT if n % 4 == 0 else Change.State.DRAFT,
            reason_category="illness",
            reason_text="Jag har feber.",
            contacted_at=now - timedelta(hours=30) if n % 4 == 0 else None,
            known_since=now - timedelta(hours=20),
            created_by=user,
        )
        for n, interview in enumerate(interviews)
        if n % 4 == 0 or n % 5 == 0
    )


def fill_position(position: Position, size: int, *, now: datetime | None = None) -> None:
    """`size` more candidates for one position, each with an interview, half of them ahead."""
    now = now or timezone.now()
    people = Person.objects.bulk_create(
        Person(workspace=position.workspace, name=f"Sökande {n}", email=f"s{n}@example.se")
        for n in range(size)
    )
    stages = cycle(
        [Application.Stage.APPLIED, Application.Stage.BOOKED, Application.Stage.INTERVIEWED]
    )
    applications = Application.objects.bulk_create(
        Application(position=position, person=person, stage=next(stages)) for person in people
    )
    Interview.objects.bulk_create(
        Interview(
            workspace=position.workspace,
            position=position,
            application=application,
            counterpart=application.person,
            start=now + timedelta(hours=n - size // 2),
            end=now + timedelta(hours=n - size // 2, minutes=45),
        )
        for n, application in enumerate(applications)
    )


def fill_history(workspace: Workspace, size: int, *, now: datetime | None = None) -> None:
    """`size` finished interviews from the years before: held, or moved and agreed, mail sent.

    Most of a workspace that has been used for years is like this, and nothing in it
    needs action; a planner that sees only the urgent rows of `fill_team` would judge
    every list by a workspace where a third of everything is on fire.
    """
    now = now or timezone.now()
    position = Position.objects.create(
        workspace=workspace, title="Tidigare rekryteringar", status=Position.Status.CLOSED
    )
    people = Person.objects.bulk_create(
        Person(workspace=workspace, name=f"Tidigare {n}", email=f"t{n}@example.se")
        for n in range(size)
    )
    applications = Application.objects.bulk_create(
        Application(
            position=position, person=person, stage=Application.Stage.WITHDRAWN, informed_at=now
        )
        for person in people
    )
    interviews = Interview.objects.bulk_create(
        Interview(
            workspace=workspace,
            position=position,
            application=application,
            counterpart=application.person,
            start=now - timedelta(days=40 + n % 1000),
            end=now - timedelta(days=40 + n % 1000) + timedelta(hours=1),
            status=Interview.Status.COMPLETED,
        )
        for n, application in enumerate(applications)
    )
    moved = Change.objects.bulk_create(
        Change(
            interview=interview,
            workspace=workspace,
            side=Side.EMPLOYER if n % 2 else Side.CANDIDATE,
            kind=Change.Kind.RESCHEDULE,
            state=Change.State.AGREED,
            reason_category="conflict",
            reason_text="Krock i kalendern.",
            sent_at=interview.start - timedelta(days=3),
        )
        for n, interview in enumerate(interviews)
        if n % 3 == 0
    )
    Alternative.objects.bulk_create(
        Alternative(
            change=change,
            start=change.interview.start + timedelta(days=day),
            end=change.interview.start + timedelta(days=day, hours=1),
            chosen=day == 1,
        )
        for change in moved
        for day in (1, 2, 3)
    )
    Message.objects.bulk_create(
        Message(
            workspace=workspace,
            kind="history",
            recipient_name=interview.counterpart.name,
            recipient_email=interview.counterpart.email,
            subject=f"Intervju {interview.pk}",
            text="Hej!",
            idempotency_key=f"history|{interview.pk}",
            message_id=f"<history.{interview.pk}@takt>",
            status=Message.Status.SENT,
            next_attempt_at=interview.start,
        )
        for interview in interviews
    )
