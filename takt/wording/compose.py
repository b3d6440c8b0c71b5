"""Compose the messages for a situation, as the compose contract's table lists them.

The sender is the side acting (the candidate, or the employer's contact); the
recipient is the other one. Everything is in the recipient's language: an
e-mail is read by them, and a script is said to them (see scripts.py).
"""

from dataclasses import replace

from takt.wording.render import render_html, render_subject, render_text, template_name
from takt.wording.scripts import script
from takt.wording.situation import STAGES, ComposedMessage, Situation, Slot, other_side
from takt.wording.voice import (
    category_sentence,
    context,
    reason_in,
    reason_sentence,
    voice,
)

__all__ = [
    "candidate_cancel",
    "candidate_followup",
    "candidate_reschedule",
    "category_sentence",
    "compose",
    "confirm_cancellation",
    "confirm_time",
    "email",
    "employer_cancel",
    "employer_reschedule",
    "position_filled",
    "reason_in",
    "reason_sentence",
]


def email(situation: Situation, sender_side: str, folder: str, kind: str) -> ComposedMessage:
    """An e-mail to the recipient: subject, plain text and the HTML made from it."""
    speaking = voice(situation, sender_side, "recipient")
    variables = context(situation, speaking)
    lang = speaking.language
    text = render_text(template_name(lang, folder, kind), variables)
    subject = render_subject(template_name(lang, folder, kind, "subject.txt"), variables)
    recipient = situation.party(other_side(sender_side))
    return ComposedMessage(
        kind=kind,
        language=lang,
        text=text,
        to=recipient.email or None,
        subject=subject,
        html=render_html(text, lang, subject),
    )


def candidate_reschedule(situation: Situation) -> list[ComposedMessage]:
    """The call, the voicemail, the e-mail and the follow-up for a candidate asking to move."""
    folder = "candidate_reschedule"
    return [
        script(situation, "candidate", folder, "phone_script"),
        script(situation, "candidate", folder, "voicemail_script"),
        email(situation, "candidate", folder, "email"),
        email(situation, "candidate", folder, "followup_email"),
    ]


def candidate_followup(situation: Situation) -> list[ComposedMessage]:
    """The note after the reschedule: the apology again and the interest in the role."""
    return [email(situation, "candidate", "candidate_reschedule", "followup_email")]


def candidate_cancel(situation: Situation) -> list[ComposedMessage]:
    """A candidate cancelling for good: the call and the e-mail."""
    return [
        script(situation, "candidate", "candidate_cancel", "phone_script"),
        email(situation, "candidate", "candidate_cancel", "email"),
    ]


def employer_cancel(situation: Situation) -> list[ComposedMessage]:
    """The employer cancelling: new times if given, otherwise the promise of them."""
    return [
        script(situation, "employer", "employer_cancel", "phone_script"),
        email(situation, "employer", "employer_cancel", "email"),
    ]


def employer_reschedule(situation: Situation) -> list[ComposedMessage]:
    """The employer's offer of several new times and the link to pick one."""
    return [email(situation, "employer", "employer_reschedule", "email")]


def position_filled(situation: Situation) -> list[ComposedMessage]:
    """Telling one candidate the position is filled, in words for how far they came."""
    if situation.stage not in STAGES:
        raise ValueError(f"unknown stage: {situation.stage!r}")
    folder = f"position_filled_{situation.stage}"
    return [
        script(situation, "employer", folder, "phone_script"),
        email(situation, "employer", folder, "email"),
    ]


def confirm_time(situation: Situation, to_side: str) -> ComposedMessage:
    """Confirm the agreed time (`agreed`, or the interview itself) to one side."""
    agreed = situation.agreed or Slot(situation.interview.start, situation.interview.end)
    return email(replace(situation, agreed=agreed), other_side(to_side), "confirm_time", "email")


def confirm_cancellation(situation: Situation, to_side: str) -> ComposedMessage:
    """Confirm to the side that cancelled that the cancellation was received."""
    return email(situation, other_side(to_side), "cancellation_received", "email")


def compose(situation: Situation, action: str, side: str) -> list[ComposedMessage]:
    """The messages for (action, side), as in the table of the compose contract."""
    other_side(side)  # refuses an unknown side
    if action == "schedule":
        return [confirm_time(situation, other_side(side))]
    composers = {
        ("reschedule", "candidate"): candidate_reschedule,
        ("cancel", "candidate"): candidate_cancel,
        ("cancel", "employer"): employer_cancel,
        ("reschedule", "employer"): employer_reschedule,
        ("position_filled", "employer"): position_filled,
        ("followup", "candidate"): candidate_followup,
    }
    try:
        composer = composers[(action, side)]
    except KeyError:
        raise ValueError(f"nothing to compose for {action} by {side}") from None
    return composer(situation)
