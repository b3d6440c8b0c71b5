"""POST /api/v1/check and /compose: the same as `takt check` and `takt compose`, same contracts.

The body is read by the etiquette parser itself (its errors name the field in
the caller's language); the typed models in contracts.py describe it.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from takt import etiquette
from takt.api.contracts import (
    CheckInput,
    CheckOutput,
    ComposeInput,
    ComposeOutput,
    request_body,
)
from takt.api.errors import language_of
from takt.api.schemas import Invalid, Problem
from takt.etiquette import BadInput
from takt.etiquette.errors import parse_json
from takt.wording.command import compose_json

router = Router(tags=["etiquette"])


def read_json(request: HttpRequest) -> Any:
    """The request body as JSON; its shape is checked by the etiquette parser."""
    try:
        return parse_json(request.body or b"")
    except UnicodeDecodeError as error:
        raise BadInput("", "not_json", line=1, column=error.start, value=error.reason) from None


@router.post(
    "/check",
    openapi_extra=request_body(CheckInput),
    response={200: CheckOutput, 401: Problem, 422: Invalid},
    summary="Check a situation against the rules",
)
def check(request: HttpRequest) -> dict[str, Any]:
    """Findings ordered by severity then id; `ok` is false when something blocks."""
    return etiquette.check(read_json(request), language_of(request))


@router.post(
    "/compose",
    openapi_extra=request_body(ComposeInput),
    response={200: ComposeOutput, 401: Problem, 422: Invalid},
    summary="Compose the messages for a situation",
    exclude_unset=True,
)
def compose(request: HttpRequest) -> dict[str, Any]:
    """The check input plus people, company, role, stage and link; drafts even when blocked."""
    return compose_json(read_json(request), language_of(request))
