"""Issue 13: one language per message, the reader's locale, titles per language, notice."""

from dataclasses import replace
from datetime import timedelta

import pytest

from takt.etiquette.language import foreign_passages
from takt.wording import Party, Reason, category_sentence, compose
from takt.wording.scripts import with_asides
from takt.wording.situation import ASIDE, Situation
from takt.wording.voice import title_in
from tests.wording.samples import INTERVIEW, situation

EMILY = Party(
    name="Emily Clarke",
    email="emily@example.com",
    language="en",
    timezone="America/New_York",
)
TITLES = {"sv": "Senior backend-utvecklare", "en": "Senior Backend Developer"}


def to_emily(**changes: object) -> Situation:
    """Anna (Swedish, Stockholm) writes to Emily (English, New York)."""
    return situation("sv", **{"candidate": EMILY, **changes})


def kind(messages: list, name: str):  # type: ignore[no-untyped-def]
    return next(message for message in messages if message.kind == name)


def test_a_reason_pasted_in_the_senders_language_gives_way_to_the_category_sentence() -> None:
    pasted = to_emily(reason=Reason("illness", "Jag har fått influensa och ligger med feber."))
    email = kind(compose(pasted, "cancel", "employer"), "email")
    assert "influensa" not in email.text
    assert "I have fallen ill." in email.text
    assert foreign_passages(email.text, "en") == []


def test_each_category_has_a_sentence_in_each_language_to_start_a_reason_from() -> None:
    assert category_sentence("en", "illness") == "I have fallen ill."
    assert category_sentence("sv", "conflict") == (
        "Jag har fått ett annat åtagande som inte går att flytta."
    )
    assert category_sentence("sv", "no_such_category") == "Det har uppstått ett förhinder."


def test_a_reason_in_the_readers_language_is_kept_as_written() -> None:
    written = to_emily(reason=Reason("illness", "I have come down with the flu."))
    email = kind(compose(written, "cancel", "employer"), "email")
    assert "I have come down with the flu." in email.text


def test_a_reason_whose_language_cannot_be_told_is_kept() -> None:
    email = kind(
        compose(to_emily(reason=Reason("illness", "Covid")), "cancel", "employer"), "email"
    )
    assert "Covid." in email.text


def test_an_english_reader_in_new_york_reads_american_dates() -> None:
    email = kind(compose(to_emily(), "cancel", "employer"), "email")
    assert "booked for Tuesday, March 31 at 4:00 AM (New York, EDT) / 10:00 AM (Stockholm" in (
        email.text
    )
    assert email.subject == "We need to move your interview on Tuesday, March 31"


def test_a_locale_of_ones_own_wins_over_the_zones() -> None:
    british = to_emily(candidate=replace(EMILY, locale="en-GB"))
    email = kind(compose(british, "cancel", "employer"), "email")
    assert "Tuesday 31 March at 04:00 (New York, EDT)" in email.text


def test_a_locale_that_does_not_write_the_persons_language_is_refused() -> None:
    with pytest.raises(ValueError, match="does not write"):
        compose(to_emily(candidate=replace(EMILY, locale="sv-SE")), "cancel", "employer")


def test_english_text_never_carries_the_swedish_title_when_there_is_an_english_one() -> None:
    titled = to_emily(role=TITLES)
    for message in compose(titled, "cancel", "employer"):
        assert "Senior Backend Developer role" in message.said
        assert "backend-utvecklare" not in message.said
    script = kind(compose(titled, "cancel", "employer"), "phone_script")
    assert "tjänsten som senior backend-utvecklare" in script.text  # the caller's own aside


def test_a_title_in_one_language_only_is_used_in_both() -> None:
    assert title_in({"sv": "Tjänstedesigner"}, "en") == "Tjänstedesigner"
    assert title_in({"en": "Service designer"}, "sv") == "Service designer"
    assert title_in("UX-designer", "en") == "UX-designer"
    with pytest.raises(ValueError, match="at least one language"):
        title_in({}, "sv")


def test_a_script_is_said_in_the_recipients_language_with_the_callers_beside() -> None:
    script = kind(compose(to_emily(), "cancel", "employer"), "phone_script")
    assert (script.language, script.aside_language) == ("en", "sv")
    lines = script.text.splitlines()
    hello = lines.index(next(line for line in lines if line.startswith("Hello Emily")))
    assert lines[hello + 1].startswith(ASIDE + "Hej Emily, det är Anna Berg på Norrsken AB.")
    # Directions are for the caller alone, in the caller's language.
    assert lines[0] == "Ring Emily Clarke."
    assert "1. Säg vem du är:" in lines
    assert "Say who you are" not in script.text
    assert ASIDE not in script.said and "Ring Emily" not in script.said


def test_a_script_between_two_speakers_of_one_language_has_no_asides() -> None:
    script = kind(compose(situation("sv"), "cancel", "employer"), "phone_script")
    assert script.aside_language is None
    assert ASIDE not in script.text
    assert not any(line.startswith("> ") for line in script.text.splitlines())


def test_templates_whose_lines_differ_are_refused_rather_than_misaligned() -> None:
    with pytest.raises(ValueError, match="differ in their lines"):
        with_asides("Hello\nAgain", "Hej")
    with pytest.raises(ValueError, match="direction in one language"):
        with_asides("> Call Anna.\nHello", "Hej\nHej")


@pytest.mark.parametrize(
    ("hours", "language", "apology", "day"),
    [
        (2.5, "sv", "Jag ber om ursäkt för det korta varslet", "i dag kl. 10.00"),
        (20, "sv", "Jag ber om ursäkt för det korta varslet", "i morgon kl. 10.00"),
        (2.5, "en", "I'm sorry for the short notice", "today at 10:00"),
        (20, "en", "I'm sorry for the short notice", "tomorrow at 10:00"),
    ],
)
def test_a_change_at_short_notice_apologises_for_it(
    hours: float, language: str, apology: str, day: str
) -> None:
    soon = situation(language, now=INTERVIEW.start - timedelta(hours=hours))
    for action, side in [
        ("reschedule", "candidate"),
        ("cancel", "candidate"),
        ("cancel", "employer"),
    ]:
        email = kind(compose(soon, action, side), "email")
        assert apology in email.text, email.text
        assert day in email.text


def test_the_notice_limit_is_the_policys() -> None:
    three_days = situation("sv", now=INTERVIEW.start - timedelta(hours=72))
    email = kind(compose(three_days, "reschedule", "candidate"), "email")
    assert "korta varslet" not in email.text
    strict = replace(three_days, min_notice_hours=96)
    assert "korta varslet" in kind(compose(strict, "reschedule", "candidate"), "email").text


def test_a_voicemail_without_times_promises_no_e_mail_full_of_them() -> None:
    voicemail = kind(
        compose(situation("sv", alternatives=()), "reschedule", "candidate"), "voicemail_script"
    )
    assert "förslag på nya tider" not in voicemail.text
    assert "du får gärna föreslå tider som passar dig" in voicemail.text
