"""Compose the messages for a situation: scripts for the sender, e-mails for the recipient.

The sender is the side acting (the candidate, or the employer's contact); the
recipient is the other one. A script is read by its sender, so it is in the
sender's language and zone; an e-mail is read by its recipient.
"""

from dataclasses import dataclass, replace
from typing import Any

from takt.wording.dates import format_day, format_moment, format_span
from takt.wording.render import (
    TEMPLATES,
    render_html,
    render_subject,
    render_text,
    template_name,
)
from takt.wording.situation import (
    LANGUAGES,
    STAGES,
    ComposedMessage,
    Party,
    Situation,
    Slot,
    other_side,
)


def reason_sentence(text: str | None) -> str | None:
    """The person's own reason as one tidy sentence: capital first letter, full stop last."""
    words = " ".join((text or "").split())
    if not words:
        return None
    words = words[0].upper() + words[1:]
    return words if words[-1] in ".!?…" else words + "."


def first_name(name: str) -> str:
    """What goes after "Hej": the first of the names."""
    parts = name.split()
    return parts[0] if parts else name


@dataclass(frozen=True)
class Voice:
    """Who writes, and the language and zone the text is read in."""

    sender_side: str
    language: str
    reader_zone: str
    other_zone: str


def _language(party: Party) -> str:
    if party.language not in LANGUAGES:
        raise ValueError(f"unsupported language: {party.language!r}")
    return party.language


def voice(situation: Situation, sender_side: str, script: bool) -> Voice:
    """The voice of a script (read by the sender) or an e-mail (read by the recipient)."""
    sender = situation.party(sender_side)
    recipient = situation.party(other_side(sender_side))
    reader, other = (sender, recipient) if script else (recipient, sender)
    fallback = situation.interview.timezone
    return Voice(
        sender_side=sender_side,
        language=_language(reader),
        reader_zone=reader.timezone or fallback,
        other_zone=other.timezone or fallback,
    )


def _default_reason(language: str, category: str) -> str:
    # A category without words of its own still gets an honest general sentence.
    known = (TEMPLATES / language / "reasons" / f"{category}.txt").is_file()
    return render_text(f"{language}/reasons/{category if known else 'other'}.txt", {})


def role_in_text(role: str, language: str) -> str:
    """A job title inside a Swedish sentence is a common noun: "tjänsten som tjänstedesigner".

    A position's title is often written with a capital ("Tjänstedesigner"); an
    acronym or a name ("UX-designer", "VD") keeps its capitals.
    """
    if language == "sv" and len(role) > 1 and role[0].isupper() and role[1].islower():
        return role[0].lower() + role[1:]
    return role


def context(situation: Situation, speaking: Voice) -> dict[str, Any]:
    """Every variable a template may use, formatted for the reader."""
    sender = situation.party(speaking.sender_side)
    recipient = situation.party(other_side(speaking.sender_side))
    lang = speaking.language
    zones = (speaking.reader_zone, speaking.other_zone)
    interview = situation.interview
    agreed = situation.agreed
    return {
        "sender_side": speaking.sender_side,
        "sender_name": sender.name,
        "sender_phone": sender.phone or None,
        "sender_email": sender.email or None,
        "recipient_name": recipient.name,
        "recipient_first": first_name(recipient.name),
        "recipient_phone": recipient.phone or None,
        "company": situation.company,
        "role": role_in_text(situation.role, lang),
        "interview_when": format_moment(interview.start, lang, *zones),
        "interview_day": format_day(interview.start, lang, zones[0]),
        "location": interview.location or None,
        "reason": reason_sentence(situation.reason.text)
        or _default_reason(lang, situation.reason.category),
        "reason_category": situation.reason.category,
        "alternatives": [
            format_span(slot.start, slot.end, lang, *zones) for slot in situation.alternatives
        ],
        "link": situation.link or None,
        "emergency": situation.emergency,
        "already_cancelled": situation.already_cancelled,
        "stage": situation.stage,
        "agreed_when": format_span(agreed.start, agreed.end, lang, *zones) if agreed else None,
        "agreed_day": format_day((agreed or interview).start, lang, zones[0]),
        "moved_from": format_moment(interview.start, lang, *zones)
        if agreed and agreed.start != interview.start
        else None,
    }


def script(situation: Situation, sender_side: str, folder: str, kind: str) -> ComposedMessage:
    """A phone or voicemail script for the sender to read aloud."""
    speaking = voice(situation, sender_side, script=True)
    text = render_text(template_name(speaking.language, folder, kind), context(situation, speaking))
    return ComposedMessage(kind=kind, language=speaking.language, text=text)


def email(situation: Situation, sender_side: str, folder: str, kind: str) -> ComposedMessage:
    """An e-mail to the recipient: subject, plain text and the HTML made from it."""
    speaking = voice(situation, sender_side, script=False)
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
