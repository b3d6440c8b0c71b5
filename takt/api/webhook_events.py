"""The events Takt posts to webhook endpoints, as OpenAPI 3.1 `webhooks` with typed bodies.

Every post is a Standard Webhooks message: headers `webhook-id` (the same on
every retry), `webhook-timestamp` and `webhook-signature` (`v1,<base64
HMAC-SHA256>` of `id.timestamp.body` with the endpoint's `whsec_` secret; two
of them, space-separated, for 24 hours after a rotation). Answer 2xx within
10 seconds; anything else is tried again for about a day.
"""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from takt.core.events import KINDS


class _Closed(BaseModel):
    # A field Takt posts but the schema does not name is a test failure, not a surprise.
    model_config = ConfigDict(extra="forbid")


class EventInterview(_Closed):
    id: int
    uid: str = Field(description="The iCalendar UID: the same for the interview's whole life.")
    status: Literal["scheduled", "reschedule_pending", "cancelled", "completed"]
    start: datetime
    end: datetime
    timezone: str
    title: str
    sequence: int = Field(description="The iCalendar SEQUENCE, up on every change.")
    position_id: int | None
    application_id: int | None


class EventChange(_Closed):
    id: int
    kind: Literal["reschedule", "cancel"]
    side: Literal["candidate", "employer"]
    state: Literal["draft", "contacting", "sent", "agreed", "declined", "withdrawn"]
    reason_category: str
    reason_text: str
    emergency: bool


class EventSpan(_Closed):
    start: datetime
    end: datetime


class EventPosition(_Closed):
    id: int
    title: str
    status: Literal["open", "filled", "closed"]


class AboutInterview(_Closed):
    workspace_id: int
    interview: EventInterview


class Rescheduled(AboutInterview):
    previous: EventSpan = Field(description="The time it had before.")
    change_id: int | None


class Cancelled(AboutInterview):
    cancelled_by: Literal["seeker", "employer", "candidate"] | None = Field(
        description="The job seeker (personal workspace), the employer, or the team's candidate."
    )
    reason_category: str
    reason_text: str
    emergency: bool
    new_time_sought: bool = Field(
        description="True: new times are offered or promised (a reschedule by cancellation); "
        "false: it is over."
    )
    change_id: int | None


class AboutChange(AboutInterview):
    change: EventChange


class TimePicked(AboutInterview):
    change_id: int
    chosen: EventSpan


class EventReading(BaseModel):
    """What Takt reads in the words (the `reply` contract, REPLIES.md)."""

    model_config = {"extra": "allow"}
    intent: str


class OtherTimesAsked(AboutInterview):
    change_id: int | None
    note: str
    reading: EventReading


class ReplyReceived(OtherTimesAsked):
    channel: Literal["email", "link"]


class AboutPosition(_Closed):
    workspace_id: int
    position: EventPosition


DATA: dict[str, type[BaseModel]] = {
    "interview.scheduled": AboutInterview,
    "interview.rescheduled": Rescheduled,
    "interview.cancelled": Cancelled,
    "change.opened": AboutChange,
    "change.closed": AboutChange,
    "candidate.time_picked": TimePicked,
    "candidate.other_times_asked": OtherTimesAsked,
    "candidate.reply_received": ReplyReceived,
    "position.filled": AboutPosition,
    "position.closed": AboutPosition,
}
assert set(DATA) == set(KINDS)

_INTERVIEW = {
    "id": 42,
    "uid": "3f9c2d1e-8b7a-4c6d-9e0f-1a2b3c4d5e6f",
    "status": "scheduled",
    "start": "2026-05-12T08:00:00+00:00",
    "end": "2026-05-12T09:00:00+00:00",
    "timezone": "Europe/Stockholm",
    "title": "Backendutvecklare",
    "sequence": 1,
    "position_id": 7,
    "application_id": 19,
}
_CHANGE = {
    "id": 5,
    "kind": "reschedule",
    "side": "employer",
    "state": "sent",
    "reason_category": "conflict",
    "reason_text": "Intervjuaren är bortrest.",
    "emergency": False,
}
_SPAN = {"start": "2026-05-13T12:00:00+00:00", "end": "2026-05-13T13:00:00+00:00"}
_READING: dict[str, Any] = {
    "intent": "propose",
    "chosen": None,
    "windows": [],
    "quote": "fredag efter lunch",
}
_NOTE = {"change_id": 5, "note": "Jag kan på fredag efter lunch.", "reading": _READING}
EXAMPLES: dict[str, dict[str, Any]] = {
    "interview.scheduled": {},
    "interview.rescheduled": {
        "previous": {"start": "2026-05-11T08:00:00+00:00", "end": "2026-05-11T09:00:00+00:00"},
        "change_id": 5,
    },
    "interview.cancelled": {
        "interview": {**_INTERVIEW, "status": "cancelled", "sequence": 2},
        "cancelled_by": "employer",
        "reason_category": "illness",
        "reason_text": "Intervjuaren är sjuk.",
        "emergency": True,
        "new_time_sought": True,
        "change_id": 5,
    },
    "change.opened": {"change": {**_CHANGE, "state": "draft"}},
    "change.closed": {"change": {**_CHANGE, "state": "agreed"}},
    "candidate.time_picked": {"change_id": 5, "chosen": _SPAN},
    "candidate.other_times_asked": _NOTE,
    "candidate.reply_received": {**_NOTE, "channel": "email"},
    "position.filled": {"position": {"id": 7, "title": "Backendutvecklare", "status": "filled"}},
    "position.closed": {"position": {"id": 7, "title": "Backendutvecklare", "status": "closed"}},
}


def _name(kind: str) -> str:
    return "Event" + "".join(part.title() for part in kind.replace(".", "_").split("_"))


def example(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {"workspace_id": 3}
    if not kind.startswith("position."):
        data["interview"] = _INTERVIEW
    data.update(EXAMPLES[kind])
    return {"type": kind, "timestamp": "2026-05-04T08:00:00+00:00", "data": data}


def openapi_parts() -> tuple[dict[str, Any], dict[str, Any]]:
    """(component schemas, the `webhooks` object): one typed, exemplified body per event."""
    components: dict[str, Any] = {}
    webhooks: dict[str, Any] = {}
    for kind in KINDS:
        name = _name(kind)
        envelope = {
            "title": name,
            "type": "object",
            "required": ["type", "timestamp", "data"],
            "properties": {
                "type": {"const": kind},
                "timestamp": {"type": "string", "format": "date-time"},
                "data": {"$ref": f"#/components/schemas/{name}Data"},
            },
            "examples": [example(kind)],
        }
        data = DATA[kind].model_json_schema(ref_template="#/components/schemas/{model}")
        for sub, schema in data.pop("$defs", {}).items():
            components[sub] = schema
        components[f"{name}Data"] = data
        components[name] = envelope
        webhooks[kind] = {
            "post": {
                "summary": kind,
                "description": __doc__,
                "parameters": [
                    {"name": header, "in": "header", "required": True, "schema": {"type": "string"}}
                    for header in ("webhook-id", "webhook-timestamp", "webhook-signature")
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{name}"},
                            "example": example(kind),
                        }
                    },
                },
                "responses": {"2XX": {"description": "Received; anything else is retried."}},
            }
        }
    return components, webhooks
