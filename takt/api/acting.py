"""What every action endpoint shares: ids, the verb in one transaction, refusals as 409."""

from collections.abc import Callable
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from ninja import Path, Status
from pydantic import AfterValidator, AwareDatetime, Field

from takt import wording
from takt.api.schemas import Invalid, Problem, Refusal, refusal
from takt.core.booking import DoubleBooking
from takt.core.changes import NotAllowed
from takt.core.composing import situation_for
from takt.core.models import Change, Interview, Side
from takt.core.rules import Blocked

# Ids beyond a 64-bit integer cannot exist; refusing them in the schema keeps them a 422.
MAX_ID = 2**63 - 1
WorkspaceId = Annotated[int, Path(ge=1, le=MAX_ID)]
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _plausible(moment: Any) -> Any:
    # Years the database and the time-zone arithmetic can hold, with room to spare.
    if not 1900 <= moment.year <= 2200:
        raise ValueError("a time between the years 1900 and 2200")
    return moment


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError("an IANA time zone such as Europe/Stockholm") from error
    return name


def _email(address: str) -> str:
    try:
        validate_email(address)
    except ValidationError as error:
        raise ValueError("an e-mail address") from error
    return address


Email = Annotated[str, Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+$"), AfterValidator(_email)]
Moment = Annotated[AwareDatetime, AfterValidator(_plausible)]
Zone = Annotated[str, AfterValidator(_zone)]

READ = {401: Problem, 404: Problem, 422: Invalid}
ACT = {401: Problem, 404: Problem, 409: Refusal, 422: Invalid}


def caller(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def act(action: Callable[[], Status[Any]]) -> Status[Any]:
    """Run the verbs in one transaction; the rules' refusal answers 409 and leaves nothing."""
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
