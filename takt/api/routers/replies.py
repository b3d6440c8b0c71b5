"""POST /api/v1/reply: the same as `takt reply`, to the contract of REPLIES.md."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from takt.api.schemas import Invalid, Problem
from takt.etiquette import BadInput
from takt.etiquette.errors import parse_json
from takt.replies import read_reply

router = Router(tags=["replies"])

REPLY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "description": "The reply input of REPLIES.md: the text as written, when "
                    "and in which zone, the meeting's length and the times offered.",
                    "required": ["text", "received_at", "timezone", "duration_minutes"],
                    "properties": {
                        "text": {"type": "string"},
                        "language": {"type": "string", "enum": ["sv", "en"]},
                        "received_at": {"type": "string", "format": "date-time"},
                        "timezone": {"type": "string"},
                        "duration_minutes": {"type": "integer", "minimum": 1},
                        "offered": {"type": "array", "items": {"type": "object"}},
                        "hours": {"type": "object"},
                    },
                    "additionalProperties": False,
                }
            }
        },
    }
}


@router.post(
    "/reply",
    openapi_extra=REPLY_BODY,
    response={200: dict[str, Any], 401: Problem, 422: Invalid},
    summary="Read an answer in words",
)
def reply(request: HttpRequest) -> dict[str, Any]:
    """Intent, the offered time chosen, the windows proposed, and the words it rests on."""
    try:
        data = parse_json(request.body or b"")
    except UnicodeDecodeError as error:
        raise BadInput("", "not_json", line=1, column=error.start, value=error.reason) from None
    return read_reply(data)
