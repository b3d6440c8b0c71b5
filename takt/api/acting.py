"""What every action endpoint shares: ids, the verb in one transaction, refusals as 409."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from ninja import Status

from takt import wording
from takt.api.schemas import Invalid, Problem, Refusal, refusal
from takt.api.types import MAX_ID, Email, Moment, ObjectId, WorkspaceId, Zone
from takt.core.booking import DoubleBooking
from takt.core.changes import NotAllowed
from takt.core.composing import situation_for
from takt.core.models import Change, Interview, Side
from takt.core.rules import Blocked
from takt.seeker.services import NoEmail

__all__ = ["MAX_ID", "Email", "Moment", "ObjectId", "WorkspaceId", "Zone"]

READ = {401: Problem, 404: Problem, 422: Invalid}
ACT = {401: Problem, 404: Problem, 409: Refusal, 422: Invalid}


def caller(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def act(action: Callable[[], Status[Any]]) -> Status[Any]:
    """Run the verbs in one transaction; a refusal answers 409 and leaves nothing behind."""
    try:
        with transaction.atomic():
            return action()
    except Blocked as error:
        return Status(409, refusal(error))
    except DoubleBooking:
        return Status(409, {"detail": "double booking", "findings": [], "unacknowledged": []})
    except NotAllowed as error:
        return Status(
            409, {"detail": str(error) or "not allowed", "findings": [], "unacknowledged": []}
        )
    except NoEmail:
        detail = "Takt has no e-mail address for them"
        return Status(409, {"detail": detail, "findings": [], "unacknowledged": []})


def composed_email(
    interview: Interview, change: Change, actor: Any, lang: str, action: str
) -> wording.ComposedMessage:
    """The composer's e-mail for the job seeker's change, as the web flow drafts it."""
    situation = situation_for(
        interview,
        actor,
        member_language=lang,
        change=change,
        alternatives=[(a.start, a.end) for a in change.alternatives.all()],
    )
    found = wording.compose(situation, action, Side.CANDIDATE)
    return next(m for m in found if m.kind == "email")
