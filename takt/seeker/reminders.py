"""The job seeker's reminders on the dashboard: the follow-up owed, and a cancellation not sent."""

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from takt.core.models import Change, Interview, Side, Workspace
from takt.core.needs import ActionItem, finder
from takt.core.pages import for_page
from takt.seeker.checks import raw_findings


@finder
def followups_owed(workspace: Workspace, now: datetime) -> list[ActionItem]:
    """From the contact until the note is sent, the interview has happened, or it is cancelled.

    A note repeating your interest makes no sense once the interview is over or called off.
    """
    if workspace.is_team:
        return []
    owed = (
        Change.objects.filter(
            interview__workspace=workspace,
            kind=Change.Kind.RESCHEDULE,
            side=Side.CANDIDATE,
            state__in=[Change.State.CONTACTING, Change.State.SENT, Change.State.AGREED],
            contacted_at__isnull=False,
            followup_sent_at__isnull=True,
            interview__end__gt=now,
        )
        .exclude(interview__status=Interview.Status.CANCELLED)
        .select_related("interview", "interview__counterpart", "interview__workspace")
    )
    items = []
    for change in owed:
        interview = change.interview
        url = reverse("seeker_reschedule", args=[workspace.pk, interview.pk, "after"])
        due = [f for f in raw_findings(change, now=now) if f.rule == "followup.due"]
        if due:
            items.append(ActionItem("warn", f"{interview.title}: {due[0].message}", url))
        else:
            text = _("Send %(name)s a short follow-up note: your apology and your interest again.")
            items.append(ActionItem("advice", text % {"name": interview.counterpart.name}, url))
    return items


@finder
def cancellations_waiting(workspace: Workspace, now: datetime) -> list[ActionItem]:
    """A cancellation drafted and not sent: say why sending early matters (notice.delayed)."""
    if workspace.is_team:
        return []
    drafts = Change.objects.filter(
        interview__workspace=workspace,
        kind=Change.Kind.CANCEL,
        side=Side.CANDIDATE,
        state=Change.State.DRAFT,
        interview__end__gt=now,
    ).select_related("interview", "interview__counterpart", "interview__workspace")
    items = []
    for change in drafts:
        interview = change.interview
        delayed = for_page(f for f in raw_findings(change, now=now) if f.rule == "notice.delayed")
        if delayed:
            url = reverse("seeker_cancel", args=[workspace.pk, interview.pk, "send"])
            text = f"{interview.title}: {delayed[0]['message']} {delayed[0]['why']}"
            items.append(ActionItem("warn", text, url))
    return items
