"""The bilingual demo: a job seeker's personal workspace and a hiring team's."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from takt.core.models import Application, Membership, Person, Position, Workspace
from takt.core.schedule import schedule_interview

PASSWORD = "takt-demo"
STOCKHOLM = "Europe/Stockholm"


def demo_exists() -> bool:
    return get_user_model().objects.filter(username="sara").exists()


def _user(username: str, first: str, last: str, email: str) -> User:
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=first, last_name=last, email=email
    )
    assert isinstance(user, User)
    return user


def _at(days: int, hour: int, zone: str = STOCKHOLM) -> datetime:
    """A working-day time `days` from today, local in `zone`, skipping weekends."""
    tz = ZoneInfo(zone)
    day = timezone.now().astimezone(tz).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=tz)


@transaction.atomic
def load_demo() -> None:
    sara = _user("sara", "Sara", "Lindqvist", "sara@example.se")
    anna = _user("anna", "Anna", "Berg", "anna@norrsken.example")
    johan = _user("johan", "Johan", "Ek", "johan@norrsken.example")

    personal = Workspace.objects.create(name="Saras jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(
        workspace=personal, user=sara, role=Membership.Role.OWNER, phone="+46 70 111 22 33"
    )
    contacts = [
        (
            "Karin Holm",
            "karin.holm@fjallbrand.example",
            "+46 8 555 020 00",
            "sv",
            STOCKHOLM,
            "Fjällbrand AB",
            "UX-designer",
            1,
            10,
        ),
        (
            "Oliver Grant",
            "oliver@northwind.example",
            "+44 20 7946 0000",
            "en",
            "Europe/London",
            "Northwind Ltd",
            "Product designer",
            4,
            14,
        ),
        (
            "Maja Str\u00f6m",
            "maja@solvik.example",
            "",
            "sv",
            STOCKHOLM,
            "Solvik Energi",
            "Tj\u00e4nstedesigner",
            8,
            9,
        ),
    ]
    for name, email, phone, lang, zone, company, role, days, hour in contacts:
        person = Person.objects.create(
            workspace=personal, name=name, email=email, phone=phone, language=lang, timezone=zone
        )
        start = _at(days, hour, zone)
        schedule_interview(
            workspace=personal,
            counterpart=person,
            start=start,
            end=start + timedelta(hours=1),
            timezone=zone,
            interviewers=[sara],
            actor=sara,
            company=company,
            role=role,
            location="Kungsgatan 12, Stockholm" if lang == "sv" else "",
            video_link="" if lang == "sv" else "https://meet.example/northwind",
        )

    team = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(
        workspace=team, user=anna, role=Membership.Role.OWNER, phone="+46 8 555 010 00"
    )
    Membership.objects.create(workspace=team, user=johan, phone="+46 8 555 010 01")
    backend = Position.objects.create(workspace=team, title="Backendutvecklare")
    designer = Position.objects.create(workspace=team, title="Product designer")
    candidates: list[tuple[str, str, str, str, str, Position, int | None, int | None]] = [
        ("Erik Lind", "erik@example.se", "+46 70 123 45 67", "sv", STOCKHOLM, backend, 2, 10),
        ("Amira Haddad", "amira@example.se", "+46 73 555 12 34", "sv", STOCKHOLM, backend, 3, 13),
        (
            "James Carter",
            "james@example.co.uk",
            "+44 7700 900123",
            "en",
            "Europe/London",
            backend,
            5,
            11,
        ),
        ("Lena Nyberg", "lena@example.se", "", "sv", STOCKHOLM, backend, None, None),
        (
            "Priya Nair",
            "priya@example.com",
            "+1 212 555 0142",
            "en",
            "America/New_York",
            designer,
            6,
            15,
        ),
        (
            "Jonas Berg",
            "jonas@example.se",
            "+46 76 222 33 44",
            "sv",
            STOCKHOLM,
            designer,
            None,
            None,
        ),
    ]
    for name, email, phone, lang, zone, position, in_days, at_hour in candidates:
        person = Person.objects.create(
            workspace=team, name=name, email=email, phone=phone, language=lang, timezone=zone
        )
        application = Application.objects.create(position=position, person=person)
        if in_days is None or at_hour is None:
            continue
        start = _at(in_days, at_hour)
        schedule_interview(
            workspace=team,
            counterpart=person,
            start=start,
            end=start + timedelta(minutes=45),
            timezone=STOCKHOLM,
            interviewers=[anna, johan],
            actor=anna,
            position=position,
            application=application,
            location="Norrsken AB, Torsgatan 8, Stockholm",
        )
