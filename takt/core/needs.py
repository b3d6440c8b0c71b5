"""What needs the user's action now: the dashboard's first box.

Each kind of work is a `Need`: a query for its rows, most urgent first, and how
one row reads. The dashboard asks each kind for its count and its first few
rows (two queries a kind, whatever the size of the workspace), shows the most
urgent of all and says how many more wait; each kind's full list has its own
keyset-paged page. The seeker's and the hiring team's kinds register from their
apps' `ready()`.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from takt.core.models import Change, Interview, Workspace

SHOWN = 10
# What a change's item says needs: who, where, and the role's title.
CHANGE_FIELDS = ("interview__counterpart", "interview__workspace", "interview__position")
# Counted up to here: "100+" says enough on a dashboard, and counting every one of a
# big team's thousands of items would make the page grow with the team.
COUNTED = 100
_SEVERITY = {"block": 0, "warn": 1, "advice": 2}


@dataclass(frozen=True)
class ActionItem:
    severity: str  # "block", "warn" or "advice", as the etiquette findings
    text: str
    url: str
    # When it is due or when it began: the sooner, the more urgent within a severity.
    when: datetime | None = None


class Need:
    """One kind of work: its rows as a query ordered by `order` (soonest first), one item each."""

    name: ClassVar[str]
    label: ClassVar[Any]
    # The time field the rows are ordered by, soonest first; the full list pages on it.
    order: ClassVar[str]
    team: ClassVar[bool | None] = None  # True: team workspaces only; False: personal only

    def applies(self, workspace: Workspace) -> bool:
        return self.team is None or self.team == workspace.is_team

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        raise NotImplementedError

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        raise NotImplementedError

    def counted(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        """The same rows as `rows`, without what only their texts need."""
        return self.rows(workspace, now)

    def ordered(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        return self.rows(workspace, now).order_by(self.order, "pk")


NEEDS: dict[str, Need] = {}


def register(kind: type[Need]) -> type[Need]:
    NEEDS[kind.name] = kind()
    return kind


@dataclass(frozen=True)
class Kind:
    need: Need
    count: int
    # More than COUNTED wait; `count` is COUNTED.
    more_than: bool = False


@dataclass(frozen=True)
class Summary:
    items: list[ActionItem]
    kinds: list[Kind]

    @property
    def total(self) -> int:
        return sum(kind.count for kind in self.kinds)

    @property
    def more_than(self) -> bool:
        return any(kind.more_than for kind in self.kinds)

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def needs_action(workspace: Workspace, now: datetime, shown: int = SHOWN) -> Summary:
    """The most urgent items of every kind, at most `shown`, and how many of each kind wait."""
    items: list[ActionItem] = []
    kinds: list[Kind] = []
    for need in NEEDS.values():
        if not need.applies(workspace):
            continue
        # Two queries a kind, whatever the size: how many (on the indexes alone, without
        # the joins the items need) and the first few with what their texts need.
        # Unordered and cut at COUNTED, so the database stops counting there.
        count = need.counted(workspace, now).select_related(None).order_by()[: COUNTED + 1].count()
        items += [need.item(row, workspace, now) for row in need.ordered(workspace, now)[:shown]]
        if count:
            kinds.append(Kind(need, min(count, COUNTED), more_than=count > COUNTED))
    items.sort(key=_urgency)
    return Summary(items[:shown], kinds)


def _urgency(item: ActionItem) -> tuple[int, float]:
    return _SEVERITY.get(item.severity, 3), item.when.timestamp() if item.when else 0.0


@register
class UnsentDrafts(Need):
    name = "drafts"
    label = gettext_lazy("Drafts not sent")
    order = "interview__start"

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        # Interviews still ahead, soonest first: the database walks the workspace's
        # interviews from now by time and stops at the first drafts it finds. A draft for
        # an interview already begun can no longer be sent in time.
        return Change.objects.filter(
            interview__workspace=workspace, interview__start__gte=now, state=Change.State.DRAFT
        ).select_related(*CHANGE_FIELDS)

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "warn",
            _("A draft for %(interview)s is not sent yet: the earlier they know, the better.")
            % {"interview": row.interview.title},
            row.interview.get_absolute_url(),
            row.interview.start,
        )


@register
class PastUnclosed(Need):
    name = "past"
    label = gettext_lazy("Old times passed while rescheduling")
    order = "start"

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        return Interview.objects.filter(
            workspace=workspace, status=Interview.Status.RESCHEDULE_PENDING, start__lt=now
        ).select_related("counterpart", "position", "workspace")

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "warn",
            _("%(interview)s was being rescheduled and its old time has passed.")
            % {"interview": row.title},
            row.get_absolute_url(),
            row.start,
        )
