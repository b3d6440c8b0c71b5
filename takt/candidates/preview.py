"""The e-mail the recruiter will get, shown to the candidate before it goes.

Shown when the candidate writes in another language than the recruiter reads,
so the candidate sees the whole message in the recruiter's language first.
Nothing is saved: the change is a draft that only the composer reads.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings

from takt import wording
from takt.core.composing import situation_for
from takt.core.models import Change, Side
from takt.hiring.links import Opened
from takt.hiring.mail import recruiter_of


def recruiter_language() -> str:
    """The language the candidates' verbs write to the recruiter in: the installation's."""
    return settings.LANGUAGE_CODE[:2]


def email_preview(
    opened: Opened,
    *,
    kind: str,
    reason_category: str,
    reason_text: str,
    times: Iterable[tuple[datetime, datetime]] = (),
) -> wording.ComposedMessage | None:
    """The e-mail as the verb would compose it now, or None when no recruiter would get one."""
    interview = opened.link.interview
    recruiter = recruiter_of(interview, opened.link.change)
    if recruiter is None or not recruiter.email:
        return None
    draft = Change(
        interview=interview,
        kind=kind,
        side=Side.CANDIDATE,
        reason_category=reason_category,
        reason_text=reason_text,
    )
    situation = situation_for(
        interview,
        recruiter,
        member_language=recruiter_language(),
        change=draft,
        alternatives=times,
    )
    action = "cancel" if kind == Change.Kind.CANCEL else "reschedule"
    messages = wording.compose(situation, action, Side.CANDIDATE)
    return next((m for m in messages if m.kind == "email"), None)
