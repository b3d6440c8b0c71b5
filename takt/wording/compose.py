"""Compose the messages for a situation: e-mails and scripts in the recipient's language.

The sender is the side acting (the candidate, or the employer's contact); the
recipient is the other one. An e-mail is read by its recipient. A script is read
aloud by its sender to the recipient, so it is in the recipient's language too;
when the sender speaks another, each line said carries the sender's language
beside it, and the directions for the caller are in the sender's language alone.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from takt.etiquette.language import language_of
from takt.wording.dates import (
    default_locale,
    format_date,
    format_day,
    format_moment,
    format_span,
    locale_language,
)
from takt.wording.render import (
    TEMPLATES,
    render_html,
    render_subject,
    render_text,
    template_name,
)
from takt.wording.situation import (
    ASIDE,
    LANGUAGES,
    STAGES,
    ComposedMessage,
    Party,
    Situation,
    Slot,
    other_side,
)

# A line of a script template starting with this is a direction for the caller, not said.
DIRECTION = "> "


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
    """Who writes, and the language, locale and zone the text is read in."""

    sender_side: str
    language: str
    locale: str
    reader_zone: str
    other_zone: str


def _language(party: Party) -> str:
    if party.language not in LANGUAGES:
        raise ValueError(f"unsupported language: {party.language!r}")
    return party.language


def party_locale(party: Party, zone_name: str) -> str:
    """The party's own locale, or the usual one for its language and zone."""
    language = _language(party)
    if party.locale is None:
        return default_locale(language, zone_name)
    if locale_language(party.locale) != language:
        raise ValueError(f"locale {party.locale!r} does not write {language!r}")
    return party.locale


def voice(situation: Situation, sender_side: str, reader: str = "recipient") -> Voice:
    """The voice of a text read by the recipient (e-mails, what is said) or by the sender."""
    sender = situation.party(sender_side)
    recipient = situation.party(other_side(sender_side))
    if reader not in ("recipient", "sender"):
        raise ValueError(f"unknown reader: {reader!r}")
    first, other = (recipient, sender) if reader == "recipient" else (sender, recipient)
    fallback = situation.interview.timezone
    reader_zone = first.timezone or fallback
    return Voice(
        sender_side=sender_side,
        language=_language(first),
        locale=party_locale(first, reader_zone),
        reader_zone=reader_zone,
        other_zone=other.timezone or fallback,
    )


def category_sentence(language: str, category: str) -> str:
    """The category's own sentence in `language`, or the general one for a category without."""
    # A form that asks for the reason in the recipient's language starts from this.
    known = (TEMPLATES / language / "reasons" / f"{category}.txt").is_file()
    return render_text(f"{language}/reasons/{category if known else 'other'}.txt", {})


def reason_in(situation: Situation, language: str) -> str:
    """The reason as the person wrote it, unless written in another language than the text's.

    A reason pasted in the sender's language would leave a sentence the reader may not
    understand; the category's own sentence in the reader's language stands in for it.
    """
    sentence = reason_sentence(situation.reason.text)
    if sentence is not None and language_of(sentence) in (None, language):
        return sentence
    return category_sentence(language, situation.reason.category)


def title_in(role: str | Mapping[str, str], language: str) -> str:
    """The position's title in `language`, or in the other one when it has none in this."""
    if isinstance(role, str):
        return role
    title = role.get(language) or next((text for text in role.values() if text), "")
    if not title:
        raise ValueError("a role needs a title in at least one language")
    return title


def role_in_text(role: str, language: str) -> str:
    """A job title inside a Swedish sentence is a common noun: "tjänsten som tjänstedesigner".

    A position's title is often written with a capital ("Tjänstedesigner"); an
    acronym or a name ("UX-designer", "VD") keeps its capitals.
    """
    if language == "sv" and len(role) > 1 and role[0].isupper() and role[1].islower():
        return role[0].lower() + role[1:]
    return role


def short_notice(situation: Situation) -> bool:
    """True when the interview starts under `min_notice_hours` after `now` (elapsed time)."""
    if situation.now is None:
        return False
    left = situation.interview.start - situation.now
    return left < timedelta(hours=situation.min_notice_hours)


def context(situation: Situation, speaking: Voice) -> dict[str, Any]:
    """Every variable a template may use, formatted for the reader."""
    sender = situation.party(speaking.sender_side)
    recipient = situation.party(other_side(speaking.sender_side))
    lang, locale = speaking.language, speaking.locale
    zones = (speaking.reader_zone, speaking.other_zone)
    interview = situation.interview
    agreed = situation.agreed
    now = situation.now
    return {
        "sender_side": speaking.sender_side,
        "sender_name": sender.name,
        "sender_phone": sender.phone or None,
        "sender_email": sender.email or None,
        "recipient_name": recipient.name,
        "recipient_first": first_name(recipient.name),
        "recipient_phone": recipient.phone or None,
        "company": situation.company,
        "role": role_in_text(title_in(situation.role, lang), lang),
        "interview_when": format_moment(interview.start, locale, *zones, now=now),
        "interview_day": format_day(interview.start, locale, zones[0]),
        "interview_date": format_date(interview.start, locale, zones[0]),
        "location": interview.location or None,
        "reason": reason_in(situation, lang),
        "reason_category": situation.reason.category,
        "short_notice": short_notice(situation),
        "alternatives": [
            format_span(slot.start, slot.end, locale, *zones) for slot in situation.alternatives
        ],
        "link": situation.link or None,
        "emergency": situation.emergency,
        "already_cancelled": situation.already_cancelled,
        "stage": situation.stage,
        "agreed_when": format_span(agreed.start, agreed.end, locale, *zones) if agreed else None,
        "agreed_at": format_moment(agreed.start, locale, *zones, now=now) if agreed else None,
        "agreed_day": format_day((agreed or interview).start, locale, zones[0]),
        "moved_from": format_moment(interview.start, locale, *zones, now=now)
        if agreed and agreed.start != interview.start
        else None,
    }


def script(situation: Situation, sender_side: str, folder: str, kind: str) -> ComposedMessage:
    """A phone or voicemail script: said in the recipient's language, read by the sender."""
    said_voice = voice(situation, sender_side, "recipient")
    own_voice = voice(situation, sender_side, "sender")
    said = render_text(
        template_name(said_voice.language, folder, kind), context(situation, said_voice)
    )
    spoken = "\n".join(line for line in said.split("\n") if not line.startswith(DIRECTION))
    if own_voice.language == said_voice.language:
        return ComposedMessage(
            kind=kind, language=said_voice.language, text=with_asides(said), spoken=spoken.strip()
        )
    own = render_text(
        template_name(own_voice.language, folder, kind), context(situation, own_voice)
    )
    return ComposedMessage(
        kind=kind,
        language=said_voice.language,
        text=with_asides(said, own),
        aside_language=own_voice.language,
        spoken=spoken.strip(),
    )


def with_asides(said: str, own: str | None = None) -> str:
    """The script's lines: directions in the caller's language, each line said with its aside.

    The Swedish and English script templates have the same lines in the same order,
    so line n of one is line n of the other.
    """
    said_lines = said.split("\n")
    own_lines = own.split("\n") if own is not None else said_lines
    if len(own_lines) != len(said_lines):
        raise ValueError("the script's templates in the two languages differ in their lines")
    lines: list[str] = []
    for line, own_line in zip(said_lines, own_lines, strict=True):
        if line.startswith(DIRECTION):
            lines.append(own_line.removeprefix(DIRECTION))
            continue
        lines.append(line)
        if own is not None and line:
            lines.append(ASIDE + own_line.removeprefix("- "))
    return "\n".join(lines)


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
