"""Takt's database set up and read from a process of its own, for the killed-worker test.

    python -m tests.inbox_imap.helper offer     migrate; Erik offered three times; print where
                                                to reply (the Reply-To token) as JSON
    python -m tests.inbox_imap.helper poll      queue one mailbox poll, as the supervisor does
    python -m tests.inbox_imap.helper status    print each mail received and each reading as JSON

The database comes from the environment (TAKT_DATA_DIR), as for `takt worker`.
"""

import json
import os
import sys
from datetime import timedelta


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "takt.settings")
    import django

    django.setup()
    {"offer": _offer, "poll": _poll, "status": _status}[argv[0]]()
    return 0


def _offer() -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from takt.core.models import Application, Membership, Person, Position, Workspace
    from takt.core.rules import Unacknowledged
    from takt.core.schedule import schedule_interview
    from takt.hiring import employer
    from takt.outbox.models import Message
    from takt.outbox.reply_address import reply_address

    call_command("migrate", verbosity=0)
    anna = get_user_model().objects.create_user(
        "anna", password="secret-pass-123", first_name="Anna"
    )
    workspace = Workspace.objects.create(name="Norrsken AB", kind=Workspace.Kind.TEAM)
    Membership.objects.create(workspace=workspace, user=anna, role="owner")
    position = Position.objects.create(workspace=workspace, title="Backendutvecklare")
    erik = Person.objects.create(workspace=workspace, name="Erik Lind", email="erik@example.se")
    start = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    interview = schedule_interview(
        workspace=workspace,
        start=start,
        end=start + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[anna],
        actor=anna,
        counterpart=erik,
        position=position,
        application=Application.objects.create(position=position, person=erik),
    )
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=anna
    )
    times = [(start + timedelta(days=d), start + timedelta(days=d, hours=1)) for d in (4, 5, 6)]
    try:
        employer.send_offer(change, times, actor=anna)
    except Unacknowledged as warned:  # a weekend or late hour: acknowledged, as a person would
        employer.send_offer(change, times, actor=anna, acknowledged=warned.rules)
    row = Message.objects.get(change=change, recipient_email=erik.email)
    print(json.dumps({"to": reply_address(row), "change": change.pk}))


def _poll() -> None:
    from takt.inbox.tasks import poll_mailbox

    poll_mailbox.enqueue()


def _status() -> None:
    from takt.core.models import AuditEvent
    from takt.inbox.models import InboundMail

    mails = InboundMail.objects.order_by("pk").values_list("message_id", "status", "change_id")
    readings = AuditEvent.objects.filter(verb="reply.read").count()
    print(json.dumps({"mails": [list(m) for m in mails], "readings": readings}))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
