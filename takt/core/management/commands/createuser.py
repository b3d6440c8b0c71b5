from getpass import getpass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from takt.core.models import Membership, Workspace


class Command(BaseCommand):
    help = "Create a user with a workspace of their own (personal) or join/create a team."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="full name")
        parser.add_argument("--team", default="", help="join (or create) the team of this name")
        parser.add_argument("--password", default=None, help="prompted for when left out")
        parser.add_argument("--admin", action="store_true", help="may use /admin/")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"The user name {username!r} is taken.")
        password = options["password"]
        if password is None:
            password = getpass("Password: ")
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        first, _, last = options["name"].partition(" ")
        with transaction.atomic():
            user = User.objects.create_user(
                username=username,
                email=options["email"],
                password=password,
                first_name=first,
                last_name=last,
                is_staff=options["admin"],
                is_superuser=options["admin"],
            )
            if options["team"]:
                team, created = Workspace.objects.get_or_create(
                    name=options["team"], kind=Workspace.Kind.TEAM
                )
                role = Membership.Role.OWNER if created else Membership.Role.MEMBER
                Membership.objects.create(workspace=team, user=user, role=role)
            else:
                personal = Workspace.objects.create(
                    name=options["name"] or username, kind=Workspace.Kind.PERSONAL
                )
                Membership.objects.create(workspace=personal, user=user, role="owner")
        self.stdout.write(f"Created {username}.")
