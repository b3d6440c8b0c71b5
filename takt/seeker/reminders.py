"""The job seeker's reminders on the dashboard: the follow-up owed, and a cancellation not sent.

The texts are the rules' own findings, asked without history (the follow-up and
delay rules read only the change's own times), so a list costs no query per row.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from takt.core import rules
from takt.core.models import Change, Interview, Side, Workspace
from takt.core.needs import CHANGE_FIELDS, ActionItem, Need, register
from takt.core.pages import page_language


def _finding(change: Change, now: datetime, rule: str) -> rules.Finding | None:
    found = rules.findings_for(change, now=now, lang=page_language(), history=False)
    return next((f for f in found if f.rule == rule), None)


@register
class FollowupsOwed(Need):
    """From the contact until the note is sent, the interview has happened, or it is cancelled.

    A note repeating your interest makes no sense once the interview is over or called off.
    """

    name = "followups"
    label = gettext_lazy("Follow-up notes owed")
    order = "contacted_at"
    team = False

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        return (
            Change.objects.filter(
                workspace=workspace,
                kind=Change.Kind.RESCHEDULE,
                side=Side.CANDIDATE,
                state__in=[Change.State.CONTACTING, Change.State.SENT, Change.State.AGREED],
                contacted_at__isnull=False,
                followup_sent_at__isnull=True,
                interview__end__gt=now,
            )
            .exclude(interview__status=Interview.Status.CANCELLED)
            .select_related(*CHANGE_FIELDS)
        )

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        interview = row.interview
        url = reverse("seeker_reschedule", args=[workspace.pk, interview.pk, "after"])
        due = _finding(row, now, "followup.due")
        if due is not None:
            return ActionItem("warn", f"{interview.title}: {due.message}", url, row.contacted_at)
        text = _("Send %(name)s a short follow-up note: your apology and your interest again.")
        return ActionItem(
            "advice", text % {"name": interview.counterpart.name}, url, row.contacted_at
        )


@register
class CancellationsWaiting(Need):
    """A cancellation drafted and not sent, later than the guide allows (notice.delayed)."""

    name = "cancellations"
    label = gettext_lazy("Cancellations not sent")
    order = "known_since"
    team = False

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        # notice.delayed: known for longer than the workspace's max_delay_hours.
        late = now - timedelta(hours=rules.thresholds(workspace).max_delay_hours)
        return Change.objects.filter(
            workspace=workspace,
            kind=Change.Kind.CANCEL,
            side=Side.CANDIDATE,
            state=Change.State.DRAFT,
            interview__end__gt=now,
            known_since__lt=late,
        ).select_related(*CHANGE_FIELDS)

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        interview = row.interview
        url = reverse("seeker_cancel", args=[workspace.pk, interview.pk, "send"])
        delayed = _finding(row, now, "notice.delayed")
        lang = page_language()
        text = f"{interview.title}: {delayed.message} {delayed.why(lang)}" if delayed else ""
        return ActionItem("warn", text or interview.title, url, row.known_since)
