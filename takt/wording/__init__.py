"""Pure wording: the messages people send when an interview moves, in Swedish and English."""

from takt.wording.compose import (
    candidate_cancel,
    candidate_followup,
    candidate_reschedule,
    category_sentence,
    compose,
    confirm_cancellation,
    confirm_time,
    employer_cancel,
    employer_reschedule,
    position_filled,
    reason_in,
    reason_sentence,
)
from takt.wording.situation import (
    ComposedMessage,
    Interview,
    Party,
    Reason,
    Situation,
    Slot,
)

__all__ = [
    "ComposedMessage",
    "Interview",
    "Party",
    "Reason",
    "Situation",
    "Slot",
    "candidate_cancel",
    "candidate_followup",
    "candidate_reschedule",
    "category_sentence",
    "compose",
    "confirm_cancellation",
    "confirm_time",
    "employer_cancel",
    "employer_reschedule",
    "position_filled",
    "reason_in",
    "reason_sentence",
]
