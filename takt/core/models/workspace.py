from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Workspace(models.Model):
    """A job seeker's personal space, or a hiring team's shared one."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Personal")
        TEAM = "team", _("Team")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Overrides of the etiquette policy (GUIDELINES.md), e.g. {"min_notice_hours": 48}.
    policy = models.JSONField(_("policy"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="workspaces"
    )

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_team(self) -> bool:
        return self.kind == self.Kind.TEAM


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    # The member's own phone, shown to candidates under 24 hours ("call me instead").
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.workspace}"

    @classmethod
    def phone_of(cls, workspace: Workspace, user: object) -> str:
        """The member's phone in that workspace, or "" when none is known."""
        found = cls.objects.filter(workspace=workspace, user=user).values_list("phone", flat=True)
        return next(iter(found), "")
