"""Why a calendar could not be read, in words for the person whose calendar it is."""

from dataclasses import dataclass

_MESSAGES: dict[str, dict[str, str]] = {
    "malformed": {
        "sv": "Kalendern gick inte att läsa: den är inte en giltig iCalendar-fil.",
        "en": "The calendar could not be read: it is not a valid iCalendar file.",
    },
    "too_big": {
        "sv": "Kalendern är för stor att läsa (över {limit} byte).",
        "en": "The calendar is too large to read (over {limit} bytes).",
    },
    "too_many_events": {
        "sv": "Kalendern har för många händelser (över {limit}).",
        "en": "The calendar has too many events (over {limit}).",
    },
    "too_many_occurrences": {
        "sv": "Kalendern har för många upprepade händelser i perioden (över {limit}).",
        "en": "The calendar has too many repeated events in the period (over {limit}).",
    },
    "too_slow": {
        "sv": "Det tog för lång tid att räkna ut kalenderns upprepningar. Kontrollera "
        "återkommande händelser utan slut.",
        "en": "Working out the calendar's repeating events took too long. Check for "
        "events that repeat without end.",
    },
    "bad_url": {
        "sv": "Adressen till kalendern måste börja med https:// eller http:// ({detail}).",
        "en": "The calendar address must start with https:// or http:// ({detail}).",
    },
    "unreachable": {
        "sv": "Kalendern gick inte att hämta. Försök igen senare.",
        "en": "The calendar could not be fetched. Try again later.",
    },
    # The address's own words (its body, a parser's text, which port answered) are never
    # shown: they would let a page read, or scan, whatever the address points at.
    "refused": {
        "sv": "Takt hämtar inte kalendrar från den adressen: den pekar på ett internt nätverk. "
        "Använd kalenderns offentliga adress, eller be den som driver Takt att tillåta nätverket.",
        "en": "Takt does not fetch calendars from that address: it points into an internal "
        "network. Use the calendar's public address, or ask whoever runs Takt to allow the "
        "network.",
    },
    "no_answer": {
        "sv": "Kalenderservern svarade inte i tid. Försök igen senare.",
        "en": "The calendar server did not answer in time. Try again later.",
    },
    "http_error": {
        "sv": "Servern svarade med fel {detail} när kalendern hämtades.",
        "en": "The server answered with error {detail} when the calendar was fetched.",
    },
    "auth_failed": {
        "sv": "Inloggningen till kalendern misslyckades. Kontrollera användarnamn och lösenord.",
        "en": "Signing in to the calendar failed. Check the user name and password.",
    },
    "caldav_failed": {
        "sv": "Kalenderservern gick inte att läsa.",
        "en": "The calendar server could not be read.",
    },
}


@dataclass
class CalendarError(Exception):
    """A calendar that cannot be read; `code` is a key of the messages above."""

    code: str
    detail: str = ""
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.code not in _MESSAGES:
            raise ValueError(f"unknown calendar error code {self.code!r}")
        super().__init__(self.code, self.detail)

    def message(self, lang: str = "sv") -> str:
        """The explanation in Swedish ("sv") or English (anything else falls back to English)."""
        template = _MESSAGES[self.code].get(lang, _MESSAGES[self.code]["en"])
        # Swedish groups thousands with a (non-breaking) space: 10 000 000.
        limit = "" if self.limit is None else f"{self.limit:,}"
        if lang == "sv":
            limit = limit.replace(",", "\u00a0")
        return template.format(detail=self.detail, limit=limit)

    def __str__(self) -> str:
        return f"{self.code}: {self.message('en')}"
