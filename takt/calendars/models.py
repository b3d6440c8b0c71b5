from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from takt.calendars.credentials import EncryptedTextField
from takt.calendars.errors import CalendarError
from takt.core.models import Workspace

# Why an event of a calendar was left out, or how it was read though invalid
# (the codes of ics.SKIPPED and ics.CORRECTED), in words for its owner.
EVENT_REASONS = {
    "unreadable": _("its text cannot be read"),
    "no_start": _("it has no start time"),
    "bad_time": _("a time, date or length in it cannot be read"),
    "bad_rule": _("its repeat rule cannot be read"),
    "bad_count": _("its repeat rule's count is not a positive number"),
    "empty_rule": _("an empty repeat rule: read as happening once"),
    "end_before_start": _(
        "it ends before it starts: read as ending when it starts (all day: that one day)"
    ),
    "whole_days": _("an all-day start with a clock-time end or length: read as whole days"),
    "count_ignored": _("a repeat count that is not a positive number: read up to its end date"),
}
# Events listed on the page per kind (left out, corrected); the counts are whole.
EVENT_NOTES_KEPT = 50


class CalendarSource(models.Model):
    """Where a person's busy times come from: an ICS address or file, or a CalDAV account."""

    class Kind(models.TextChoices):
        ICS_URL = "ics_url", _("Calendar address (ICS)")
        ICS_FILE = "ics_file", _("Calendar file (ICS)")
        CALDAV = "caldav", _("CalDAV account")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="calendars")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendars"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    username = models.CharField(_("user name"), max_length=200, blank=True)
    # Sealed in the database (see credentials.py); read and written in the clear here.
    password = EncryptedTextField(_("password"), blank=True)
    ics_data = models.BinaryField(blank=True, null=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Stockholm")
    last_synced_at = models.DateTimeField(null=True, blank=True)
    # The last refresh's failure: the text in the language of whoever refreshed, and
    # the error itself, so each reader sees it in their own language (see error()).
    last_error = models.TextField(blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    error_detail = models.CharField(max_length=200, blank=True)
    error_limit = models.BigIntegerField(null=True, blank=True)
    last_tried_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # From the last good read: how many events were left out or read with a
    # correction, and the first of each as {"summary": ..., "code": ...}.
    skipped_count = models.PositiveIntegerField(default=0)
    corrected_count = models.PositiveIntegerField(default=0)
    event_notes = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("calendar")
        ordering = ["owner", "name"]

    def __str__(self) -> str:
        return self.name or self.url or self.get_kind_display()

    def error(self) -> CalendarError | None:
        """Why the last refresh failed, or None when it worked."""
        if not self.error_code:
            return None
        return CalendarError(self.error_code, detail=self.error_detail, limit=self.error_limit)

    def error_message(self, lang: str) -> str:
        """The last refresh's failure in `lang` ("" when it worked)."""
        error = self.error()
        return error.message(lang) if error is not None else self.last_error

    def skipped_events(self) -> list[dict[str, str]]:
        """The events left out at the last read, with why, in the active language."""
        return self._notes(skipped=True)

    def corrected_events(self) -> list[dict[str, str]]:
        """The invalid events read the way the big clients read them, with how."""
        return self._notes(skipped=False)

    def _notes(self, *, skipped: bool) -> list[dict[str, str]]:
        shown = []
        for note in self.event_notes or []:
            code = str(note.get("code", ""))
            if code in EVENT_REASONS and bool(note.get("skipped")) == skipped:
                summary = str(note.get("summary") or "")
                shown.append({"summary": summary, "reason": str(EVENT_REASONS[code])})
        return shown


class BusyTime(models.Model):
    """A busy interval read from a calendar, replaced as a whole on every refresh."""

    source = models.ForeignKey(CalendarSource, on_delete=models.CASCADE, related_name="busy")
    start = models.DateTimeField()
    end = models.DateTimeField()
    summary = models.CharField(max_length=300, blank=True)
    # The event's UID; an interview's own invitation has the interview's uid.
    uid = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["source", "start"])]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M} UTC"
