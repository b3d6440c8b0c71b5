from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from takt.core.models.workspace import Workspace
from takt.scheduling.dates import default_locale, locale_language


class Language(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class Locale(models.TextChoices):
    """How dates and clocks read; blank: from the language and the zone."""

    SWEDEN = "sv-SE", _("Swedish (Sweden)")
    BRITAIN = "en-GB", _("English (UK)")
    AMERICA = "en-US", _("English (US)")


class Person(models.Model):
    """The counterpart: a candidate for a team, the employer's contact for a job seeker."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.SWEDISH
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Stockholm")
    locale = models.CharField(
        _("date style"),
        max_length=5,
        choices=Locale.choices,
        blank=True,
        help_text=_("Leave empty to follow the language and the time zone."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        # Name search (icontains is UPPER(name) LIKE '%..%') has a trigram index on
        # PostgreSQL, made by migration 0003 outside the models' state (SQLite has no GIN).

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.locale and locale_language(self.locale) != self.language:
            raise ValidationError(
                {"locale": _("That date style is for another language than the one they read.")}
            )

    @property
    def reading_locale(self) -> str:
        """The locale their dates read in: their own, or the usual one for language and zone."""
        if self.locale and locale_language(self.locale) == self.language:
            return self.locale
        return default_locale(self.language, self.timezone)


class Position(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("title"), max_length=200)
    # English text uses this title when given, so a Swedish title never leaks into English.
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["status", "title"]
        # The positions list: a workspace's newest first, all or one status at a time.
        indexes = [
            models.Index(fields=["workspace", "-created_at", "-id"], name="position_newest"),
            models.Index(
                fields=["workspace", "status", "-created_at", "-id"],
                name="position_newest_by_status",
            ),
            # And a trigram index on the title for search: see Person.Meta.
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def titles(self) -> str | dict[str, str]:
        """The title as the composer takes it: one string, or one per language when both exist."""
        if self.title_en.strip():
            return {"sv": self.title, "en": self.title_en.strip()}
        return self.title

    def title_in(self, language: str) -> str:
        """The title for a page or text in `language`; the English one only for English."""
        if language.startswith("en") and self.title_en.strip():
            return self.title_en.strip()
        return self.title


class Application(models.Model):
    """A candidate's place in a position's process: how far they came, and whether told."""

    class Stage(models.TextChoices):
        APPLIED = "applied", _("Applied")
        BOOKED = "booked", _("Interview booked")
        INTERVIEWED = "interviewed", _("Interviewed")
        HIRED = "hired", _("Hired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="applications")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="applications")
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.APPLIED
    )
    informed_at = models.DateTimeField(_("informed"), null=True, blank=True)
    informed_channel = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("application")
        constraints = [
            models.UniqueConstraint(fields=["position", "person"], name="one_application_each")
        ]
        # A position's candidates: newest first, all or one stage at a time.
        indexes = [
            models.Index(fields=["position", "-created_at", "-id"], name="application_newest"),
            models.Index(
                fields=["position", "stage", "-created_at", "-id"],
                name="application_newest_by_stage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.position}"

    @property
    def is_open(self) -> bool:
        return self.stage not in (self.Stage.HIRED, self.Stage.WITHDRAWN)
