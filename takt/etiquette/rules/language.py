"""One language per message (M2.3: keep it simple): no passage in the other language."""

from takt.etiquette.language import foreign_passages, language_of
from takt.etiquette.model import Finding
from takt.etiquette.rules.base import Situation, rule

_SHOWN = 60  # characters of the passage quoted back; enough to find it in the text


def _quote(passage: str) -> str:
    return f'"{passage}"' if len(passage) <= _SHOWN else f'"{passage[: _SHOWN - 1].rstrip()}…"'


@rule("message.language_mixed")
def language_mixed(sit: Situation) -> Finding | None:
    message = sit.inp.message
    if message is None:
        return None
    # A message without a stated language is taken to be in the language most of it is in.
    language = message.language or language_of(message.text)
    if language is None:
        return None
    foreign = foreign_passages(message.text, language)
    if not foreign:
        return None
    text = sit.say(f"message.language_mixed.{language}", passage=_quote(foreign[0]))
    return sit.finding("message.language_mixed", text)
