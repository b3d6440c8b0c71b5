"""What needs the user's action now: the dashboard's first box.

Each source of work adds items here; later flows (follow-ups due, calls to
make, unanswered offers, uninformed candidates) register their own finder.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from takt.core.models import Change, Interview, Workspace


@dataclass(frozen=True)
class ActionItem:
    severity: str  # "block", "warn" or "advice", as the etiquette findings
    text: str
    url: str


Finder = Callable[[Workspace, datetime], list[ActionItem]]
FINDERS: list[Finder] = []


def finder(function: Finder) -> Finder:
    FINDERS.append(function)
    return function


def needs_action(workspace: Workspace, now: datetime) -> list[ActionItem]:
    items = [item for find in FINDERS for item in find(workspace, now)]
    order = {"block": 0, "warn": 1, "advice": 2}
    return sorted(items, key=lambda item: order.get(item.severity, 3))


@finder
def unsent_drafts(workspace: Workspace, now: datetime) -> list[ActionItem]:
    drafts = Change.objects.filter(
        interview__workspace=workspace, state=Change.State.DRAFT
    ).select_related("interview", "interview__counterpart")
    return [
        ActionItem(
            "warn",
            _("A draft for %(interview)s is not sent yet: the earlier they know, the better.")
            % {"interview": change.interview.title},
            change.interview.get_absolute_url(),
        )
        for change in drafts
    ]


@finder
def interviews_past_unclosed(workspace: Workspace, now: datetime) -> list[ActionItem]:
    past = Interview.objects.filter(
        workspace=workspace, status=Interview.Status.RESCHEDULE_PENDING, start__lt=now
    ).select_related("counterpart")
    return [
        ActionItem(
            "warn",
            _("%(interview)s was being rescheduled and its old time has passed.")
            % {"interview": interview.title},
            interview.get_absolute_url(),
        )
        for interview in past
    ]
