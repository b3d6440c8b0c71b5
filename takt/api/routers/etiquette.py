"""POST /api/v1/check and /compose: the same as `takt check` and `takt compose`, same contracts."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from takt import etiquette
from takt.api.errors import language_of
from takt.etiquette import BadInput
from takt.etiquette.errors import parse_json
from takt.wording.command import compose_json

router = Router(tags=["etiquette"])

CHECK_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "description": "The check input of GUIDELINES.md: action, side, now, "
                    "interview, reason, alternatives, busy, contact attempts, message, policy.",
                    "required": ["action", "side", "now"],
                    "properties": {
                        "action": {
                            "type": "string",
                            "enum": [
                                "reschedule",
                                "cancel",
                                "followup",
                                "schedule",
                                "position_filled",
                            ],
                        },
                        "side": {"type": "string", "enum": ["candidate", "employer"]},
                        "now": {"type": "string", "format": "date-time"},
                    },
                    "additionalProperties": True,
                }
            }
        },
    }
}


def read_json(request: HttpRequest) -> Any:
    """The request body as JSON; its shape is checked by the etiquette parser."""
    try:
        return parse_json(request.body or b"")
    except UnicodeDecodeError as error:
        raise BadInput("", "not_json", line=1, column=error.start, value=error.reason) from None


@router.post("/check", openapi_extra=CHECK_BODY, summary="Check a situation against the rules")
def check(request: HttpRequest) -> dict[str, Any]:
    """Findings ordered by severity then id; `ok` is false when something blocks."""
    return etiquette.check(read_json(request), language_of(request))


@router.post("/compose", openapi_extra=CHECK_BODY, summary="Compose the messages for a situation")
def compose(request: HttpRequest) -> dict[str, Any]:
    """The check input plus people, company, role, stage and link; drafts even when blocked."""
    return compose_json(read_json(request), language_of(request))
