"""Reading one reply of 2 KB with a quoted history (figure reply_read_ms, the median).

The own words are a few sentences; the rest is the thread Gmail quotes below
them, as in a real answer to an offer of times.
"""

import statistics
import time
from typing import Any

from takt.replies import read_reply

RUNS = 50

OWN = (
    "Hej Anna!\n\nTack för att ni hörde av er så snabbt. Tisdag går tyvärr inte för mig, "
    "jag har en annan intervju då, men onsdag kl. 13 går bra. Om det skulle krångla kan jag "
    "också fredag efter lunch.\n\nMed vänliga hälsningar\nErik Lind\n070-123 45 67"
)
QUOTED = (
    "Hej Erik!\n\nTack för din ansökan till tjänsten som backendutvecklare på Norrsken AB. "
    "Vi vill gärna träffa dig för en intervju på vårt kontor på Sveavägen. Vi kan erbjuda "
    "tisdag 5 maj kl. 10.00, onsdag 6 maj kl. 13.00 eller torsdag 7 maj kl. 9.00. Intervjun "
    "tar ungefär en timme och du träffar mig och Johan Ek, som leder teamet.\n\nSvara gärna "
    "vilken tid som passar dig bäst, eller föreslå en annan tid nästa vecka om ingen av dessa "
    "fungerar.\n\nVänliga hälsningar\nAnna Berg\nRekryterare, Norrsken AB\n08-555 010 00\n"
)


def _request() -> dict[str, Any]:
    history = "\n".join("> " + line for line in (QUOTED * 4).split("\n"))
    text = f"{OWN}\n\nDen mån 4 maj 2026 kl 08:40 skrev Anna Berg <anna@norrsken.example>:\n"
    text += history
    return {
        "text": text[:2000],  # 2,000 characters, a little over 2 KB in UTF-8
        "received_at": "2026-05-04T09:12:00+02:00",
        "timezone": "Europe/Stockholm",
        "duration_minutes": 60,
        "offered": [
            {"start": "2026-05-05T10:00:00+02:00", "end": "2026-05-05T11:00:00+02:00"},
            {"start": "2026-05-06T13:00:00+02:00", "end": "2026-05-06T14:00:00+02:00"},
            {"start": "2026-05-07T09:00:00+02:00", "end": "2026-05-07T10:00:00+02:00"},
        ],
    }


def run() -> dict[str, dict[str, Any]]:
    request = _request()
    assert 2000 <= len(request["text"].encode()) <= 2200
    # Guard that the benchmark measures a real reading, not an early "unclear".
    answer = read_reply(request)
    assert answer["intent"] == "propose" and len(answer["windows"]) == 2, answer
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        read_reply(request)
        timings.append((time.perf_counter() - began) * 1000)
    return {"reply_read_ms": {"value": round(statistics.median(timings), 3), "unit": "ms"}}
