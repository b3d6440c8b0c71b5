from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from takt.core.demo import PASSWORD, demo_exists, load_demo


class Command(BaseCommand):
    help = "Load the bilingual demo: a job seeker (sara) and a hiring team (anna, johan)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="do nothing if already loaded")

    def handle(self, *args: Any, once: bool = False, **options: Any) -> None:
        if demo_exists():
            if once:
                self.stdout.write("The demo is already loaded.")
                return
            self.stderr.write("The demo is already loaded; nothing was changed.")
            raise SystemExit(1)
        load_demo()
        self.stdout.write(
            f"Demo loaded. Sign in as sara (job seeker) or anna (recruiter), password {PASSWORD}."
        )
