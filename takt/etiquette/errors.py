"""Bad input: which field is wrong and why, said in Swedish or English.

The error keeps a code and its details rather than a finished sentence, so
the same error can be shown in the language of whoever reads it.
"""

import json
from typing import Any

_EXPECTED = {
    "string": ("text", "text"),
    "number": ("ett tal", "a number"),
    "integer": ("ett heltal", "a whole number"),
    "boolean": ("true eller false", "true or false"),
    "object": ("ett objekt", "an object"),
    "list": ("en lista", "a list"),
}

_TEXTS: dict[str, tuple[str, str]] = {
    "unknown_field": (
        "{field}: okänt fält. Kontrollera stavningen; kända fält här är {known}.",
        "{field}: unknown field. Check the spelling; the known fields here are {known}.",
    ),
    "unknown_policy_key": (
        "{field}: okänd policyinställning. Kontrollera stavningen; kända är {known}.",
        "{field}: unknown policy setting. Check the spelling; the known ones are {known}.",
    ),
    "required": (
        "{field} saknas men behövs här. Lägg till det.",
        "{field} is missing but needed here. Add it.",
    ),
    "wrong_type": (
        "{field} ska vara {expected}, inte {value}.",
        "{field} should be {expected}, not {value}.",
    ),
    "bad_choice": (
        '{field}: "{value}" är inget giltigt värde. Välj ett av: {choices}.',
        '{field}: "{value}" is not a valid value. Choose one of: {choices}.',
    ),
    "not_positive": (
        "{field} ska vara ett tal större än noll, inte {value}.",
        "{field} should be a number greater than zero, not {value}.",
    ),
    "negative": (
        "{field} får inte vara negativt ({value}).",
        "{field} cannot be negative ({value}).",
    ),
    "bad_format": (
        '{field}: "{value}" är ingen tid som går att läsa. '
        "Skriv den enligt ISO 8601, till exempel 2026-03-31T10:00:00+02:00.",
        '{field}: "{value}" is not a time that can be read. '
        "Write it in ISO 8601, for example 2026-03-31T10:00:00+02:00.",
    ),
    "out_of_range": (
        "{field}: {value} ligger utanför åren {first}–{last}. Kontrollera årtalet.",
        "{field}: {value} is outside the years {first}–{last}. Check the year.",
    ),
    "naive_without_zone": (
        '{field}: "{value}" saknar tidszon. Skriv en offset (till exempel +02:00) '
        "eller ange interview.timezone.",
        '{field}: "{value}" has no time zone. Add an offset (for example +02:00) '
        "or give interview.timezone.",
    ),
    "nonexistent": (
        "{field}: {value} finns inte i {zone} (klockan ställs fram den natten). "
        "Välj en tid utanför glappet.",
        "{field}: {value} does not exist in {zone} (the clocks go forward that night). "
        "Pick a time outside the gap.",
    ),
    "ambiguous": (
        "{field}: {value} finns två gånger i {zone} (klockan ställs tillbaka den natten). "
        "Skriv tiden med offset: {first} eller {second}.",
        "{field}: {value} happens twice in {zone} (the clocks go back that night). "
        "Write it with an offset: {first} or {second}.",
    ),
    "unknown_zone": (
        '{field}: "{value}" är ingen känd tidszon. Använd ett IANA-namn som Europe/Stockholm.',
        '{field}: "{value}" is not a known time zone. Use an IANA name such as Europe/Stockholm.',
    ),
    "ends_before_start": (
        "{field}: slutet ligger före början. Kontrollera tiderna.",
        "{field}: the end comes before the start. Check the times.",
    ),
    "not_json": (
        "Indata är inte giltig JSON (rad {line}, kolumn {column}): {value}.",
        "The input is not valid JSON (line {line}, column {column}): {value}.",
    ),
    "unreadable": (
        "Filen {value} går inte att läsa: {reason}.",
        "The file {value} cannot be read: {reason}.",
    ),
}


class BadInput(ValueError):
    """Input that cannot be checked; `field` is a dotted path like `alternatives[1].start`."""

    def __init__(self, field: str, code: str, **details: Any) -> None:
        self.field = field
        self.code = code
        self.details = details
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        """A sentence in "sv" or "en" that names the field and says what to do."""
        sv, en = _TEXTS[self.code]
        values = {key: str(value) for key, value in self.details.items()}
        if "expected" in self.details:
            pair = _EXPECTED[self.details["expected"]]
            values["expected"] = pair[0] if lang == "sv" else pair[1]
        return (sv if lang == "sv" else en).format(field=self.field, **values)


def show_value(value: Any) -> str:
    """A short JSON rendering of a value for an error message."""
    try:
        return json.dumps(value, ensure_ascii=False)[:60]
    except (TypeError, ValueError):
        return repr(value)[:60]


def parse_json(text: str | bytes) -> Any:
    """`text` as JSON; BadInput("not_json") naming the line and column when it is not."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            "", "not_json", line=error.lineno, column=error.colno, value=error.msg
        ) from error
