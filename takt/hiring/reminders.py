"""The recruiter's dashboard items: calls to make, unanswered offers, uninformed, follow-ups.

Each is one query whatever the size of the team's history: what the old code
asked per row (a contact attempt, a later change) is asked in the same query.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from takt.core.models import (
    Alternative,
    Application,
    Change,
    ContactAttempt,
    Position,
    Side,
    Workspace,
)
from takt.core.needs import CHANGE_FIELDS, ActionItem, Need, register
from takt.hiring import positions

UNANSWERED_AFTER = timedelta(hours=48)
PROMISE_DUE_AFTER = timedelta(hours=24)


def _later_change() -> Exists:
    """Something happened on the interview after this change: it was answered."""
    return Exists(
        Change.objects.filter(
            interview=OuterRef("interview"), created_at__gt=OuterRef("created_at")
        )
    )


@register
class CallsToMake(Need):
    """Urgent cancellations not yet sent, where nobody has reached the candidate by phone."""

    name = "calls"
    label = gettext_lazy("Calls to make")
    order = "interview__start"
    team = True

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        reached = ContactAttempt.objects.filter(
            change=OuterRef("pk"), outcome__in=("reached", "left_message")
        )
        return (
            # Interviews still ahead, soonest first (the walk stops at the first calls): a
            # call after the interview's time has begun is too late to be of use.
            Change.objects.filter(
                interview__workspace=workspace,
                interview__start__gte=now,
                side=Side.EMPLOYER,
                kind=Change.Kind.CANCEL,
                state__in=Change.OPEN_STATES,
                sent_at__isnull=True,
            )
            .filter(Q(emergency=True) | Q(interview__start__lt=now + timedelta(hours=24)))
            .exclude(Exists(reached))
            .select_related(*CHANGE_FIELDS)
        )

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "block",
            _("Call %(name)s: the interview is cancelled at short notice.")
            % {"name": row.interview.counterpart.name},
            reverse("employer_change", args=[workspace.pk, row.pk]),
            row.interview.start,
        )


@register
class OffersUnanswered(Need):
    name = "unanswered"
    label = gettext_lazy("Offers not answered")
    order = "sent_at"
    team = True

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        return Change.objects.filter(
            Exists(Alternative.objects.filter(change=OuterRef("pk"))),
            workspace=workspace,
            side=Side.EMPLOYER,
            state=Change.State.SENT,
            sent_at__lt=now - UNANSWERED_AFTER,
        ).select_related(*CHANGE_FIELDS)

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "warn",
            _("%(name)s has not picked a time in two days. Call them.")
            % {"name": row.interview.counterpart.name},
            row.interview.get_absolute_url(),
            row.sent_at,
        )


def _waiting() -> "QuerySet[Application]":
    """The position's candidates still in the running and not told it is filled."""
    return Application.objects.filter(
        position=OuterRef("pk"), stage__in=positions.OPEN_STAGES, informed_at__isnull=True
    )


@register
class CandidatesUninformed(Need):
    name = "uninformed"
    label = gettext_lazy("Filled positions with candidates not told")
    order = "created_at"
    team = True

    def counted(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        # The same as positions.uninformed(), for every position in one query; asked with
        # EXISTS, so the dashboard's count stops at each position's first such candidate.
        return Position.objects.filter(
            Exists(_waiting()), workspace=workspace, status=Position.Status.FILLED
        )

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        how_many = _waiting().order_by().values("position").annotate(n=Count("pk")).values("n")
        return self.counted(workspace, now).annotate(uninformed=Subquery(how_many))

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "block",
            ngettext(
                "%(count)d candidate for %(title)s has not been told it is filled.",
                "%(count)d candidates for %(title)s have not been told it is filled.",
                row.uninformed,
            )
            % {"count": row.uninformed, "title": row.title},
            reverse("employer_filled", args=[workspace.pk, row.pk]),
            row.created_at,
        )


@register
class NewTimesPromised(Need):
    """Cancelled with a promise of new times, and none offered since."""

    name = "promised"
    label = gettext_lazy("New times promised")
    order = "sent_at"
    team = True

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        return (
            # A sent cancellation leaves the interview cancelled until new times are offered,
            # on this change or a later one, and both are excluded here; so the interview's
            # status is not asked, which would lead PostgreSQL to sort every cancellation
            # the team has sent rather than walk them oldest first and stop at ten.
            Change.objects.filter(
                ~Exists(Alternative.objects.filter(change=OuterRef("pk"))),
                workspace=workspace,
                side=Side.EMPLOYER,
                kind=Change.Kind.CANCEL,
                sent_at__lt=now - PROMISE_DUE_AFTER,
                interview__application__stage__in=positions.OPEN_STAGES,
            )
            .exclude(_later_change())
            .select_related(*CHANGE_FIELDS)
        )

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "warn",
            _("You promised %(name)s new times. Offer them now.")
            % {"name": row.interview.counterpart.name},
            reverse("employer_offer", args=[workspace.pk, row.interview_id]),
            row.sent_at,
        )


@register
class OtherTimesAsked(Need):
    name = "asked"
    label = gettext_lazy("Candidates who asked for other times")
    order = "updated_at"
    team = True

    def rows(self, workspace: Workspace, now: datetime) -> "QuerySet[Any]":
        return (
            Change.objects.filter(
                workspace=workspace, side=Side.EMPLOYER, state=Change.State.DECLINED
            )
            .exclude(_later_change())
            .select_related(*CHANGE_FIELDS)
        )

    def item(self, row: Any, workspace: Workspace, now: datetime) -> ActionItem:
        return ActionItem(
            "warn",
            _("%(name)s asked for other times. Offer new ones.")
            % {"name": row.interview.counterpart.name},
            row.interview.get_absolute_url(),
            row.updated_at,
        )
