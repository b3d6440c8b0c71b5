"""The check and compose contracts of GUIDELINES.md as typed models, for the OpenAPI schema.

The etiquette parser stays the one judge of the input (its errors name the
field in the caller's language), so these models describe the body rather than
parse it. Every field the parser reads is here, and nothing else:
`additionalProperties` is false, as the parser refuses unknown fields.
"""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from takt.api.schemas import FindingOut, ReasonCategory
from takt.api.types import ZoneName

Channel = Literal["phone", "voicemail", "email", "sms", "in_person"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckInterview(_Strict):
    start: datetime | None = None
    end: datetime | None = None
    timezone: ZoneName | None = None
    times_rescheduled_by_side: int | None = Field(None, ge=0)


class Interval(_Strict):
    start: datetime
    end: datetime


class Reason(_Strict):
    category: ReasonCategory | None = None
    text: str | None = None


class Attempt(_Strict):
    channel: Channel
    outcome: Literal["reached", "no_answer", "left_message", "sent", "failed"]
    at: datetime | None = None


class CandidateState(_Strict):
    id: str
    informed: bool
    channel: Channel | None = None
    name: str | None = None


class MessageIn(_Strict):
    language: Literal["sv", "en"] | None = None
    text: str | None = None


class PolicyIn(_Strict):
    min_notice_hours: float | None = Field(None, gt=0, le=1e6)
    max_delay_hours: float | None = Field(None, gt=0, le=1e6)
    max_reason_words: int | None = Field(None, gt=0, le=1_000_000)
    min_alternatives_candidate: int | None = Field(None, gt=0, le=1000)
    min_alternatives_employer: int | None = Field(None, gt=0, le=1000)
    phone_attempts_before_message: int | None = Field(None, gt=0, le=1000)
    followup_hours: float | None = Field(None, gt=0, le=1e6)


class CheckInput(_Strict):
    """A situation to check (GUIDELINES.md, the check contract)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "action": "reschedule",
                    "side": "candidate",
                    "now": "2026-03-28T08:30:00+01:00",
                    "interview": {
                        "start": "2026-03-29T09:00:00+02:00",
                        "end": "2026-03-29T10:00:00+02:00",
                        "timezone": "Europe/Stockholm",
                    },
                    "reason": {"category": "conflict", "text": "Jag är kallad som vittne."},
                    "alternatives": [
                        {"start": "2026-03-31T10:00:00+02:00", "end": "2026-03-31T11:00:00+02:00"}
                    ],
                }
            ]
        },
    )

    action: Literal["reschedule", "cancel", "followup", "schedule", "position_filled"]
    side: Literal["candidate", "employer"] | None = Field(
        None, description="Needed for every action but position_filled (always the employer)."
    )
    now: datetime | None = None
    interview: CheckInterview | None = Field(None, description="Needed (start, end) for schedule.")
    known_since: datetime | None = None
    reason: Reason | None = None
    other_plans_movable: bool | None = None
    emergency: bool | None = None
    alternatives: list[Interval] | None = None
    busy: list[Interval] | None = Field(None, description="null: no calendar is connected.")
    phone_known: bool | None = None
    contact_attempts: list[Attempt] | None = None
    channel: Channel | None = None
    message: MessageIn | None = None
    contacted_at: datetime | None = None
    followup_sent_at: datetime | None = None
    candidates: list[CandidateState] | None = None
    policy: PolicyIn | None = None


class Party(_Strict):
    name: str
    email: str | None = None
    phone: str | None = None
    language: Literal["sv", "en"] | None = None
    timezone: ZoneName | None = None
    locale: str | None = None


class People(_Strict):
    candidate: Party
    contact: Party


class RoleTitles(_Strict):
    sv: str | None = None
    en: str | None = None


class ComposeInput(CheckInput):
    """The check input plus the people and the words around them (the compose contract)."""

    people: People
    company: str
    role: str | RoleTitles = Field(description="The title, or one per language.")
    stage: Literal["applied", "booked", "interviewed"] | None = None
    link: str | None = None


class CheckOutput(BaseModel):
    ok: bool
    findings: list[FindingOut]


class Composed(BaseModel):
    kind: Literal["phone_script", "voicemail_script", "email", "followup_email"]
    language: Literal["sv", "en"]
    text: str
    to: str | None = None
    subject: str | None = None
    html: str | None = None
    aside_language: Literal["sv", "en"] | None = Field(
        None, description="A script's asides to the caller, in the caller's language."
    )


class ComposeOutput(CheckOutput):
    messages: list[Composed]


def request_body(model: type[BaseModel]) -> dict[str, object]:
    """openapi_extra naming the model's component as the required JSON body."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}}}


def component_schemas() -> dict[str, object]:
    """The request models and everything they refer to, as OpenAPI components."""
    _, top = models_json_schema(
        [(CheckInput, "validation"), (ComposeInput, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    return dict(top.get("$defs", {}))
