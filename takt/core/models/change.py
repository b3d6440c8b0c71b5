from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from takt.core.models.interview import Interview
from takt.core.models.workspace import Workspace


class Side(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    EMPLOYER = "employer", _("Employer")


class Change(models.Model):
    """One request to reschedule or cancel an interview, from either side."""

    class Kind(models.TextChoices):
        RESCHEDULE = "reschedule", _("Reschedule")
        CANCEL = "cancel", _("Cancel")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONTACTING = "contacting", _("Contacting")
        SENT = "sent", _("Sent")
        AGREED = "agreed", _("Agreed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATES = (State.DRAFT, State.CONTACTING, State.SENT)

    class Reason(models.TextChoices):
        ILLNESS = "illness", _("Illness")
        FAMILY = "family", _("Family")
        CONFLICT = "conflict", _("Clashing commitment")
        TRAVEL = "travel", _("Travel")
        LEISURE = "leisure", _("Leisure plans")
        OTHER_OFFER = "other_offer", _("Accepted another offer")
        NOT_INTERESTED = "not_interested", _("No longer interested")
        EMERGENCY = "emergency", _("Emergency")
        POSITION_FILLED = "position_filled", _("Position filled")
        OTHER = "other", _("Other")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="changes")
    # The interview's workspace, kept here so that a workspace's changes can be listed in the
    # order of a change's own times by one index, without reading every interview first.
    # Set from the interview on save; an interview never moves to another workspace.
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="changes", editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    side = models.CharField(_("asked by"), max_length=20, choices=Side.choices)
    reason_category = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    reason_text = models.TextField(_("reason in your own words"), blank=True)
    emergency = models.BooleanField(_("emergency"), default=False)
    known_since = models.DateTimeField(_("known since"), null=True, blank=True)
    # The guide's last-resort question; None means it was not answered.
    other_plans_movable = models.BooleanField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    # The etiquette findings as last shown, and the warnings the person chose to go past.
    findings = models.JSONField(default=list, blank=True)
    overridden = models.JSONField(default=list, blank=True)
    old_start = models.DateTimeField(null=True, blank=True)
    old_end = models.DateTimeField(null=True, blank=True)
    new_start = models.DateTimeField(null=True, blank=True)
    new_end = models.DateTimeField(null=True, blank=True)
    contacted_at = models.DateTimeField(null=True, blank=True)
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Whether it is open (OPEN_STATES), kept by the database: the dashboard's open changes
    # are then one range of an index. A partial index on the states would not do: SQLite
    # uses one only for the very text of its condition, never for "state IN (?, ?, ?)".
    in_progress = models.GeneratedField(
        expression=models.ExpressionWrapper(
            models.Q(state__in=["draft", "contacting", "sent"]), output_field=models.BooleanField()
        ),
        output_field=models.BooleanField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("change")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["interview", "state"]),
            # Unsent cancellations of every team: the full list of calls to make may start
            # from these rather than from the interviews (the dashboard walks those).
            models.Index(fields=["side", "kind", "sent_at"], name="change_by_kind_sent"),
            # Each kind of work on the dashboards walks one of these in its own order and
            # stops at the rows it shows: a workspace's changes of one side and state by time,
            # then id, as the lists are ordered (equal times are common: one batch, one second).
            models.Index(
                fields=["workspace", "side", "state", "sent_at", "id"],
                name="change_ws_by_state_sent",
            ),
            models.Index(
                fields=["workspace", "side", "kind", "sent_at", "id"],
                name="change_ws_by_kind_sent",
            ),
            models.Index(
                fields=["workspace", "side", "state", "updated_at", "id"],
                name="change_ws_by_state_updated",
            ),
            models.Index(
                fields=["workspace", "side", "kind", "state", "known_since", "id"],
                name="change_ws_by_known_since",
            ),
            models.Index(
                fields=["workspace", "side", "kind", "contacted_at", "id"],
                condition=models.Q(followup_sent_at__isnull=True),
                name="change_ws_followup_owed",
            ),
            # The dashboard's open changes, newest first.
            models.Index(
                fields=["workspace", "in_progress", "-created_at", "-id"],
                name="change_ws_open_newest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.interview_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.workspace_id is None:
            self.workspace_id = self.interview.workspace_id
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class Alternative(models.Model):
    """A time offered in a reschedule; at most one is chosen."""

    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="alternatives")
    start = models.DateTimeField()
    end = models.DateTimeField()
    chosen = models.BooleanField(default=False)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="alternative_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["change"], condition=models.Q(chosen=True), name="one_chosen_alternative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} UTC"


class ContactAttempt(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        VOICEMAIL = "voicemail", _("Voicemail")
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")
        IN_PERSON = "in_person", _("In person")

    class Outcome(models.TextChoices):
        REACHED = "reached", _("Reached them")
        NO_ANSWER = "no_answer", _("No answer")
        LEFT_MESSAGE = "left_message", _("Left a message")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, related_name="contact_attempts"
    )
    change = models.ForeignKey(
        Change, null=True, blank=True, on_delete=models.CASCADE, related_name="contact_attempts"
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    at = models.DateTimeField(_("when"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.channel}: {self.outcome}"
