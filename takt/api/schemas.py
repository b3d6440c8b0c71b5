"""The typed shapes of the API: what the OpenAPI schema shows as its component schemas."""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from takt.api.types import Moment
from takt.core.models import Change, Interview, Person, Position
from takt.core.rules import Finding, Unacknowledged

Lang = Literal["sv", "en"]
ReasonCategory = Literal[
    "illness",
    "family",
    "conflict",
    "travel",
    "leisure",
    "other_offer",
    "not_interested",
    "emergency",
    "position_filled",
    "other",
]
Acknowledge = list[str]
ACKNOWLEDGE: Any = Field(
    default_factory=list,
    description="Rule ids of the warnings the caller has read and goes past.",
    examples=[["notice.short"]],
)


class Body(Schema):
    """A request body: types as written (no "5" for 5), and no field the API does not know,
    so that a misspelt `acknowledge` is an error rather than a warning silently kept."""

    model_config = ConfigDict(strict=True, extra="forbid")


class FindingOut(Schema):
    """One finding, in the check contract's shape (GUIDELINES.md)."""

    rule: str = Field(examples=["notice.short"])
    severity: Literal["block", "warn", "advice"]
    source: str = Field(examples=["M1.2"])
    message: str


class Problem(Schema):
    """Why a request was refused (401, 404, 409 other than the rules)."""

    detail: str


class Refusal(Schema):
    """The rules stop the action (409); nothing was written.

    `unacknowledged` names the warnings to acknowledge by id and send again;
    it is empty when something blocks.
    """

    detail: str = Field(examples=["blocked"])
    findings: list[FindingOut]
    unacknowledged: list[str] = Field(default_factory=list, examples=[["notice.short"]])


class FieldError(Schema):
    loc: str | int | list[str | int]
    msg: str


class Invalid(Schema):
    """Bad input (422), naming the field, in the caller's language."""

    detail: list[FieldError]


class Span(Schema):
    start: datetime = Field(examples=["2026-05-12T10:00:00+02:00"])
    end: datetime = Field(examples=["2026-05-12T11:00:00+02:00"])


def findings_json(findings: list[Finding]) -> list[dict[str, str]]:
    return [f.as_json() for f in findings]


def findings_out(findings: list[Finding]) -> list["FindingOut"]:
    return [FindingOut.model_validate(f.as_json()) for f in findings]


def refusal(error: Exception) -> dict[str, object]:
    """The 409 body for Blocked / Unacknowledged: the findings as the check contract has them."""
    findings = list(getattr(error, "findings", []))
    return {
        "detail": str(error) or "refused",
        "findings": findings_json(findings),
        "unacknowledged": list(error.rules) if isinstance(error, Unacknowledged) else [],
    }


class PersonOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    language: str
    timezone: str

    @staticmethod
    def of(person: Person) -> "PersonOut":
        return PersonOut(
            id=person.pk,
            name=person.name,
            email=person.email,
            phone=person.phone,
            language=person.language,
            timezone=person.timezone,
        )


class InterviewOut(Schema):
    id: int
    uid: str
    status: Literal["scheduled", "reschedule_pending", "cancelled", "completed"]
    start: datetime
    end: datetime
    timezone: str = Field(examples=["Europe/Stockholm"])
    title: str
    position_id: int | None
    application_id: int | None
    counterpart: PersonOut
    location: str
    video_link: str
    sequence: int
    updated_at: datetime
    findings: list[FindingOut] = Field(
        default_factory=list, description="What the rules said about the action just taken."
    )

    @staticmethod
    def of(interview: Interview, findings: list[Finding] | None = None) -> "InterviewOut":
        return InterviewOut(
            id=interview.pk,
            uid=interview.uid,
            status=interview.status,  # type: ignore[arg-type]
            start=interview.start,
            end=interview.end,
            timezone=interview.timezone,
            title=interview.title,
            position_id=interview.position_id,
            application_id=interview.application_id,
            counterpart=PersonOut.of(interview.counterpart),
            location=interview.location,
            video_link=interview.video_link,
            sequence=interview.sequence,
            updated_at=interview.updated_at,
            findings=findings_out(findings or []),
        )


class InterviewPage(Schema):
    items: list[InterviewOut]
    next_cursor: str = Field(description="Pass as `cursor` for the next page; empty at the end.")


class ChangeOut(Schema):
    id: int
    interview_id: int
    kind: Literal["reschedule", "cancel"]
    side: Literal["candidate", "employer"]
    state: Literal["draft", "contacting", "sent", "agreed", "declined", "withdrawn"]
    reason_category: str
    reason_text: str
    emergency: bool
    alternatives: list[Span]
    findings: list[FindingOut] = Field(description="The findings shown when it last moved on.")
    overridden: list[str] = Field(description="The warnings gone past, by rule id.")
    sent_at: datetime | None
    updated_at: datetime

    @staticmethod
    def of(change: Change) -> "ChangeOut":
        return ChangeOut(
            id=change.pk,
            interview_id=change.interview_id,
            kind=change.kind,  # type: ignore[arg-type]
            side=change.side,  # type: ignore[arg-type]
            state=change.state,  # type: ignore[arg-type]
            reason_category=change.reason_category,
            reason_text=change.reason_text,
            emergency=change.emergency,
            alternatives=[Span(start=a.start, end=a.end) for a in change.alternatives.all()],
            findings=[FindingOut.model_validate(f) for f in change.findings or []],
            overridden=sorted({str(o["rule"]) for o in change.overridden or []}),
            sent_at=change.sent_at,
            updated_at=change.updated_at,
        )


class PositionOut(Schema):
    id: int
    title: str
    status: Literal["open", "filled", "closed"]

    @staticmethod
    def of(position: Position) -> "PositionOut":
        return PositionOut(id=position.pk, title=position.title, status=position.status)  # type: ignore[arg-type]


class SpanIn(Body):
    """A time offered: start and end with their offsets."""

    start: Moment
    end: Moment
