"""The tone detectors on the held-out part of the corpus: recall and false alarms per language.

Goals (issue 17): recall at least 0.9 and false alarms at most 0.02 for each
detector and language. Also the time to read one message with all three.
"""

import statistics
import time
from typing import Any

from takt.etiquette.detectors import hits
from tests.etiquette.tone.corpus import DETECTORS, LANGUAGES, lines, score

RUNS = 5


def _found(detector: str) -> Any:
    return lambda text, lang: bool(hits(detector, text, lang))


def _read_all_us() -> float:
    """Microseconds to run the three detectors over one held-out sentence, median of runs."""
    sample = [
        (line.text, lang)
        for detector in DETECTORS
        for lang in LANGUAGES
        for line in lines(detector, lang, "held")
    ]
    timings = []
    for run in range(RUNS):
        # A new suffix each run, so no cached reading of a sentence is reused.
        texts = [(f"{text} ({run})", lang) for text, lang in sample]
        began = time.perf_counter()
        for text, lang in texts:
            for detector in DETECTORS:
                hits(detector, text, lang)
        timings.append((time.perf_counter() - began) * 1e6 / len(texts))
    return round(statistics.median(timings), 1)


def run() -> dict[str, dict[str, Any]]:
    figures: dict[str, dict[str, Any]] = {}
    for detector in DETECTORS:
        for lang in LANGUAGES:
            held = score(_found(detector), detector, lang, "held")
            figures[f"tone_{detector}_recall_{lang}"] = {
                "value": round(held.recall, 3),
                "unit": f"of {held.present} held-out",
            }
            figures[f"tone_{detector}_false_alarm_{lang}"] = {
                "value": round(held.false_alarm_rate, 3),
                "unit": f"of {held.absent} held-out",
            }
    figures["tone_read_one_message_us"] = {"value": _read_all_us(), "unit": "µs"}
    return figures
