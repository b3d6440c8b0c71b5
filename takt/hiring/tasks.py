"""The worker's side of closing a position: inform in batches, then close if nobody is left."""

import contextlib

from django.contrib.auth.models import User
from django.tasks import task
from django.utils import timezone

from takt.core.models import Position
from takt.hiring.positions import NotClosable, finish_closing, inform_all


@task()
def inform_candidates(position_id: int, actor_id: int | None, language: str = "sv") -> int:
    """Safe to run twice: each candidate's message has its own idempotency key."""
    position = Position.objects.select_related("workspace").get(pk=position_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    now = timezone.now()
    told = inform_all(position, actor=actor, now=now, language=language)
    # NotClosable: the page lists who still needs a call.
    with contextlib.suppress(NotClosable):
        finish_closing(position, actor=actor, now=now, lang=language)
    return told
