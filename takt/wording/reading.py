"""The compose input's extra fields (people, company, role, stage, link) into a Situation.

The `check` part is already parsed by the etiquette parser; this reads the rest
with the same care: unknown fields, wrong types and unknown zones are bad input
that names the field, never a silent default.
"""

from collections.abc import Mapping
from typing import Any

from takt.etiquette import BadInput, CheckInput
from takt.etiquette.errors import show_value
from takt.scheduling.dates import LOCALES, locale_language
from takt.scheduling.zones import TimeProblem, zone
from takt.wording.situation import (
    LANGUAGES,
    STAGES,
    Interview,
    Party,
    Reason,
    Situation,
    Slot,
)

EXTRA_FIELDS = frozenset({"people", "company", "role", "stage", "link"})
_PEOPLE_FIELDS = ("candidate", "contact")
_PARTY_FIELDS = ("name", "email", "phone", "language", "timezone", "locale")


def situation_from_input(data: Mapping[str, Any], checked: CheckInput, lang: str) -> Situation:
    """The Situation to compose from; `lang` is the language of people who name none."""
    people = _object(data.get("people"), "people")
    _only(people, _PEOPLE_FIELDS, "people.")
    candidate = _party(people.get("candidate"), "people.candidate", lang)
    contact = _party(people.get("contact"), "people.contact", lang)
    stage = _choice(
        data.get("stage"), "stage", STAGES, required=checked.action == "position_filled"
    )
    return Situation(
        candidate=candidate,
        contact=contact,
        company=_text(data.get("company"), "company"),
        role=_role(data.get("role")),
        interview=_interview(checked, candidate, contact, needed=stage != "applied"),
        reason=Reason(
            category=(checked.reason.category if checked.reason else None) or "other",
            text=checked.reason.text if checked.reason else None,
        ),
        alternatives=tuple(
            Slot(alternative.interval.start, alternative.interval.end)
            for alternative in checked.alternatives
        ),
        emergency=checked.emergency,
        stage=stage or "booked",
        link=_optional_text(data.get("link"), "link"),
        now=checked.now,
        min_notice_hours=checked.policy.min_notice_hours,
    )


def _role(value: Any) -> str | dict[str, str]:
    """The title as one string, or one per language: {"sv": ..., "en": ...}."""
    if not isinstance(value, Mapping):
        return _text(value, "role")
    _only(value, LANGUAGES, "role.")
    titles = {
        language: title
        for language in LANGUAGES
        if (title := _optional_text(value.get(language), f"role.{language}")) is not None
    }
    if not titles:
        raise BadInput("role", "required")
    return titles


def _interview(checked: CheckInput, candidate: Party, contact: Party, *, needed: bool) -> Interview:
    given = checked.interview
    zone_name = (
        (given.timezone.key if given.timezone else None) or contact.timezone or candidate.timezone
    )
    if given.start is None or given.end is None:
        if needed:
            raise BadInput(
                "interview.start" if given.start is None else "interview.end", "required"
            )
        # Someone who only applied has no interview; their message names no time.
        return Interview(checked.now, checked.now, zone_name or "UTC")
    if zone_name is None:
        raise BadInput("interview.timezone", "required")
    return Interview(given.start, given.end, zone_name)


def _party(value: Any, field: str, lang: str) -> Party:
    person = _object(value, field)
    _only(person, _PARTY_FIELDS, f"{field}.")
    timezone = _optional_text(person.get("timezone"), f"{field}.timezone")
    if timezone is not None:
        try:
            zone(timezone)
        except TimeProblem as error:
            raise BadInput(f"{field}.timezone", "unknown_zone", value=timezone) from error
    language = _choice(person.get("language"), f"{field}.language", LANGUAGES)
    locale = _choice(person.get("locale"), f"{field}.locale", LOCALES)
    if locale is not None and language is not None and locale_language(locale) != language:
        raise BadInput(f"{field}.locale", "bad_choice", value=locale, choices=_locales(language))
    return Party(
        name=_text(person.get("name"), f"{field}.name"),
        email=_optional_text(person.get("email"), f"{field}.email"),
        phone=_optional_text(person.get("phone"), f"{field}.phone"),
        # A locale alone says the language too: "en-US" writes English.
        language=language or (locale_language(locale) if locale else lang),
        timezone=timezone,
        locale=locale,
    )


def _locales(language: str) -> str:
    return ", ".join(name for name in LOCALES if locale_language(name) == language)


def _object(value: Any, field: str) -> Mapping[str, Any]:
    if value is None:
        raise BadInput(field, "required")
    if not isinstance(value, Mapping):
        raise BadInput(field, "wrong_type", expected="object", value=show_value(value))
    return value


def _only(obj: Mapping[str, Any], known: tuple[str, ...], prefix: str) -> None:
    for key in obj:
        if key not in known:
            raise BadInput(f"{prefix}{key}", "unknown_field", known=", ".join(known))


def _optional_text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(field, "wrong_type", expected="string", value=show_value(value))
    return value.strip() or None


def _text(value: Any, field: str) -> str:
    text = _optional_text(value, field)
    if text is None:
        raise BadInput(field, "required")
    return text


def _choice(
    value: Any, field: str, choices: tuple[str, ...], *, required: bool = False
) -> str | None:
    text = _optional_text(value, field)
    if text is None:
        if required:
            raise BadInput(field, "required")
        return None
    if text not in choices:
        raise BadInput(field, "bad_choice", value=text, choices=", ".join(choices))
    return text
