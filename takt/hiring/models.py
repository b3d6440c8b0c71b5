"""A candidate's personal link: unguessable, bound to one interview as it stands, short-lived."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from takt.core.models import Change, Interview


class CandidateLink(models.Model):
    """Only the SHA-256 of the token is kept; the token itself lives in the e-mail alone.

    The link is bound to the interview's `sequence` when it was made: any later
    change to the interview (moved, cancelled, offered again) raises the
    sequence and the link dies, so an old e-mail can never act on a new state.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="links")
    change = models.ForeignKey(
        Change, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    sequence = models.PositiveIntegerField()
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    # Set when the candidate acted through it; one action per link.
    used_at = models.DateTimeField(null=True, blank=True)
    used_for = models.CharField(max_length=30, blank=True)

    class Meta:
        verbose_name = _("candidate link")
        # Born in the candidate pages' app; the table keeps its name.
        db_table = "candidates_candidatelink"
        indexes = [models.Index(fields=["interview", "sequence"])]

    def __str__(self) -> str:
        return f"link for {self.interview_id} (seq {self.sequence})"
