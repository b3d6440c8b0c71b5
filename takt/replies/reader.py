"""`read_reply`: the `reply` contract of REPLIES.md, JSON in and JSON out."""

from typing import Any

from takt.replies.language import detect
from takt.replies.meaning import understand
from takt.replies.own_words import own_words
from takt.replies.request import ReplyRequest, parse_reply_request
from takt.replies.sentences import sentences


def read_reply(data: Any) -> dict[str, Any]:
    """What the reply in `data` means; BadInput when `data` breaks the contract."""
    return answer(parse_reply_request(data))


def answer(request: ReplyRequest) -> dict[str, Any]:
    """What an already checked request's reply means, as the contract's JSON object."""
    own = own_words(request.text)
    lang = request.language or detect(own)
    said = sentences(own)
    reading = understand(request, said, lang)
    return {
        "intent": reading.intent,
        "chosen": reading.chosen,
        "windows": [
            {"start": w.start.isoformat(), "end": w.end.isoformat()} for w in reading.windows
        ],
        "quote": " ".join(said[n].text for n in reading.quoted).rstrip(".! ").strip(),
    }
