"""Apology and interest read from how a sentence is built (`tone/whose.py`): quoted, asked
about, the first part of a compound, said by someone the sentence names, forgiving rather
than asking forgiveness, interest that was and is gone.

Each case is a sentence of its own, not taken from the corpus; each pair shows the rule
holds for the writer's own saying too, so that a rule that reads too much fails here.
"""

import pytest

from takt.etiquette.detectors import has_apology, pattern_hits, shows_interest
from takt.etiquette.tone import whose

NOT_APOLOGY = [
    # Quoted: the words are spoken of.
    ('Hon fick ett "vi beklagar" från dem i går.', "sv"),
    ("Han skrev \u201dförlåt\u201d i ämnesraden och inget mer.", "sv"),
    ('The reply just said "sorry for the delay" and nothing else.', "en"),
    # The first part of a compound.
    ("Förlåt-sms:et från chefen kom aldrig.", "sv"),
    ("Her sorry-note was three lines long.", "en"),
    # A question whether to apologise.
    ("Borde jag be om ursäkt till rekryteraren?", "sv"),
    ("Should I apologise to the interviewer?", "en"),
    # Someone the sentence names apologises, in the present.
    ("Ekonomichefen ber om ursäkt för förseningen.", "sv"),
    ("Maria hälsar och ber om ursäkt för röran.", "sv"),
    ("Rekryteraren framför sina ursäkter.", "sv"),
    ("Kundtjänst beklagade felet i sitt svar.", "sv"),
    # Someone else is sorry, or owns the apology.
    ("Konsulten var jätteledsen över missen.", "sv"),
    ("Vi har läst kandidatens ursäkt.", "sv"),
    # A question whether to apologise, read over the sentence.
    ("Borde jag be om ursäkt för missen, eller bara boka om?", "sv"),
    # Excusing oneself from somewhere.
    ("Jag ursäktade mig från mötet för att ringa dig.", "sv"),
    # Forgiving someone is not apologising.
    ("Vi har förlåtit dem för missen i höstas.", "sv"),
    ("Jag förlåter er, det händer alla.", "sv"),
    # Regret of a fact.
    ("Beklagligt nog har tjänsten frysts.", "sv"),
    # "Beklaglig" judging a thing.
    ("Det blev en beklaglig röra på kontoret i fredags.", "sv"),
    ("Svaret från facket var beklagligt kort.", "sv"),
    # Calling for attention before a question.
    ("Ursäkta mig, är det här plan fyra?", "sv"),
    ("Excuse me, is this the right floor?", "en"),
]

APOLOGY = [
    ('Jag ber om ursäkt, "i morgon" skulle det stå i mejlet.', "sv"),
    ("Förlåt, jag skickade fel tid.", "sv"),
    ("Kan du förlåta mig för strulet?", "sv"),
    ("Hoppas du kan förlåta att jag dröjde.", "sv"),
    ("Därför ber jag om ursäkt för det korta varslet.", "sv"),
    ("Ber om ursäkt för det sena svaret.", "sv"),
    ("Hej, ber om ursäkt för förvirringen.", "sv"),
    ("Beklagligt nog måste jag flytta vår tid.", "sv"),
    ("Jag beklagade det redan i telefon och gör det igen.", "sv"),
    ("Får jag be om ursäkt för dröjsmålet?", "sv"),
    ("Det är beklagligt att det blev så rörigt mellan oss.", "sv"),
    ("Ursäkta mig, jag skickade fel tid. Passar tisdag?", "sv"),
    ("Sorry for the mix-up with the times.", "en"),
]

NOT_INTEREST = [
    # Someone the sentence names is keen, or the reader is.
    ("The hiring panel was very keen to hear about your thesis.", "en"),
    ("Our new intern is incredibly enthusiastic.", "en"),
    ("Tom seemed excited about the offer.", "en"),
    ("The whole team would love to meet you on Monday.", "en"),
    ("Let me know if you'd be interested in a later slot.", "en"),
    ("They're keen to fill the post before May.", "en"),
    # Interest that was, and is turned from or gone.
    ("I was really quite interested in March, but the pay is too low.", "en"),
    ("I used to be keen on agency work, not anymore.", "en"),
    ("My enthusiasm for the move has faded.", "en"),
    # Asked of someone else, the subject after the verb.
    ("Are you still keen on the Tuesday slot?", "en"),
    ("Does Omar really want the night shifts?", "en"),
    # The subject's last word names who: the team, although the writer thinks it.
    ("I think the team is keen to fill the post by May.", "en"),
    # Told of in the past, some time ago.
    ("I was keen on the agency two years ago.", "en"),
    # Interest in something other than the job, the reader or the meeting.
    ("I'm really keen on rock climbing.", "en"),
    ("I'm interested in a pottery course near my flat.", "en"),
    # An unreal condition, and asking whether to show interest.
    ("I'd be excited about the role if it were remote.", "en"),
    ("Should I sound more enthusiastic on the call?", "en"),
    # The reader right before the feeling, the verb left out.
    ("u still keen for Thursday?", "en"),
    # Someone else looks forward; the employer welcomes.
    ("The panel looks forward to meeting all the candidates.", "en"),
    ("We're thrilled to welcome Omar to the team.", "en"),
    # Other senses.
    ("The loan is interest-free for a year.", "en"),
    ('The advert calls the team "passionate", whatever that means.', "en"),
]

INTEREST = [
    ("I'm very keen to meet the team.", "en"),
    ("I'm keen on the analyst role.", "en"),
    ("I'm very interested in what you're building.", "en"),
    ("My interest in Northwind hasn't changed.", "en"),
    ("If it's still open, I'd love to meet.", "en"),
    ("We're really keen to meet you.", "en"),
    ("I'd love to meet the team next week.", "en"),
    ("It would be great to meet you next week.", "en"),
    ("I was excited to get your invitation, and I still am.", "en"),
    ("I really don't want to miss the chance to talk with you.", "en"),
    ("Am I still keen? Very much so.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_APOLOGY)
def test_not_an_apology(text: str, lang: str) -> None:
    assert not has_apology(text, lang), text


@pytest.mark.parametrize(("text", "lang"), APOLOGY)
def test_an_apology(text: str, lang: str) -> None:
    assert has_apology(text, lang), text


@pytest.mark.parametrize(("text", "lang"), NOT_INTEREST)
def test_not_the_writers_interest(text: str, lang: str) -> None:
    assert not shows_interest(text, lang), text


@pytest.mark.parametrize(("text", "lang"), INTEREST)
def test_the_writers_interest(text: str, lang: str) -> None:
    # The rules keep it; whether the model then doubts the clause is the model's to say
    # (test_whose.py), and it is trained again as the corpus grows.
    assert pattern_hits("interest", text, lang), text


def test_quoted_needs_marks_on_both_sides() -> None:
    text = 'Han sa "förlåt" och gick. Jag ber om ursäkt'
    assert whose.quoted(text, text.index("förlåt"), text.index("förlåt") + 6)
    assert not whose.quoted(text, text.index("ber"), len(text))


def test_a_subject_and_its_verb_in_one_word() -> None:
    assert whose.interested_other(["if", "you'd", "be"], ["interested"])
    assert not whose.interested_other(["i'd", "be"], ["interested"])
    assert not whose.interested_other(["i", "really", "don't"], ["want"])


@pytest.mark.parametrize(
    ("detector", "text", "lang"),
    [("apology", *case) for case in NOT_APOLOGY] + [("interest", *case) for case in NOT_INTEREST],
)
def test_the_rules_hold_without_the_model(detector: str, text: str, lang: str) -> None:
    # The model may also overrule these; the rules must not lean on it.
    assert not pattern_hits(detector, text, lang), text


def test_asked_about_needs_a_question_and_a_modal() -> None:
    assert whose.asked_about(["borde", "jag"], asks=True)
    assert not whose.asked_about(["far", "jag"], asks=True)
    assert not whose.asked_about(["borde", "jag"], asks=False)


def test_compound_is_one_word_before_a_hyphen() -> None:
    assert whose.compound("Sorry-mejl", 0, 5)
    assert not whose.compound("ser fram emot case-intervjun", 0, 18)
    assert not whose.compound("Sorry - jag", 0, 5)


def test_the_model_does_not_find_again_what_the_rules_turned() -> None:
    # The patterns find "would love"; the rule turns it (the team's wish); the model, reading
    # the sentence, would find "to meet you" there again.
    text = "The whole team would love to meet you on Monday."
    assert pattern_hits("interest", text, "en") == []
    assert not shows_interest(text, "en")
