"""Swedish or English, told from the words when the caller does not say."""

import re

# Common words of each language in replies like these; one string reads better than a list.
_SV = frozenset(
    """och jag inte det går bra passar tack hej kan på med för vi är mvh hälsningar tyvärr
    eller kl klockan någon ingen att som den har vill gärna funkar fungerar alternativ
    måndag tisdag onsdag torsdag fredag lördag söndag maj juni förmiddag eftermiddag
    vecka nästa idag morgon du ni mig tid tiden tider båda alla ja nej okej vilken helst
    tar första andra sista går""".split()  # noqa: SIM905
)
_EN = frozenset(
    """the and i not works work thanks thank hi hello can on with for we is regards
    unfortunately or at any none would could that this it you me my be will option
    monday tuesday wednesday thursday friday saturday sunday may june morning afternoon
    week next today tomorrow time times best dear both are fine good please suits suit
    of them those these sorry yes no sounds great perfect i'm i've i'll let's either
    whichever first second last option""".split()  # noqa: SIM905
)


def detect(text: str) -> str:
    """Swedish ("sv") or English ("en"): the language with more of its common words in `text`."""
    words = re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))
    swedish = sum(word in _SV for word in words) + 2 * len(re.findall(r"[åäö]", text.lower()))
    english = sum(word in _EN for word in words)
    return "en" if english > swedish else "sv"
