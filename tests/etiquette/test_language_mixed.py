"""message.language_mixed: a sentence in another language than the message's is worth a warning."""

import pytest

from takt.etiquette import RULES
from takt.etiquette.language import foreign_passages, language_of, passages
from tests.etiquette.cases import calm, finding, rules

SWEDISH = "Hej Anna! Jag ber om ursäkt, men jag måste tyvärr be om en ny tid."
PASTED_EN = "My flight to Stockholm has been cancelled."
ENGLISH = "Dear Sarah, I'm sorry, but I need to ask for a new time for our interview."
PASTED_SV = "Jag har fått influensa och ligger med feber."


def message(language: str | None, text: str) -> dict[str, object]:
    return {"message": {"language": language, "text": text}}


def test_it_warns_when_a_swedish_message_holds_an_english_sentence() -> None:
    data = calm(**message("sv", f"{SWEDISH} {PASTED_EN} Vänliga hälsningar, Erik"))
    found = finding(data, "message.language_mixed")
    assert found["severity"] == "warn"
    assert found["source"] == "beyond the seed"
    assert found["message"] == (
        f'Meddelandet är på svenska men har text på engelska: "{PASTED_EN}". Skriv allt på '
        "svenska, så att mottagaren kan läsa hela meddelandet."
    )


def test_it_warns_the_other_way_round_and_speaks_the_readers_language() -> None:
    data = calm(**message("en", f"{ENGLISH}\n{PASTED_SV}\nKind regards, Emily"))
    found = finding(data, "message.language_mixed", lang="en")
    assert found["message"].startswith(
        f'The message is in English but holds text in Swedish: "{PASTED_SV}".'
    )


def test_a_long_passage_is_quoted_in_part() -> None:
    long = "Jag har fått influensa och ligger med feber och kan inte komma in till kontoret alls."
    found = finding(calm(**message("en", f"{ENGLISH} {long}")), "message.language_mixed", "en")
    assert '"Jag har fått influensa och ligger med feber och kan inte ko…"' in found["message"]


@pytest.mark.parametrize(
    "text",
    [
        SWEDISH,
        # Names, places and titles from the other language are no passage.
        "Hej Sarah! Jag ringer om tjänsten som Senior Backend Developer hos Northwind Inc.",
        # Nor is one foreign word, or a sentence too short to tell.
        "Hej Anna! Jag ber om ursäkt, men jag måste be om en ny tid. Sorry!",
    ],
)
def test_it_stays_quiet_for_a_message_in_one_language(text: str) -> None:
    assert "message.language_mixed" not in rules(calm(**message("sv", text)))


def test_it_stays_quiet_without_a_message() -> None:
    data = calm()
    del data["message"]
    assert "message.language_mixed" not in rules(data)


def test_a_message_without_a_language_is_taken_to_be_in_the_one_most_of_it_is_in() -> None:
    text = f"{SWEDISH} Jag återkommer så snart jag kan. {PASTED_EN}"
    data = calm(message={"text": text})
    assert "message.language_mixed" in rules(data)
    assert "message.language_mixed" not in rules(calm(message={"text": SWEDISH}))


def test_the_rule_is_in_the_catalogue_in_both_languages() -> None:
    (info,) = [rule for rule in RULES if rule.id == "message.language_mixed"]
    assert (info.severity, info.applies_to) == ("warn", "every message")
    assert language_of(info.why_sv) == "sv"
    assert language_of(info.why_en) == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (PASTED_EN, "en"),
        (PASTED_SV, "sv"),
        ("I have fallen ill.", "en"),
        ("Jag har blivit sjuk.", "sv"),
        ("I morgon kan jag inte.", "sv"),
        ("sjuk", None),
        ("Norrsken AB", None),
        ("", None),
    ],
)
def test_it_tells_the_language_of_a_sentence_from_its_small_words(
    text: str, language: str | None
) -> None:
    assert language_of(text) == language


def test_it_splits_a_text_into_sentences_and_lines() -> None:
    text = f"Hej Anna!\n{SWEDISH} {PASTED_EN}\n\nVänliga hälsningar"
    assert [(p.language, p.text) for p in passages(text)] == [
        ("sv", SWEDISH.removeprefix("Hej Anna! ")),
        ("en", PASTED_EN),
    ]
    assert foreign_passages(text, "sv") == [PASTED_EN]
    assert foreign_passages(text, "en") == [SWEDISH.removeprefix("Hej Anna! ")]
