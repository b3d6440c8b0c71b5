"""Every golden reply is read as its line says, and none ever gets a wrong `chosen`."""

from collections import Counter

import pytest

from takt.replies import read_reply
from tests.replies.golden_cases import Golden, load, reading

GOLDEN = load("sv") + load("en")
CLASSES = (
    "accept.weekday", "accept.date", "accept.order", "accept.any", "time.notation", "time.part",
    "time.range", "week", "decline", "withdraw", "unclear.question", "unclear.later",
    "unclear.away", "quoted", "zone", "dst",
)  # fmt: skip


def _param(golden: Golden) -> object:
    marks = [pytest.mark.xfail(reason=golden.known_miss, strict=True)] if golden.known_miss else []
    return pytest.param(golden, id=golden.id, marks=marks)


@pytest.mark.parametrize("golden", [_param(g) for g in GOLDEN])
def test_it_reads_the_golden_reply(golden: Golden) -> None:
    assert reading(read_reply(golden.request)) == golden.expected


def test_no_golden_reply_gets_a_wrong_chosen() -> None:
    wrong = []
    for golden in GOLDEN:
        chosen = read_reply(golden.request)["chosen"]
        if chosen is not None and chosen != golden.expected["chosen"]:
            wrong.append((golden.id, chosen, golden.expected["chosen"]))
    assert wrong == []


def test_the_golden_set_holds_200_replies_in_both_languages_and_every_class() -> None:
    assert len(GOLDEN) >= 200
    for language in ("sv", "en"):
        covered = Counter(g.covers for g in GOLDEN if g.language == language)
        assert all(covered[name] >= 1 for name in CLASSES), (language, covered)
    assert all(any(g.expected["intent"] == i for g in GOLDEN) for i in
               ("accept", "propose", "decline", "withdraw", "unclear"))  # fmt: skip


def test_the_language_is_told_from_the_words_when_not_given() -> None:
    for golden in GOLDEN:
        if golden.known_miss:
            continue
        given = read_reply(golden.request)
        told = read_reply({**golden.request, "language": golden.language})
        assert reading(given) == reading(told), golden.id
