"""The detectors on the held-out part of the corpus, which no tuning looked at.

Goals (issue 17): recall at least 0.9 and false alarms at most 0.02 for each
detector and language. Where a goal is not met yet, its test is marked as an
expected failure with the figure measured when the detectors were last tuned
(strict, so meeting the goal shows up and the mark must go), and a floor at
that figure fails the suite if the detector gets worse. The figures are read
once per round of tuning, at its end; README.md keeps the count of looks.
"""

import pytest

from takt.etiquette.detectors import hits
from tests.etiquette.tone.corpus import Score, score

RECALL_GOAL = 0.9
FALSE_ALARM_GOAL = 0.02

# Held-out figures measured with the patterns and the model as committed: (recall, false
# alarms). Before the model and the negation rules: rude 0.837/0.007 sv, 0.846/0.0 en;
# apology 0.990/0.111 sv, 0.991/0.054 en; interest 0.917/0.054 sv, 0.901/0.062 en. After the
# model (first round): rude 0.887/0.029 sv, 0.893/0.0 en; apology 0.990/0.083 sv, 0.991/0.009
# en; interest 0.958/0.054 sv, 0.951/0.080 en. Second round: rude 0.887/0.007 sv, 0.899/0.0
# en; apology 0.990/0.074 sv, 0.991/0.009 en; interest 0.958/0.054 sv, 0.938/0.045 en. Third
# round: rude 0.908/0.007 sv, 0.886/0.0 en; apology 0.990/0.065 sv, 0.991/0.009 en; interest
# 0.938/0.045 sv, 0.938/0.036 en. Fourth round: rude 0.915/0.015 sv, 0.906/0.0 en; apology
# 0.990/0.065 sv, 0.991/0.0 en; interest 0.958/0.018 sv, 0.914/0.036 en. Fifth round: apology
# 0.990/0.056 sv; interest 0.926/0.036 en; the rest as in the fourth. Sixth round: apology
# 0.990/0.028 sv; interest 0.926/0.045 en; the rest unchanged. Seventh round: apology
# 0.990/0.019 sv; interest 0.938/0.027 en; the rest unchanged.
MEASURED = {
    ("rude", "sv"): (0.915, 0.015),
    ("rude", "en"): (0.906, 0.0),
    ("apology", "sv"): (0.990, 0.009),
    ("apology", "en"): (0.991, 0.0),
    ("interest", "sv"): (0.958, 0.018),
    ("interest", "en"): (0.963, 0.027),
}
# Room for one more sentence either way before a floor counts as a regression.
SLACK = 0.011


def _held(detector: str, lang: str) -> Score:
    return score(
        lambda text, language: bool(hits(detector, text, language)), detector, lang, "held"
    )


def _goal(detector: str, lang: str, which: str) -> object:
    recall, false_alarms = MEASURED[detector, lang]
    met = recall >= RECALL_GOAL if which == "recall" else false_alarms <= FALSE_ALARM_GOAL
    if met:
        return pytest.param(detector, lang)
    figure = recall if which == "recall" else false_alarms
    reason = f"held-out {which} of {detector} in {lang} was {figure} when last tuned"
    return pytest.param(detector, lang, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize(("detector", "lang"), [_goal(*pair, "recall") for pair in MEASURED])
def test_held_out_recall_meets_the_goal(detector: str, lang: str) -> None:
    recall = float(_held(detector, lang).recall)
    assert recall >= RECALL_GOAL


@pytest.mark.parametrize(("detector", "lang"), [_goal(*pair, "false_alarms") for pair in MEASURED])
def test_held_out_false_alarms_meet_the_goal(detector: str, lang: str) -> None:
    false_alarms = float(_held(detector, lang).false_alarm_rate)
    assert false_alarms <= FALSE_ALARM_GOAL


@pytest.mark.parametrize(("detector", "lang"), list(MEASURED))
def test_held_out_figures_do_not_fall_below_what_was_measured(detector: str, lang: str) -> None:
    # Plain numbers only, so that a failing run shows the figures and never the held-out lines
    # (pytest would print a Score with its lists).
    held = _held(detector, lang)
    got_recall, got_false_alarms = float(held.recall), float(held.false_alarm_rate)
    del held
    recall, false_alarms = MEASURED[detector, lang]
    assert got_recall >= recall - SLACK
    assert got_false_alarms <= false_alarms + SLACK
