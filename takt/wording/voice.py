"""Who speaks to whom: the reader's language, locale and zone, and every template variable.

A text is read by the recipient (an e-mail, the lines of a script said to them)
or by the sender (a script's directions and asides). Either way the variables
are formatted for that reader: dates in their locale, times in their zone first,
the title and the reason in their language.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from takt.etiquette.language import language_of
from takt.scheduling.dates import (
    default_locale,
    format_date,
    format_day,
    format_moment,
    format_span,
    locale_language,
)
from takt.wording.render import TEMPLATES, render_text
from takt.wording.situation import LANGUAGES, Party, Situation, other_side


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
