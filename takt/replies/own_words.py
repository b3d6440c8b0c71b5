"""The writer's own words: a reply without its quoted history and signature.

mail-parser-reply knows the header lines that mail clients put above a quoted
message in many languages ("Den 4 maj 2026 kl. 08:40 skrev Anna Berg:", "On
Mon, 4 May 2026 at 08:40, Anna wrote:", Outlook's "Från: … Skickat: …" block),
also when a client wraps them over two lines. Its own idea of where a reply
ends is looser than the contract, so only its header finder is used: the text
is cut at the first header, at the first signature line `--`, and every
line quoted with `>` is left out, as REPLIES.md says and nothing more.
"""

import re
import warnings
from functools import cache

from mailparser_reply.parser import EmailMessage

_SIGNATURE = re.compile(r"^--[ \t]*$", re.MULTILINE)
# Outlook without a localised header in the library: a line of underscores above the block.
_OUTLOOK_RULE = re.compile(
    r"^(?:_{10,}|-{3,} ?(?:ursprungligt meddelande|original message|vidarebefordrat meddelande|"
    r"forwarded message) ?-{3,})[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_HEADER_BLOCK = re.compile(
    r"^[ \t>*]*(?:från|from)[ \t]*:.*\n(?:.*\n){0,3}?"
    r"[ \t>*]*(?:skickat|sent|datum|date)[ \t]*:",
    re.MULTILINE | re.IGNORECASE,
)
_WROTE = re.compile(
    r"^[ \t>]*(?:den|on)\b[^\n]{0,200}?(?:\n[^\n]{0,120}?)?\b(?:skrev|wrote)[ \t]*:?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


_SIGN_OFF = re.compile(
    r"^(?:mvh|m\.v\.h\.?|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|hälsningar|"
    r"bästa hälsningar|best|best regards|kind regards|warm regards|regards|cheers|"
    r"all the best|yours sincerely|sincerely)[,.!]?(?:\s+[\w.-]+){0,3}$|^/\s?\w+$",
    re.IGNORECASE,
)


@cache
def _header_finder() -> re.Pattern[str]:
    with warnings.catch_warnings():
        # Its text clean-up (not used here) calls re.sub in a way Python 3.13 deprecates.
        warnings.simplefilter("ignore", DeprecationWarning)
        return EmailMessage(text="", languages=["sv", "en"]).HEADER_REGEX


def own_words(text: str) -> str:
    """`text` up to the first quoted header or signature, without `>` lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The library's patterns expect lines without leading or trailing blanks.
    text = "\n".join(line.strip() for line in text.split("\n"))
    cut = len(text)
    for pattern in (_SIGNATURE, _OUTLOOK_RULE, _HEADER_BLOCK, _WROTE, _header_finder()):
        found = pattern.search(text)
        if found:
            cut = min(cut, found.start())
    kept = [line for line in text[:cut].split("\n") if not line.startswith(">")]
    for index, line in enumerate(kept):
        if index and _SIGN_OFF.match(line):
            # What follows "Mvh Erik" is a name, a title and a phone number, often with
            # hours in them ("Telefontid 8–10"); they are no answer.
            kept = kept[:index]
            break
    return "\n".join(kept).strip()
