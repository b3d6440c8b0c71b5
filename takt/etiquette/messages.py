"""What each finding says, in Swedish and English: what is wrong and what to do about it.

Placeholders are filled by the rule with figures already phrased in the
reader's language (durations, times in the interview's zone, names).
"""

TEXTS: dict[str, tuple[str, str]] = {
    "reschedule.last_resort.movable": (
        "Du har sagt att den andra planen går att flytta. Flytta den i stället och behåll "
        "intervjun.",
        "You said the other plan can be moved. Move that instead and keep the interview.",
    ),
    "reschedule.last_resort.unanswered": (
        "Går den andra planen att flytta? Pröva det först och boka bara om intervjun om inget "
        "annat går.",
        "Can the other plan be moved? Try that first, and only reschedule the interview if "
        "nothing else works.",
    ),
    "reason.leisure": (
        "Att boka om för en resa, en fest eller andra sociala planer ger ett dåligt första "
        "intryck. Flytta hellre den planen och boka bara om när det verkligen är nödvändigt.",
        "Rescheduling for a trip, a party or other social plans makes a poor first impression. "
        "Move that plan instead and only reschedule when it is truly necessary.",
    ),
    "reason.missing": (
        "Det saknas en förklaring. Skriv kort och ärligt varför, en mening räcker.",
        "There is no reason given. Say briefly and honestly why; one sentence is enough.",
    ),
    "reason.too_long": (
        "Förklaringen är {words} ord lång. Korta ner den till högst {limit} ord; mottagaren "
        "behöver inte alla detaljer.",
        "The reason is {words} words long. Cut it to {limit} words or fewer; the reader does "
        "not need every detail.",
    ),
    "notice.short": (
        "Intervjun börjar om {left}. Ring hellre än att mejla.",
        "The interview starts in {left}. Call rather than write.",
    ),
    "notice.short.started": (
        "Intervjun har redan börjat, för {ago} sedan. Ring genast i stället för att mejla.",
        "The interview started {ago} ago. Call them at once rather than write.",
    ),
    "notice.short.passed": (
        "Intervjutiden ({when}) har redan passerat. Ring och be om ursäkt i stället för att mejla.",
        "The interview time ({when}) has already passed. Call and apologise rather than write.",
    ),
    "notice.delayed": (
        "Du har vetat om det här i {ago}. Hör av dig nu: ju tidigare de får veta, desto "
        "lättare kan de planera om (helst inom {limit} timmar).",
        "You have known about this for {ago}. Get in touch now: the sooner they know, the "
        "easier it is for them to plan again (ideally within {limit} hours).",
    ),
    "alternatives.too_few.none": (
        "Du föreslår ingen giltig tid men bör ge minst {needed}. Lägg till tider så att de kan "
        "välja.",
        "You offer no valid time but should give at least {needed}. Add times so they can choose.",
    ),
    "alternatives.too_few": (
        "Du föreslår {valid} men bör ge minst {needed}. Lägg till {missing} till så att de kan "
        "välja.",
        "You offer {valid} but should give at least {needed}. Add {missing} more so they can "
        "choose.",
    ),
    "alternatives.invalid.reversed": (
        "förslag {number} ({when}) slutar innan det börjar",
        "alternative {number} ({when}) ends before it starts",
    ),
    "alternatives.invalid.past": (
        "förslag {number} ({when}) har redan passerat",
        "alternative {number} ({when}) is already in the past",
    ),
    "alternatives.invalid": (
        "{problems}. Rätta eller ta bort {them}.",
        "{problems}. Correct or remove {them}.",
    ),
    "alternatives.conflict.one": (
        "förslag {number} ({when}) krockar med något i din kalender ({busy})",
        "alternative {number} ({when}) clashes with something in your calendar ({busy})",
    ),
    "alternatives.conflict": (
        "{clashes}. Välj {other} när du är ledig.",
        "{clashes}. Pick {other} when you are free.",
    ),
    "alternatives.too_soon.one": (
        "förslag {number} ({when}) börjar om bara {left}",
        "alternative {number} ({when}) starts in only {left}",
    ),
    "alternatives.too_soon": (
        "{items}. Föreslå tider minst {limit} timmar fram så att de hinner planera.",
        "{items}. Offer times at least {limit} hours ahead so they have time to plan.",
    ),
    "alternatives.same_day": (
        "Alla {count} förslag ligger på {day}. Sprid dem över flera dagar så att kandidaten "
        "lättare hittar en tid som passar.",
        "All {count} alternatives fall on {day}. Spread them over several days so the "
        "candidate can more easily find one that suits.",
    ),
    "contact.phone_first.none": (
        "Ring innan du {verb}: ett samtal är mer personligt. Mejla eller lämna "
        "röstmeddelande först om du inte når fram efter {needed}.",
        "Call before you {verb}: a call is more personal. Only e-mail or leave a voicemail "
        "if you cannot get through after {needed}.",
    ),
    "contact.phone_first.some": (
        "Du har ringt {failed} utan att nå fram. Försök igen; mejla eller lämna "
        "röstmeddelande först efter {needed} utan svar.",
        "You have called {failed} without getting through. Try again; only e-mail or leave "
        "a voicemail after {needed} without an answer.",
    ),
    "message.apology_missing": (
        'Meddelandet saknar en ursäkt{near}. Lägg till en mening som "Jag ber om ursäkt för '
        'besväret."',
        'The message has no apology{near}. Add a line such as "I\'m sorry for the inconvenience."',
    ),
    "message.apology_missing.followup": (
        'Uppföljningen saknar en ursäkt{near}. Upprepa den kort, till exempel "Än en gång ber '
        'jag om ursäkt för besväret."',
        "The follow-up has no apology{near}. Repeat it briefly, for example \"Once again, I'm "
        'sorry for the inconvenience."',
    ),
    # Why a phrase that looks like an apology was not counted as one.
    "message.apology_missing.negated": (
        '"{words}" ber inte om ursäkt',
        '"{words}" is not an apology',
    ),
    "message.apology_missing.regret": (
        '"{words}" beklagar läget men ber inte om ursäkt för besväret',
        '"{words}" regrets the situation but does not apologise for the trouble',
    ),
    "message.rude": (
        "Tonen {where} kan uppfattas som respektlös: {why}. Håll dig saklig och vänlig; "
        "bränn inga broar.",
        "The tone {where} may come across as disrespectful: {why}. Keep it factual and "
        "friendly; don't burn bridges.",
    ),
    "message.rude.message": ("i meddelandet", "of the message"),
    "message.rude.reason": ("i förklaringen", "of the reason"),
    "message.rude.both": ("i meddelandet och förklaringen", "of the message and the reason"),
    # Why the words of a message.rude finding are rude, one kind of rudeness each.
    "message.rude.judgement": (
        '"{words}" läses som ett omdöme om mottagaren',
        '"{words}" reads as a judgement of the reader',
    ),
    "message.rude.blame": (
        '"{words}" lägger skulden på mottagaren',
        '"{words}" puts the blame on the reader',
    ),
    "message.rude.dismissive": (
        '"{words}" låter som en tillrättavisning eller ett avfärdande',
        '"{words}" sounds like a telling-off or a brush-off',
    ),
    "message.rude.sarcasm": (
        '"{words}" läses som sarkasm',
        '"{words}" reads as sarcasm',
    ),
    "message.rude.threat": (
        '"{words}" låter som ett hot',
        '"{words}" sounds like a threat',
    ),
    "message.rude.profanity": (
        '"{words}" är en svordom',
        '"{words}" is swearing',
    ),
    # Found by the tone model rather than a named pattern: the sentence as a whole.
    "message.rude.tone": (
        '"{words}" ger meningen en ton som kan läsas som nedlåtande mot mottagaren',
        '"{words}" gives the sentence a tone that may read as scornful of the reader',
    ),
    "message.interest_missing": (
        "Uppföljningen säger inget om att du fortfarande är intresserad{near}. Skriv till "
        'exempel "Jag är fortfarande mycket intresserad av tjänsten."',
        "The follow-up does not say that you are still interested{near}. Add something like "
        '"I\'m still very interested in the role."',
    ),
    "message.interest_missing.negated": (
        '"{words}" säger inte att du är intresserad',
        '"{words}" does not say that you are interested',
    ),
    "message.no_reschedule_promise": (
        "Meddelandet säger inte att ni återkommer med en ny tid. Skriv att du hör av dig för "
        "att boka om, eller föreslå nya tider direkt.",
        "The message does not say you will come back with a new time. Say you will be in "
        "touch to reschedule, or offer new times straight away.",
    ),
    "message.language_mixed.sv": (
        "Meddelandet är på svenska men har text på engelska: {passage}. Skriv allt på svenska, "
        "så att mottagaren kan läsa hela meddelandet.",
        "The message is in Swedish but holds text in English: {passage}. Write all of it in "
        "Swedish so the reader can follow every word.",
    ),
    "message.language_mixed.en": (
        "Meddelandet är på engelska men har text på svenska: {passage}. Skriv allt på engelska, "
        "så att mottagaren kan läsa hela meddelandet.",
        "The message is in English but holds text in Swedish: {passage}. Write all of it in "
        "English so the reader can follow every word.",
    ),
    "followup.due": (
        "Det har gått {ago} sedan du hade kontakt. Skicka en kort uppföljning nu som upprepar "
        "din ursäkt och ditt intresse.",
        "It is {ago} since you were in touch. Send a short follow-up now that repeats your "
        "apology and your interest.",
    ),
    "followup.due.late": (
        "Uppföljningen gick iväg {late} efter kontakten, senare än {limit} timmar. Skicka den "
        "samma dag nästa gång.",
        "The follow-up went out {late} after you were in touch, later than {limit} hours. "
        "Send it the same day next time.",
    ),
    "position_filled.uninformed": (
        "{names} har inte fått besked än. Meddela alla innan tjänsten stängs, helst med ett "
        "samtal.",
        "{names} {have} not been told yet. Let everyone know before the position is closed, "
        "ideally by phone.",
    ),
    "position_filled.email_only": (
        "{everyone} beskedet via mejl. Ett samtal är mer personligt, särskilt till dem du har "
        "träffat.",
        "{everyone} the news by e-mail. A call is more personal, especially for those you "
        "have met.",
    ),
    "reschedule.repeat": (
        "Du har redan bokat om den här intervjun {times}. Ännu en ombokning kan se oseriös "
        "ut; gör det bara om det verkligen inte går att undvika.",
        "You have already rescheduled this interview {times}. Another change can look "
        "unreliable; only do it if it truly cannot be avoided.",
    ),
    "schedule.conflict": (
        "Tiden ({when}) krockar med något i din kalender ({busy}). Välj en annan tid.",
        "The time ({when}) clashes with something in your calendar ({busy}). Pick another time.",
    ),
    "schedule.unchecked": (
        "Ingen kalender är kopplad, så Takt kunde inte se om tiden krockar med något. Titta i "
        "din kalender innan du bekräftar.",
        "No calendar is connected, so Takt could not check the time for clashes. Check your "
        "calendar before you confirm.",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` with the placeholders filled in."""
    sv, en = TEXTS[key]
    return (sv if lang == "sv" else en).format(**values)
