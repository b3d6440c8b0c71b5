"""The recruiter's dashboard items: calls to make, unanswered offers, uninformed, follow-ups."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from takt.core.models import Change, Interview, Position, Side, Workspace
from takt.core.needs import ActionItem, finder
from takt.hiring import positions

UNANSWERED_AFTER = timedelta(hours=48)
PROMISE_DUE_AFTER = timedelta(hours=24)


@finder
def calls_to_make(workspace: Workspace, now: datetime) -> list[ActionItem]:
    """Urgent cancellations not yet sent, where nobody has reached the candidate by phone."""
    if not workspace.is_team:
        return []
    pending = Change.objects.filter(
        interview__workspace=workspace,
        side=Side.EMPLOYER,
        kind=Change.Kind.CANCEL,
        state__in=Change.OPEN_STATES,
        sent_at__isnull=True,
    ).filter(Q(emergency=True) | Q(interview__start__lt=now + timedelta(hours=24)))
    items = []
    for change in pending.select_related("interview__counterpart"):
        if change.contact_attempts.filter(outcome__in=("reached", "left_message")).exists():
            continue
        items.append(
            ActionItem(
                "block",
                _("Call %(name)s: the interview is cancelled at short notice.")
                % {"name": change.interview.counterpart.name},
                reverse("employer_change", args=[workspace.pk, change.pk]),
            )
        )
    return items


@finder
def offers_unanswered(workspace: Workspace, now: datetime) -> list[ActionItem]:
    if not workspace.is_team:
        return []
    stale = Change.objects.filter(
        interview__workspace=workspace,
        side=Side.EMPLOYER,
        state=Change.State.SENT,
        sent_at__lt=now - UNANSWERED_AFTER,
        alternatives__isnull=False,
    ).distinct()
    return [
        ActionItem(
            "warn",
            _("%(name)s has not picked a time in two days. Call them.")
            % {"name": change.interview.counterpart.name},
            change.interview.get_absolute_url(),
        )
        for change in stale.select_related("interview__counterpart", "interview__workspace")
    ]


@finder
def candidates_uninformed(workspace: Workspace, now: datetime) -> list[ActionItem]:
    if not workspace.is_team:
        return []
    items = []
    for position in Position.objects.filter(workspace=workspace, status=Position.Status.FILLED):
        count = positions.uninformed(position).count()
        if count:
            items.append(
                ActionItem(
                    "block",
                    _("%(count)d candidates for %(title)s have not been told it is filled.")
                    % {"count": count, "title": position.title},
                    reverse("employer_filled", args=[workspace.pk, position.pk]),
                )
            )
    return items


@finder
def followups_due(workspace: Workspace, now: datetime) -> list[ActionItem]:
    """Promised new times not yet offered, and candidates who asked for other times."""
    if not workspace.is_team:
        return []
    items = []
    promised = Change.objects.filter(
        interview__workspace=workspace,
        interview__status=Interview.Status.CANCELLED,
        side=Side.EMPLOYER,
        kind=Change.Kind.CANCEL,
        sent_at__lt=now - PROMISE_DUE_AFTER,
        alternatives__isnull=True,
        interview__application__stage__in=positions.OPEN_STAGES,
    ).select_related("interview__counterpart", "interview__workspace")
    for change in promised:
        later = change.interview.changes.filter(created_at__gt=change.created_at).exists()
        if not later:
            items.append(
                ActionItem(
                    "warn",
                    _("You promised %(name)s new times. Offer them now.")
                    % {"name": change.interview.counterpart.name},
                    reverse("employer_offer", args=[workspace.pk, change.interview_id]),
                )
            )
    asked = Change.objects.filter(
        interview__workspace=workspace, side=Side.EMPLOYER, state=Change.State.DECLINED
    ).select_related("interview__counterpart", "interview__workspace")
    for change in asked:
        if not change.interview.changes.filter(created_at__gt=change.created_at).exists():
            items.append(
                ActionItem(
                    "warn",
                    _("%(name)s asked for other times. Offer new ones.")
                    % {"name": change.interview.counterpart.name},
                    change.interview.get_absolute_url(),
                )
            )
    return items
