"""The tone detectors on hand-written sentences: ones that must match and near misses that must not.

Decisions where the reading is open:
- "ingen ursäkt behövs" / "no apology needed" is not an apology from the sender.
- "tyvärr" / "unfortunately" alone is regret about the facts, not an apology.
- "sorry to hear" is sympathy, not an apology for one's own change.
- "ett stort fan av" is praise, not the Swedish swear word.
- "out of town" counts as leisure even for a sad errand: the guide names it, and it is a warning.
"""

from collections.abc import Callable

import pytest

from takt.etiquette import has_apology, is_leisure, is_rude, promises_new_times, shows_interest
from takt.etiquette.detectors import detect_language

Detector = Callable[[str], bool]

APOLOGY_SV = [
    "Jag ber om ursäkt för besväret.",
    "Ursäkta att jag hör av mig så sent.",
    "Jag beklagar att jag måste be om en ny tid.",
    "Beklagligtvis måste jag flytta vår intervju.",
    "Det är beklagligt att det blev så här.",
    "Förlåt för det korta varslet!",
    "Jag är verkligen ledsen för att det blev så.",
    "Vi är ledsna över att behöva ställa in.",
    "Jag ber om överseende med det korta varslet.",
    "Sorry för sent besked, jag har blivit sjuk.",
    "BER OM URSÄKT FÖR STRULET",
    "Jag bad om ursäkt i telefon och vill upprepa det här.",
    "Min ursäkt för att jag inte hörde av mig tidigare.",
    "Hoppas att du kan förlåta mig för besväret.",
    "Ingen ursäkt behövs, tänker du kanske, men jag ber ändå om ursäkt.",
    "Jag beklagar verkligen, men jag är sjuk.",
    "Ber om ursäkt, jag har feber i dag.",
    "Ursäkten kommer sent men är uppriktig.",
    "Förlåt, men jag måste tyvärr boka om.",
    "Jag vill be om ursäkt för att jag ställer till det.",
]
NOT_APOLOGY_SV = [
    "Ingen ursäkt behövs.",
    "Du behöver inte be om ursäkt.",
    "Det finns ingen bra ursäkt för det här.",
    "Tyvärr måste jag boka om intervjun.",
    "Jag är inte ledsen över beslutet.",
    "Inget att beklaga, sådant händer.",
    "Kan vi flytta intervjun till tisdag?",
    "Jag har tackat ja till ett annat jobb.",
    "Det var en dålig ursäkt från min sida.",
    "Han kom utan ursäkt en timme sent.",
]
APOLOGY_EN = [
    "I'm sorry for the inconvenience.",
    "I apologise for the short notice.",
    "I apologize for the trouble this causes.",
    "Please accept my apologies.",
    "My apology for the late message.",
    "Sorry about this!",
    "SORRY for the late reply.",
    "I regret having to ask for a new time.",
    "Regrettably I have to move our interview.",
    "Please forgive me for the short notice.",
    "I beg your pardon for the confusion.",
    "I'm so sorry, but I'm ill today.",
    "Apologies for the inconvenience caused.",
    "We are very sorry to cancel at such short notice.",
    "No apology can make up for it, but I am sorry.",
    "I'd like to apologise once again.",
    "Sorry, I have a clash with a court date.",
    "I sincerely apologise.",
    "Again, apologies for the trouble.",
    "I'm really sorry \u2013 my child is sick.",
]
NOT_APOLOGY_EN = [
    "No apology needed.",
    "No need to apologise.",
    "Don't apologize, these things happen.",
    "I'm sorry to hear you are unwell.",
    "I'm not sorry about the decision.",
    "Unfortunately I need to move the interview.",
    "Can we move the interview to Tuesday?",
    "I have no regrets about applying.",
    "I do not regret my choice.",
    "I have accepted another offer.",
]

INTEREST_SV = [
    "Jag är fortfarande mycket intresserad av tjänsten.",
    "Mitt intresse för företaget är lika stort som förut.",
    "Jag ser fram emot att träffa dig.",
    "Jag ser verkligen fram emot vårt samtal.",
    "Jag vill gärna träffa er när det passar.",
    "Jag vill gärna fortsätta i processen.",
    "Jag vill fortfarande ha chansen att träffas.",
    "Jag hoppas få chansen att visa vad jag kan.",
    "Jag hoppas att jag får träffa er snart.",
    "Tjänsten låter väldigt intressant.",
    "Jag är angelägen om att få komma på intervju.",
    "Jag är väldigt motiverad för rollen.",
    "Jag är supertaggad på att börja hos er!",
    "Jag brinner för den här typen av arbete.",
    "INTRESSERAD som alltid!",
    "Intresset från min sida är stort.",
    "Era produkter intresserar mig mycket.",
    "Jag hoppas verkligen få chansen att ses.",
    "Jag ser mycket fram emot att höras.",
    "Jag vill gärna komma och träffa teamet.",
]
NOT_INTEREST_SV = [
    "Jag är inte längre intresserad av tjänsten.",
    "Jag är inte intresserad.",
    "Jag har tappat intresset för rollen.",
    "Jag har inget intresse av att fortsätta.",
    "Jag har förlorat mitt intresse för jobbet.",
    "Tack för samtalet i går.",
    "Jag är ointresserad av tjänsten.",
    "Jag kan komma på tisdag.",
    "Rollen är inte intressant för mig längre.",
    "Jag är inte så intresserad längre.",
]
INTEREST_EN = [
    "I'm still very interested in the role.",
    "My interest in the company is as strong as ever.",
    "I look forward to meeting you.",
    "Looking forward to speaking with you.",
    "I'm keen to meet the team.",
    "I'm eager to continue the process.",
    "I'm excited about the opportunity.",
    "I'm enthusiastic about joining.",
    "I still want to be considered.",
    "I would love to meet you when it suits.",
    "I hope I still have the chance to interview.",
    "I'm very motivated for this job.",
    "INTERESTED as ever!",
    "The role interests me a great deal.",
    "I'm really looking forward to our talk.",
    "I would still love the opportunity.",
    "I'm genuinely keen on the position.",
    "I remain interested.",
    "I hope to get a chance to speak soon.",
    "Very much looking forward to it.",
]
NOT_INTEREST_EN = [
    "I'm no longer interested in the role.",
    "I'm not interested.",
    "I have lost interest in the position.",
    "In the interest of time, I'll keep this short.",
    "The interest rate is high.",
    "I have no interest in continuing.",
    "I'm uninterested in the role.",
    "Thanks for the call yesterday.",
    "I'm not keen on the role any more.",
    "That would be a conflict of interest.",
]

NEW_TIMES_SV = [
    "Vi återkommer med en ny tid.",
    "Vi hör av oss med förslag på nya tider.",
    "Jag hör av mig så fort jag vet mer.",
    "Vi vill gärna boka om intervjun.",
    "Vi bokar om så snart det går.",
    "Vi återkommer så snart vi kan.",
    "Kan vi hitta en annan tid?",
    "Passar en annan dag bättre?",
    "Vi föreslår ett nytt datum nästa vecka.",
    "Vi skickar nya tider i morgon.",
    "Vi vill gärna boka in en ny intervju.",
    "Ombokningen ordnar jag under dagen.",
    "Vi kommer att återkomma med andra tider.",
    "Jag hör av mig i morgon med ett förslag.",
    "Vi hörs av om en ny tid.",
    "Kan vi ses en annan tid?",
    "Vi återkommer med nytt datum.",
    "Jag kan höra av mig i eftermiddag.",
    "Vi behöver boka om, och återkommer med förslag.",
    "Låt oss hitta nya tider som passar dig.",
]
NOT_NEW_TIMES_SV = [
    "Vi återkommer inte med nya tider.",
    "Det blir ingen ny tid.",
    "Vi kommer inte att boka om intervjun.",
    "Vi återkommer inte.",
    "Tjänsten är tillsatt.",
    "Vi måste tyvärr ställa in intervjun.",
    "Tack för ditt intresse.",
    "Det blir inga nya tider.",
    "Intervjun är inställd.",
    "Vi kommer inte att återkomma.",
]
NEW_TIMES_EN = [
    "We will reschedule as soon as we can.",
    "I'd like to reschedule our interview.",
    "We'll get back to you with a new time.",
    "We will be in touch to find a new date.",
    "Could we find another time?",
    "Is another date possible?",
    "Here are some alternative times.",
    "We'll rearrange the interview.",
    "We will rebook you next week.",
    "Can we meet at a different time?",
    "Let's find a new slot.",
    "I'll send other times tomorrow.",
    "We'd love to find another day.",
    "RESCHEDULING is our first priority.",
    "We will be in touch shortly.",
    "Alternative dates will follow.",
    "We'll get back to you tomorrow.",
    "Please suggest a new time that suits you.",
    "We need to rearrange, sorry.",
    "We will offer new dates next week.",
]
NOT_NEW_TIMES_EN = [
    "We will not be rescheduling.",
    "We have no plans to reschedule.",
    "There are no new dates.",
    "We are unable to reschedule.",
    "We won't be in touch again.",
    "The position has been filled.",
    "We have to cancel the interview.",
    "Thank you for your interest.",
    "We cannot reschedule this time.",
    "The interview is cancelled.",
]

LEISURE_SV = [
    "Jag ska på en helgresa till Köpenhamn.",
    "Vi åker bort över helgen.",
    "Jag ska ut ur stan några dagar.",
    "Jag har en fest samma kväll.",
    "Min bästa vän har födelsedagsfest.",
    "Vi har kalas för farmor.",
    "Jag ska på middag med gamla kollegor.",
    "Jag ska träffa vänner som är på besök.",
    "Jag ska på semester.",
    "Vi ska på konsert den dagen.",
    "Det är afterwork på jobbet.",
    "Vi har en utflykt inplanerad.",
    "Vi ska upp till stugan.",
    "Vi ska till fjällen och åka skidor.",
    "Jag har en golfrunda bokad.",
    "Vi ska på festival.",
    "Jag ska resa bort med familjen.",
    "Jag är på weekendresa.",
    "Jag har sociala planer den kvällen.",
    "Jag ska umgås med kompisar.",
]
NOT_LEISURE_SV = [
    "Jag har blivit sjuk.",
    "Mitt barn har feber.",
    "Jag har blivit kallad till en rättegång som vittne.",
    "Min morfar har gått bort och begravningen är samma dag.",
    "Jag måste på en tjänsteresa.",
    "Jag har en tandläkartid som inte går att flytta.",
    "Jag jobbar på helgdagen.",
    "Tåget är inställt.",
    "Det står i vårt manifest.",
    "Det blir ingen fest för min del.",
]
LEISURE_EN = [
    "I'm going away for the weekend.",
    "I have a weekend trip booked.",
    "I'll be out of town.",
    "There is a party that evening.",
    "It's my friend's birthday party.",
    "We have a night out planned.",
    "I'm going for drinks after work.",
    "I'm on holiday that week.",
    "I'll be on vacation.",
    "I'm going to a festival.",
    "I have concert tickets.",
    "I'm seeing some old friends.",
    "I'm meeting my friends for lunch.",
    "It clashes with my social calendar.",
    "I'll be hungover.",
    "It's my mate's stag do.",
    "We're having a barbecue.",
    "I have a golf game.",
    "I'm going skiing.",
    "We're off on a road trip.",
]
NOT_LEISURE_EN = [
    "I've come down with flu.",
    "My child is ill.",
    "I have to attend court as a witness.",
    "I have a funeral to attend.",
    "I'm on a business trip that day.",
    "The office is shut for the bank holiday.",
    "A third party delayed the contract.",
    "My train has been cancelled.",
    "I have a hospital appointment.",
    "I have to work this weekend.",
]

RUDE_SV = [
    "Fan, vilket strul.",
    "Det här är ett jävla skämt.",
    "Jäklar, nu igen.",
    "Vilket helvete det här blev.",
    "Ert skitföretag kan dra.",
    "Ni är idioter.",
    "Är ni dumma i huvudet?",
    "Vilken korkad rekryterare.",
    "Helt inkompetent hanterat.",
    "En värdelös process.",
    "Patetiskt beteende.",
    "Löjligt av er att ställa in.",
    "Pinsamt av er, ärligt talat.",
    "Det var oprofessionellt av er.",
    "Ni slösade bort min tid.",
    "Det är ert fel att det blev så här.",
    "Skyll er själva.",
    "Ni borde skämmas.",
    "Tack för ingenting.",
    "Håll käften.",
    "Jag skiter i er tjänst.",
    "Toppen, vilken överraskning /s",
    "Jaha, typiskt er.",
]
NOT_RUDE_SV = [
    "Jag är ett stort fan av era produkter.",
    "Det är inte ditt fel.",
    "Det var mitt fel, förlåt.",
    "Fantastiskt att höra från dig!",
    "Jag har hört mycket gott om er.",
    "Tack för att ni ville träffa mig.",
    "Skiftet i morgon gör att jag inte kan.",
    "Min kollega Fanny hälsar.",
    "Det är inte er skuld.",
    "Det var pinsamt sent av mig att höra av mig, förlåt.",
]
RUDE_EN = [
    "Damn, this is annoying.",
    "What the fuck is this?",
    "This is bullshit.",
    "What a crap process.",
    "You bloody idiots.",
    "Your recruiter is an idiot.",
    "That was stupid of you.",
    "Totally incompetent handling.",
    "A useless company.",
    "This is pathetic.",
    "How ridiculous.",
    "What a clown show.",
    "What a joke of a company.",
    "This was a waste of my time.",
    "You wasted my time.",
    "This is your fault.",
    "You people never learn.",
    "Shame on you.",
    "Thanks for nothing.",
    "Whatever.",
    "lol, sure.",
    "Great planning /s",
    "Go to hell.",
]
NOT_RUDE_EN = [
    "It's not your fault.",
    "It was my fault, I'm sorry.",
    "I'm a big fan of your work.",
    "Whatever time suits you works for me.",
    "I passed the assessment last year.",
    "I live in Scunthorpe.",
    "Hello, and thanks for the call.",
    "I used to live in Amsterdam.",
    "We'll scrap the old plan.",
    "Whatever works for you is fine.",
]


def _cases(detector: Detector, yes: list[str], no: list[str]) -> list[tuple[Detector, str, bool]]:
    return [(detector, text, True) for text in yes] + [(detector, text, False) for text in no]


CASES = (
    _cases(has_apology, APOLOGY_SV, NOT_APOLOGY_SV)
    + _cases(has_apology, APOLOGY_EN, NOT_APOLOGY_EN)
    + _cases(shows_interest, INTEREST_SV, NOT_INTEREST_SV)
    + _cases(shows_interest, INTEREST_EN, NOT_INTEREST_EN)
    + _cases(promises_new_times, NEW_TIMES_SV, NOT_NEW_TIMES_SV)
    + _cases(promises_new_times, NEW_TIMES_EN, NOT_NEW_TIMES_EN)
    + _cases(is_leisure, LEISURE_SV, NOT_LEISURE_SV)
    + _cases(is_leisure, LEISURE_EN, NOT_LEISURE_EN)
    + _cases(is_rude, RUDE_SV, NOT_RUDE_SV)
    + _cases(is_rude, RUDE_EN, NOT_RUDE_EN)
)


@pytest.mark.parametrize(("detector", "text", "expected"), CASES)
def test_detector_on_sentence(detector: Detector, text: str, expected: bool) -> None:
    assert detector(text) is expected


@pytest.mark.parametrize(
    "lists",
    [
        (APOLOGY_SV, NOT_APOLOGY_SV),
        (APOLOGY_EN, NOT_APOLOGY_EN),
        (INTEREST_SV, NOT_INTEREST_SV),
        (INTEREST_EN, NOT_INTEREST_EN),
        (NEW_TIMES_SV, NOT_NEW_TIMES_SV),
        (NEW_TIMES_EN, NOT_NEW_TIMES_EN),
        (LEISURE_SV, NOT_LEISURE_SV),
        (LEISURE_EN, NOT_LEISURE_EN),
        (RUDE_SV, NOT_RUDE_SV),
        (RUDE_EN, NOT_RUDE_EN),
    ],
)
def test_every_detector_and_language_has_at_least_30_sentences(
    lists: tuple[list[str], list[str]],
) -> None:
    assert len(lists[0]) + len(lists[1]) >= 30
    assert len(lists[1]) >= 10


def test_a_known_language_applies_only_its_own_list() -> None:
    # "fan" is a Swedish swear word but an English admirer.
    assert is_rude("Fan!", "sv") is True
    assert is_rude("Fan!", "en") is False


def test_the_language_is_guessed_from_common_words() -> None:
    assert detect_language("Jag ber om ursäkt för att det blev så") == "sv"
    assert detect_language("I am sorry for the trouble this is causing") == "en"
    assert detect_language("Fan!") is None
