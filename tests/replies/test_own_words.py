"""Only the writer's own words count: quoted history and signature are cut, per REPLIES.md."""

import pytest

from takt.replies.own_words import own_words

OWN = "Hej Anna!\n\nOnsdag kl. 13 går bra."
SIGNED = f"{OWN}\n\nMvh Erik"


@pytest.mark.parametrize(
    "history",
    [
        "Den mån 4 maj 2026 kl 08:40 skrev Anna Berg <anna@x.example>:\n> Tisdag?",
        "Den 4 maj 2026 kl. 08:40 skrev Anna Berg\n<anna@x.example>:\n\n> Tisdag?",
        "On Mon, 4 May 2026 at 08:40, Anna Berg <anna@x.example> wrote:\n> Tuesday?",
        "On Mon, May 4, 2026 at 8:40 AM Anna Berg <\nanna@x.example> wrote:\n> Tuesday?",
        "Från: Anna Berg <anna@x.example>\nSkickat: den 4 maj 2026 08:40\nTill: Erik\n"
        "Ämne: Intervju\n\nTisdag?",
        "From: Anna Berg <anna@x.example>\nSent: Monday, May 4, 2026 8:40 AM\nTo: Erik\n"
        "Subject: Interview\n\nTuesday?",
        "________________________________\nFrån: Anna Berg\nSkickat: måndag 4 maj 2026 08:40\n\n"
        "Tisdag?",
        "-----Ursprungligt meddelande-----\nFrån: Anna Berg\nSkickat: den 4 maj 2026 08:40\n\n"
        "Tisdag?",
        "-----Original Message-----\nFrom: Anna Berg\nSent: Monday, May 4, 2026 8:40 AM\n\n"
        "Tuesday?",
        "-- \nErik Lind\nLedig på fredagar",
        "--\nErik Lind",
        "> Tisdag kl. 10?\n> Mvh Anna",
    ],
)  # fmt: skip
def test_history_and_signature_are_left_out(history: str) -> None:
    assert own_words(f"{SIGNED}\n\n{history}") == OWN


def test_quoted_lines_between_own_lines_are_left_out() -> None:
    text = "> Kan du på tisdag?\nNej.\n> Onsdag då?\nOnsdag kl. 13 går bra."
    assert own_words(text) == "Nej.\nOnsdag kl. 13 går bra."


def test_own_words_that_mention_from_or_on_are_kept() -> None:
    text = "On Tuesday I can do 10.\nFrom 2pm on Friday is fine too."
    assert own_words(text) == text


def test_windows_line_ends_are_read_like_any_other() -> None:
    assert own_words("Torsdag passar.\r\n-- \r\nErik") == "Torsdag passar."


@pytest.mark.parametrize(
    "sign_off", ["Mvh Erik", "Med vänliga hälsningar\nErik Lind", "Best regards,\nErik", "/Erik"]
)
def test_what_follows_a_sign_off_is_no_answer(sign_off: str) -> None:
    text = f"Torsdag passar.\n\n{sign_off}\nTelefontid måndag–fredag kl. 8–10"
    assert own_words(text) == "Torsdag passar."


def test_thanks_on_a_line_of_its_own_does_not_end_the_answer() -> None:
    text = "Hej Anna,\nTack!\nOnsdag kl. 13 går bra."
    assert own_words(text) == text
