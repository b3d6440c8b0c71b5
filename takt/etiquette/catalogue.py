"""Every rule of GUIDELINES.md: id, source in the guide, who it applies to, severity, and why."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as the UI explains it; `why_sv`/`why_en` give the guide's reason in one sentence."""

    id: str
    source: str
    applies_to: str
    severity: str
    why_sv: str
    why_en: str

    def why(self, lang: str) -> str:
        return self.why_sv if lang == "sv" else self.why_en


RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "reschedule.last_resort",
        "M1.1",
        "candidate reschedule",
        "warn",
        "Intervjun är ett första intryck och en ombokning kan se oprofessionell ut, "
        "så flytta hellre något annat i ditt schema.",
        "The interview is a first impression and rescheduling can look unprofessional, "
        "so move something else in your schedule first.",
    ),
    RuleInfo(
        "reason.leisure",
        "Tip 1",
        "candidate reschedule",
        "warn",
        "Boka inte om för en helgresa eller sociala planer; boka bara om när det verkligen "
        "är nödvändigt.",
        "Don't reschedule for a weekend away or social plans; only reschedule when it is "
        "truly necessary.",
    ),
    RuleInfo(
        "reason.missing",
        "M1.2, M2.2, M3.1",
        "every reschedule and cancel, both sides",
        "block",
        "En kort och ärlig förklaring visar respekt och hjälper mottagaren att förstå och "
        "planera om.",
        "A short, honest explanation shows respect and helps the reader understand and plan again.",
    ),
    RuleInfo(
        "reason.too_long",
        "M1.2, M2.3, M3.1",
        "every reschedule and cancel, both sides",
        "warn",
        "Förklaringen ska vara kort och enkel; fler detaljer gör den inte bättre.",
        "Keep the explanation short and simple; more detail does not make it better.",
    ),
    RuleInfo(
        "notice.short",
        "M1.2, M2.1, M3.1",
        "every reschedule and cancel",
        "warn",
        "En ändring ställer till det för flera personer, så hör av dig så tidigt som möjligt "
        "och minst 24 timmar innan.",
        "A change inconveniences several people, so give as much notice as possible and at "
        "least 24 hours.",
    ),
    RuleInfo(
        "notice.delayed",
        "M2.1, M3.1",
        "every reschedule and cancel",
        "warn",
        "Hör av dig så snart du vet; att vänta slösar andras tid och ger ett dåligt intryck.",
        "Get in touch as soon as you know; waiting wastes other people's time and looks bad.",
    ),
    RuleInfo(
        "alternatives.too_few",
        "M1.2, M3.3",
        "reschedule",
        "candidate: warn, employer: block",
        "Flera tider att välja mellan visar att du är flexibel och gör det lätt att hitta en "
        "ny tid.",
        "Several times to choose from show flexibility and make a new time easy to find.",
    ),
    RuleInfo(
        "alternatives.invalid",
        "-",
        "reschedule",
        "block",
        "En tid som slutar innan den börjar, eller som redan har passerat, går inte att välja.",
        "A time that ends before it starts, or has already passed, cannot be chosen.",
    ),
    RuleInfo(
        "alternatives.conflict",
        "Tip 2",
        "reschedule",
        "block",
        "Föreslå aldrig en tid utan att först titta i din kalender, annars kan du behöva boka "
        "om igen.",
        "Never offer a time without checking your calendar first, or you may have to "
        "reschedule again.",
    ),
    RuleInfo(
        "alternatives.too_soon",
        "M1.2",
        "reschedule",
        "warn",
        "En ny tid med kort varsel är svår att hinna planera för; ge samma framförhållning som "
        "du själv vill ha.",
        "A new time at short notice is hard to plan for; give the notice you would want yourself.",
    ),
    RuleInfo(
        "alternatives.same_day",
        "M3.3",
        "employer reschedule",
        "advice",
        "Sprid tiderna över flera dagar så att den du har stört i schemat får ett verkligt val.",
        "Spread the times over several days so the person whose schedule you upset has a real "
        "choice.",
    ),
    RuleInfo(
        "contact.phone_first",
        "M1.3, M3.1",
        "candidate reschedule; employer cancel within min_notice_hours or emergency",
        "candidate: warn, employer: advice",
        "Ett samtal får dig att framstå som ansvarsfull; mejla eller lämna meddelande bara om "
        "du inte når fram per telefon.",
        "A call makes you look responsible; only e-mail or leave a message if you cannot get "
        "through by phone.",
    ),
    RuleInfo(
        "message.apology_missing",
        "M1.4, M1.5",
        "reschedule (both sides), followup",
        "warn",
        "En ändring ställer till det för flera personer; be om ursäkt för besväret och upprepa "
        "det i uppföljningen.",
        "A change inconveniences several people; apologise for the trouble and say it again in "
        "the follow-up.",
    ),
    RuleInfo(
        "message.rude",
        "M2.3",
        "every message",
        "warn",
        "Var professionell och bränn inga broar; du vet aldrig när ni möts igen.",
        "Stay professional and don't burn bridges; you never know when you will meet again.",
    ),
    RuleInfo(
        "message.interest_missing",
        "M1.5",
        "followup",
        "warn",
        "Uppföljningen är ett tillfälle att visa att du fortfarande vill ha chansen.",
        "The follow-up is a chance to show that you still want the opportunity.",
    ),
    RuleInfo(
        "message.language_mixed",
        "beyond the seed",
        "every message",
        "warn",
        "Håll det enkelt: ett meddelande på ett språk, mottagarens, så att inget går förlorat.",
        "Keep it simple: one message in one language, the reader's, so that nothing is lost.",
    ),
    RuleInfo(
        "message.no_reschedule_promise",
        "M3.1",
        "employer cancel when the position is not filled",
        "warn",
        "När du ställer in ska kandidaten få veta att du hör av dig för att boka en ny tid.",
        "When you cancel, tell the candidate that you will be in touch to arrange a new time.",
    ),
    RuleInfo(
        "followup.due",
        "M1.5",
        "candidate reschedule after contact",
        "warn",
        "Efter samtalet om ombokningen skickar du en personlig rad som upprepar ursäkten och "
        "ditt intresse.",
        "After the call about the change, send a personal note that repeats your apology and "
        "your interest.",
    ),
    RuleInfo(
        "position_filled.uninformed",
        "M3.2",
        "position_filled",
        "block",
        "Att bara sluta höra av sig när tjänsten är tillsatt är oprofessionellt; ge varje "
        "kandidat besked.",
        "Going silent once the position is filled is unprofessional; tell every candidate.",
    ),
    RuleInfo(
        "position_filled.email_only",
        "M3.2",
        "position_filled",
        "advice",
        "Ett samtal är ett mer personligt och mindre kallt sätt att ge beskedet än ett mejl.",
        "A call is a more personal, less cold way to give the news than an e-mail.",
    ),
    RuleInfo(
        "reschedule.repeat",
        "beyond the seed",
        "reschedule",
        "warn",
        "Varje ny ombokning ger ett sämre intryck; boka bara om igen när det inte går att undvika.",
        "Each further reschedule leaves a worse impression; only do it again when it cannot be "
        "avoided.",
    ),
    RuleInfo(
        "schedule.conflict",
        "Tip 2",
        "schedule",
        "block",
        "Boka aldrig en intervju utan att först kontrollera din kalender.",
        "Never schedule an interview without checking your calendar first.",
    ),
    RuleInfo(
        "schedule.unchecked",
        "Tip 2",
        "schedule",
        "advice",
        "Boka aldrig en intervju utan att först kontrollera din kalender; utan kopplad kalender "
        "får du göra det själv.",
        "Never schedule an interview without checking your calendar; with no calendar "
        "connected you have to do it yourself.",
    ),
)

BY_ID: dict[str, RuleInfo] = {rule.id: rule for rule in RULES}
