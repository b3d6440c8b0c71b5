"""The compose table, and the choices the composer makes for each situation."""

from dataclasses import replace

import pytest

from takt.wording import Reason, compose, confirm_cancellation, confirm_time, reason_sentence
from tests.wording.samples import situation, slot

KINDS = {
    ("reschedule", "candidate"): ["phone_script", "voicemail_script", "email", "followup_email"],
    ("cancel", "candidate"): ["phone_script", "email"],
    ("cancel", "employer"): ["phone_script", "email"],
    ("reschedule", "employer"): ["email"],
    ("position_filled", "employer"): ["phone_script", "email"],
    ("followup", "candidate"): ["followup_email"],
    ("schedule", "candidate"): ["email"],
    ("schedule", "employer"): ["email"],
}


@pytest.mark.parametrize(("action", "side"), sorted(KINDS))
def test_it_returns_the_kinds_the_contract_lists(action: str, side: str) -> None:
    messages = compose(situation(), action, side)
    assert [message.kind for message in messages] == KINDS[(action, side)]
    for message in messages:
        is_email = message.kind.endswith("email")
        assert (message.subject is not None) == is_email
        assert (message.html is not None) == is_email


@pytest.mark.parametrize(
    ("action", "side"),
    [("followup", "employer"), ("position_filled", "candidate"), ("shrug", "candidate")],
)
def test_it_refuses_a_situation_outside_the_table(action: str, side: str) -> None:
    with pytest.raises(ValueError, match="nothing to compose"):
        compose(situation(), action, side)


def test_it_refuses_an_unknown_side_or_stage() -> None:
    with pytest.raises(ValueError, match="unknown side"):
        compose(situation(), "schedule", "recruiter")
    with pytest.raises(ValueError, match="unknown stage"):
        compose(situation(stage="hired"), "position_filled", "employer")


def test_it_refuses_a_language_it_has_no_templates_for() -> None:
    german = replace(situation(), contact=replace(situation().contact, language="de"))
    with pytest.raises(ValueError, match="unsupported language"):
        compose(german, "reschedule", "candidate")


def test_the_email_goes_to_the_other_side() -> None:
    (to_candidate,) = compose(situation(), "reschedule", "employer")
    assert to_candidate.to == "erik@example.se"
    assert compose(situation(), "cancel", "candidate")[1].to == "anna@norrsken.example"


def test_an_emergency_says_sorry_for_the_short_notice() -> None:
    ordinary = compose(situation(alternatives=()), "cancel", "employer")[1].text
    emergency = compose(situation(alternatives=(), emergency=True), "cancel", "employer")[1].text
    assert "korta varslet" in emergency
    assert "korta varslet" not in ordinary


def test_an_employer_cancellation_with_times_lists_them_and_the_link() -> None:
    with_times = compose(situation(), "cancel", "employer")[1]
    assert "- onsdag 1 april kl. 10.00\N{EN DASH}11.00" in with_times.text
    assert "https://takt.example/c/8f3k2" in with_times.text
    assert "återkommer med förslag" not in with_times.text
    assert with_times.subject == "Vi behöver flytta din intervju tisdag 31 mars"


def test_the_offer_without_a_link_asks_for_a_reply() -> None:
    (offer,) = compose(situation("en", link=None), "reschedule", "employer")
    assert "Just reply with the time that suits you best." in offer.text
    assert "http" not in offer.text


def test_six_alternatives_are_all_listed() -> None:
    six = tuple(slot(day, 10) for day in range(6, 12))
    (offer,) = compose(situation(alternatives=six), "reschedule", "employer")
    assert offer.text.count("\n- ") == 6


def test_position_filled_words_depend_on_how_far_the_candidate_came() -> None:
    texts = {
        stage: compose(situation(stage=stage), "position_filled", "employer")[1].text
        for stage in ("applied", "booked", "interviewed")
    }
    assert "Tack för din ansökan" in texts["applied"]
    assert "tisdag 31 mars" not in texts["applied"]
    assert "ställa in din intervju" in texts["booked"]
    assert "tisdag 31 mars kl. 10.00" in texts["booked"]
    assert "träffa oss" in texts["interviewed"]


def test_a_cancellation_for_another_offer_says_so_honestly() -> None:
    email = compose(situation(reason=Reason("other_offer")), "cancel", "candidate")[1]
    assert "Jag har tackat ja till ett annat erbjudande." in email.text
    assert "gå vidare med andra kandidater" in email.text
    assert "lycka till med rekryteringen" in email.text


def test_an_unknown_category_without_text_gets_a_general_reason() -> None:
    email = compose(situation(reason=Reason("mystery")), "reschedule", "candidate")[2]
    assert "Det har uppstått ett förhinder." in email.text


def test_a_missing_phone_number_leaves_no_gap() -> None:
    no_phone = situation(
        candidate=replace(situation().candidate, phone=None),
        contact=replace(situation().contact, phone=""),
    )
    phone, voicemail, email, _ = compose(no_phone, "reschedule", "candidate")
    assert phone.text.startswith("Ring Anna Berg.\n")
    assert "Ring mig" not in voicemail.text
    assert email.text.endswith("Vänliga hälsningar\nErik Lind")


def test_confirmations_go_to_the_named_side_signed_by_the_other() -> None:
    moved = situation(agreed=slot(2, 14))
    to_candidate = confirm_time(moved, "candidate")
    to_contact = confirm_time(moved, "employer")
    assert to_candidate.to == "erik@example.se"
    assert to_candidate.text.endswith("Anna Berg\nNorrsken AB\n08-555 010 00")
    assert to_contact.to == "anna@norrsken.example"
    assert to_contact.text.endswith("Erik Lind\n070-123 45 67")
    assert "flyttad till torsdag 2 april kl. 14.00\N{EN DASH}15.00" in to_contact.text
    assert "tisdag 31 mars kl. 10.00, gäller inte längre" in to_contact.text


def test_a_first_booking_confirms_without_speaking_of_a_move() -> None:
    (booked,) = compose(situation(), "schedule", "employer")
    assert "bokad till tisdag 31 mars kl. 10.00\N{EN DASH}11.00" in booked.text
    assert "gäller inte längre" not in booked.text
    assert "Plats: Sveavägen 12, Stockholm" in booked.text


def test_a_received_cancellation_is_confirmed_to_the_side_that_asked() -> None:
    to_candidate = confirm_cancellation(situation("en"), "candidate")
    assert to_candidate.to == "erik@example.se"
    assert "Good luck for the future." in to_candidate.text
    to_contact = confirm_cancellation(situation("en"), "employer")
    assert "hearing from you about a new time" in to_contact.text


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("sjuk", "Sjuk."),
        ("  jag är   sjuk ", "Jag är sjuk."),
        ("Kan du flytta?", "Kan du flytta?"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_a_reason_becomes_one_tidy_sentence(typed: str | None, sentence: str | None) -> None:
    assert reason_sentence(typed) == sentence


def test_a_capitalised_title_reads_as_a_common_noun_in_a_swedish_sentence():
    from takt.wording.voice import role_in_text

    assert role_in_text("Tjänstedesigner", "sv") == "tjänstedesigner"
    assert role_in_text("UX-designer", "sv") == "UX-designer"
    assert role_in_text("VD", "sv") == "VD"
    assert role_in_text("Product Designer", "en") == "Product Designer"


def test_the_swedish_email_names_the_role_in_small_letters():
    from takt.wording import compose
    from tests.wording.samples import situation

    messages = compose(situation("sv", role="Tjänstedesigner"), "reschedule", "candidate")
    email = next(message for message in messages if message.kind == "email")
    assert "tjänsten som tjänstedesigner" in email.text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", "efter att vi fick ställa in intervjun den 31 mars"),
        ("en", "after we had to cancel your interview for the backend developer role on 31 March"),
    ],
)
def test_an_offer_after_a_cancellation_does_not_speak_of_moving_it(language, words):
    from dataclasses import replace

    from takt.etiquette import has_apology
    from takt.wording import compose
    from tests.wording.samples import situation

    offer = replace(situation(language), already_cancelled=True)
    email = compose(offer, "reschedule", "employer")[0]
    assert words in email.text
    assert "flytta" not in email.text and "move your interview" not in email.text
    assert has_apology(email.text, language)
