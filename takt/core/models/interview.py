import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.db import models
from django.db.models import Func, Q
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from takt.core.models.people import Application, Person, Position
from takt.core.models.workspace import Workspace


def new_uid() -> str:
    return f"{uuid.uuid4()}@takt"


class Interview(models.Model):
    """One interview for its whole life: a reschedule moves it, keeps `uid`, raises `sequence`."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        RESCHEDULE_PENDING = "reschedule_pending", _("Rescheduling")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    ACTIVE = (Status.SCHEDULED, Status.RESCHEDULE_PENDING)

    class Attendance(models.TextChoices):
        """The candidate's answer from their own calendar (an iTIP REPLY's PARTSTAT)."""

        NONE = "", pgettext_lazy("calendar answer", "No answer yet")
        ACCEPTED = "accepted", pgettext_lazy("calendar answer", "Accepted")
        TENTATIVE = "tentative", pgettext_lazy("calendar answer", "Maybe")
        DECLINED = "declined", pgettext_lazy("calendar answer", "Declined")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="interviews")
    position = models.ForeignKey(
        Position, null=True, blank=True, on_delete=models.SET_NULL, related_name="interviews"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="interviews"
    )
    # A job seeker's interview names the company and role in text.
    company = models.CharField(_("company"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    counterpart = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="interviews", verbose_name=_("counterpart")
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Booking", related_name="interviews", blank=True
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Stockholm")
    location = models.CharField(_("place"), max_length=300, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.SCHEDULED
    )
    uid = models.CharField(max_length=100, unique=True, default=new_uid, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    # Answered to the invitation at `attendance_sequence`: an answer to an earlier
    # time says nothing of the current one (see `calendar_answer`).
    attendance = models.CharField(
        _("calendar answer"), max_length=10, choices=Attendance.choices, blank=True, default=""
    )
    attendance_sequence = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="ends_after_start")
        ]
        indexes = [
            models.Index(fields=["workspace", "status", "start"]),
            # A workspace's interviews by time, whatever their status (drafts by interview time).
            models.Index(fields=["workspace", "start", "id"], name="interview_by_start"),
            # A position's interviews: soonest first, all or one status at a time.
            models.Index(fields=["position", "start", "id"], name="interview_soonest"),
            models.Index(
                fields=["position", "status", "start", "id"], name="interview_soonest_by_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start:%Y-%m-%d %H:%M} UTC)"

    def get_absolute_url(self) -> str:
        return reverse("interview", args=[self.workspace_id, self.pk])

    def role_in(self, language: str) -> str:
        """The role as a reader of `language` reads it: the English title when there is one."""
        return self.position.title_in(language) if self.position else self.role

    def title_in(self, language: str) -> str:
        company = self.company or (self.workspace.name if self.workspace.is_team else "")
        role = self.role_in(language)
        return " · ".join(part for part in (role, company) if part) or str(self.counterpart)

    @property
    def title(self) -> str:
        """The title in the page's language, so an English page never shows the Swedish one."""
        return self.title_in(get_language() or "sv")

    @property
    def heading(self) -> str:
        """How the workspace itself names it: a team by the candidate, a job seeker by the job."""
        if self.workspace.is_team:
            role = self.role_in(get_language() or "sv")
            return " · ".join(part for part in (self.counterpart.name, role) if part)
        return self.title

    @property
    def calendar_answer(self) -> str:
        """The candidate's calendar answer to the invitation as it stands now, or ""."""
        return self.attendance if self.attendance_sequence == self.sequence else ""

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class Booking(models.Model):
    """One person's hold on their time for one interview.

    The interview's time and whether it is active are copied here so the
    database itself can refuse a double booking: an exclusion constraint on
    PostgreSQL (see the migration), a check in an IMMEDIATE transaction on SQLite.
    """

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("booking")
        constraints = [
            models.UniqueConstraint(fields=["interview", "user"], name="one_booking_per_user"),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="booking_ends_after_start"
            ),
            ExclusionConstraint(
                name="no_double_booking",
                expressions=[
                    (TsTzRange("start", "end", RangeBoundary()), RangeOperators.OVERLAPS),
                    ("user", RangeOperators.EQUAL),
                ],
                condition=Q(active=True),
            ),
        ]
        indexes = [models.Index(fields=["user", "active", "start"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.interview_id}"
