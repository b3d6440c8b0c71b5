"""Scripts to read aloud: said in the recipient's language, with the caller's beside.

A phone or voicemail script is said to the recipient, so its lines are in the
recipient's language. When the caller speaks another, each line said is followed
by an aside (ASIDE) giving it in the caller's language, and the directions for
the caller ("1. Say who you are:") are in the caller's language alone. In a
script template a direction is a line starting with DIRECTION.
"""

from takt.wording.render import render_text, template_name
from takt.wording.situation import ASIDE, ComposedMessage, Situation
from takt.wording.voice import context, voice

DIRECTION = "> "


def script(situation: Situation, sender_side: str, folder: str, kind: str) -> ComposedMessage:
    """A phone or voicemail script: said in the recipient's language, read by the sender."""
    said_voice = voice(situation, sender_side, "recipient")
    own_voice = voice(situation, sender_side, "sender")
    said = render_text(
        template_name(said_voice.language, folder, kind), context(situation, said_voice)
    )
    spoken = "\n".join(line for line in said.split("\n") if not line.startswith(DIRECTION))
    if own_voice.language == said_voice.language:
        return ComposedMessage(
            kind=kind, language=said_voice.language, text=with_asides(said), spoken=spoken.strip()
        )
    own = render_text(
        template_name(own_voice.language, folder, kind), context(situation, own_voice)
    )
    return ComposedMessage(
        kind=kind,
        language=said_voice.language,
        text=with_asides(said, own),
        aside_language=own_voice.language,
        spoken=spoken.strip(),
    )


def with_asides(said: str, own: str | None = None) -> str:
    """The script's lines: directions in the caller's language, each line said with its aside.

    The Swedish and English script templates have the same lines in the same order,
    so line n of one is line n of the other.
    """
    said_lines = said.split("\n")
    own_lines = own.split("\n") if own is not None else said_lines
    if len(own_lines) != len(said_lines):
        raise ValueError("the script's templates in the two languages differ in their lines")
    lines: list[str] = []
    for line, own_line in zip(said_lines, own_lines, strict=True):
        if line.startswith(DIRECTION) != own_line.startswith(DIRECTION):
            raise ValueError(f"a direction in one language is said in the other: {line!r}")
        if line.startswith(DIRECTION):
            lines.append(own_line.removeprefix(DIRECTION))
            continue
        lines.append(line)
        if own is not None and line:
            lines.append(ASIDE + own_line.removeprefix("- "))
    return "\n".join(lines)
