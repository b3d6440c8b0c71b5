"""Properties every composed message holds, whoever writes to whom, wherever they are."""

import re
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from takt.etiquette.language import foreign_passages, language_of
from takt.scheduling.dates import format_span
from takt.wording import ComposedMessage, Interview, Party, Reason, Situation, Slot, compose
from takt.wording.situation import ASIDE
from takt.wording.voice import party_locale, reason_sentence
from tests.wording.samples import SITUATIONS

ZONES = ["Europe/Stockholm", "Europe/London", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"]
APOLOGY = re.compile(r"ber (än en gång )?om ursäkt|beklagar|sorry|apologise", re.IGNORECASE)
# A sentence may not end on a word that promised something to follow.
DANGLING = re.compile(r"\b(på|on|nummer|number|ring mig|call me)[ .:]*$", re.IGNORECASE | re.M)

names = st.sampled_from(["Anna Berg", "Erik Lind", "Sarah Miller", "Åsa Öberg", "Li", "Jo Ng"])
phones = st.one_of(st.none(), st.just(""), st.sampled_from(["070-123 45 67", "+1 212 555 0142"]))
# "none" is left out: a reason of that one word rightly reads "None.", which the
# check below (for Python's None leaking into a text) could not tell apart.
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=12).filter(
    lambda word: word != "none"
)
reasons = st.lists(words, min_size=1, max_size=12).map(" ".join)


@st.composite
def parties(draw: st.DrawFn) -> Party:
    return Party(
        name=draw(names),
        email=draw(st.one_of(st.none(), st.just("someone@example.se"))),
        phone=draw(phones),
        language=draw(st.sampled_from(["sv", "en"])),
        timezone=draw(st.sampled_from(ZONES)),
    )


@st.composite
def slots(draw: st.DrawFn) -> Slot:
    start = datetime(2026, 1, 5, 8, tzinfo=ZoneInfo("UTC")) + timedelta(
        minutes=15 * draw(st.integers(0, 4 * 24 * 300))
    )
    return Slot(start, start + timedelta(minutes=draw(st.sampled_from([30, 45, 60, 90]))))


@st.composite
def situations(draw: st.DrawFn) -> Situation:
    when = draw(slots())
    return Situation(
        candidate=draw(parties()),
        contact=draw(parties()),
        company="Norrsken AB",
        role="backendutvecklare",
        interview=Interview(when.start, when.end, draw(st.sampled_from(ZONES))),
        reason=Reason("conflict", draw(reasons)),
        alternatives=tuple(draw(st.lists(slots(), min_size=0, max_size=6))),
        emergency=draw(st.booleans()),
        stage=draw(st.sampled_from(["applied", "booked", "interviewed"])),
        link=draw(st.one_of(st.none(), st.just("https://takt.example/c/8f3k2"))),
    )


def _sender(situation: Situation, side: str) -> Party:
    return situation.party(side)


def _recipient(situation: Situation, side: str) -> Party:
    return situation.contact if side == "candidate" else situation.candidate


def _all(situation: Situation) -> list[tuple[str, str, ComposedMessage]]:
    return [
        (action, side, message)
        for action, side in SITUATIONS
        for message in compose(situation, action, side)
    ]


@settings(max_examples=150, deadline=None)
@given(situations())
def test_no_message_ever_says_none_or_leaves_a_sentence_hanging(situation: Situation) -> None:
    for _action, _side, message in _all(situation):
        assert "None" not in message.text
        assert "{" not in message.text
        assert not DANGLING.search(message.text), message.text
        assert "  " not in message.text
        if message.subject is not None:
            assert "None" not in message.subject


@settings(max_examples=150, deadline=None)
@given(situations())
def test_every_message_is_signed_or_spoken_by_its_sender(situation: Situation) -> None:
    for _action, side, message in _all(situation):
        assert _sender(situation, side).name in message.text


@settings(max_examples=150, deadline=None)
@given(situations())
def test_every_message_is_in_the_recipients_language_with_the_callers_beside_a_script(
    situation: Situation,
) -> None:
    for _action, side, message in _all(situation):
        sender, recipient = _sender(situation, side), _recipient(situation, side)
        assert message.language == recipient.language
        if message.subject is not None:
            assert message.to == (recipient.email or None)
            assert message.aside_language is None
        elif sender.language != recipient.language:
            assert message.aside_language == sender.language
            asides = [line for line in message.text.splitlines() if line.startswith(ASIDE)]
            assert asides, message.text
        else:
            assert message.aside_language is None
            assert ASIDE not in message.text


@settings(max_examples=150, deadline=None)
@given(situations())
def test_no_message_says_a_sentence_in_another_language(situation: Situation) -> None:
    for _action, _side, message in _all(situation):
        assert foreign_passages(message.said, message.language) == [], message.text


@settings(max_examples=150, deadline=None)
@given(situations())
def test_reschedules_and_followups_apologise_once(situation: Situation) -> None:
    for action, _side, message in _all(situation):
        if action in ("reschedule", "followup"):
            # Script headings ("Apologise:") tell the caller what to do; they are not said.
            said = "\n".join(line for line in message.said.splitlines() if not line.endswith(":"))
            assert len(APOLOGY.findall(said)) == 1, message.text


@settings(max_examples=150, deadline=None)
@given(situations())
def test_reschedules_and_cancellations_give_the_reason_as_written(situation: Situation) -> None:
    sentence = reason_sentence(situation.reason.text)
    assert sentence
    for action, _side, message in _all(situation):
        if action in ("reschedule", "cancel") and message.kind != "followup_email":
            # A reason in another language than the message's gives way to the category's.
            if language_of(sentence) in (None, message.language):
                assert sentence in message.said
            else:
                assert sentence not in message.said


@settings(max_examples=150, deadline=None)
@given(situations())
def test_every_alternative_appears_as_the_reader_sees_it(situation: Situation) -> None:
    for action, side, message in _all(situation):
        if action not in ("reschedule", "cancel") or message.kind in ("followup_email",):
            continue
        if message.kind == "voicemail_script" or (action == "cancel" and side == "candidate"):
            continue  # a voicemail announces the e-mail; a candidate who cancels offers no times
        # A script's times are said to the recipient, as an e-mail's are written to them.
        reader, other = _recipient(situation, side), _sender(situation, side)
        zone = situation.interview.timezone
        for alternative in situation.alternatives:
            expected = format_span(
                alternative.start,
                alternative.end,
                party_locale(reader, reader.timezone or zone),
                reader.timezone or zone,
                other.timezone or zone,
            )
            assert f"- {expected}" in message.text


@settings(max_examples=150, deadline=None)
@given(situations())
def test_the_voicemail_gives_the_call_back_number_only_when_there_is_one(
    situation: Situation,
) -> None:
    voicemail = compose(situation, "reschedule", "candidate")[1]
    assert voicemail.kind == "voicemail_script"
    phone = situation.candidate.phone
    if phone:
        assert voicemail.said.count(phone) == 2
    else:
        assert "ring mig" not in voicemail.text.lower()
        assert "call me" not in voicemail.text.lower()


@settings(max_examples=100, deadline=None)
@given(situations())
def test_followups_restate_interest_in_the_role(situation: Situation) -> None:
    (followup,) = compose(situation, "followup", "candidate")
    interest = {"sv": "intresserad av tjänsten", "en": "interested in the"}
    assert interest[followup.language] in followup.text
    assert situation.role in followup.text


@settings(max_examples=100, deadline=None)
@given(situations())
def test_employer_cancellations_without_times_promise_new_ones(situation: Situation) -> None:
    # Every example without times (returning early for those with times left most untested).
    without_times = replace(situation, alternatives=())
    promise = {"sv": "återkommer med förslag på nya tider", "en": "get back to you with new times"}
    for message in compose(without_times, "cancel", "employer"):
        assert promise[message.language] in message.text
