"""The facts a message is written from: who, what, when and why. Plain data, no behaviour."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

LANGUAGES = ("sv", "en")
SIDES = ("candidate", "employer")
STAGES = ("applied", "booked", "interviewed")


@dataclass(frozen=True)
class Party:
    """One person in the conversation: the candidate or the employer's contact."""

    name: str
    email: str | None = None
    phone: str | None = None
    language: str = "sv"
    timezone: str | None = None  # None: the interview's zone
    # How dates read: "sv-SE", "en-GB" or "en-US"; None: from the language and the zone.
    locale: str | None = None


@dataclass(frozen=True)
class Slot:
    """A span of time: an alternative offered, or the time agreed."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Interview:
    """The interview being talked about, in the zone where it takes place."""

    start: datetime
    end: datetime
    timezone: str
    location: str | None = None


@dataclass(frozen=True)
class Reason:
    """Why the change is needed; `category` as in the check contract."""

    category: str = "other"
    text: str | None = None


@dataclass(frozen=True)
class Situation:
    """Everything the composer needs for one change to one interview."""

    candidate: Party
    contact: Party
    company: str
    # The position's title: one string, or one per language ({"sv": ..., "en": ...}).
    role: str | Mapping[str, str]
    interview: Interview
    reason: Reason = field(default_factory=Reason)
    alternatives: tuple[Slot, ...] = ()
    emergency: bool = False
    stage: str = "booked"
    link: str | None = None
    agreed: Slot | None = None  # the new time, once one is agreed
    # The interview was already called off (and they were told): new times come later.
    already_cancelled: bool = False
    # When the message is written: an interview today or tomorrow says so, and one
    # under `min_notice_hours` away makes the message apologise for the short notice.
    now: datetime | None = None
    min_notice_hours: float = 24.0

    def party(self, side: str) -> Party:
        """The candidate for "candidate", the contact for "employer"."""
        if side == "candidate":
            return self.candidate
        if side == "employer":
            return self.contact
        raise ValueError(f"unknown side: {side!r}")


def other_side(side: str) -> str:
    """The side across the table."""
    if side not in SIDES:
        raise ValueError(f"unknown side: {side!r}")
    return "employer" if side == "candidate" else "candidate"


# Starts each line of a script that translates the line above for the caller.
ASIDE = "\N{DOWNWARDS ARROW WITH TIP RIGHTWARDS} "


@dataclass(frozen=True)
class ComposedMessage:
    """One ready draft: a script to read aloud or an e-mail to send."""

    kind: str  # phone_script, voicemail_script, email, followup_email
    language: str
    text: str
    to: str | None = None
    subject: str | None = None
    html: str | None = None
    # A script is in the call's language; when the sender speaks another, each line said
    # is followed by one starting with ASIDE in the sender's language.
    aside_language: str | None = None
    # A script's lines said aloud, without the directions and asides for the caller.
    spoken: str | None = None

    @property
    def said(self) -> str:
        """What the recipient reads or hears: an e-mail's text, a script's spoken lines."""
        return self.text if self.spoken is None else self.spoken
