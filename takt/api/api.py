from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError

from takt.api import errors
from takt.api.auth import AUTH
from takt.api.contracts import component_schemas
from takt.api.routers import (
    actions,
    candidates,
    changes,
    etiquette,
    interviews,
    positions,
    replies,
    webhooks,
    workspaces,
)
from takt.api.webhook_events import openapi_parts


class TaktAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Ninja's schema plus the check and compose contracts, which no handler parses,
        and the webhook events Takt posts."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(component_schemas())
        events, webhooks = openapi_parts()
        schemas.update(events)
        schema["webhooks"] = webhooks
        return schema


api = TaktAPI(
    title="Takt API",
    version="1",
    description="Cancel and reschedule job interviews with tact. The rules are in GUIDELINES.md. "
    "Every action runs the same rules as the web: a blocking finding answers 409 with the "
    'findings; a warning must be acknowledged by its rule id (`"acknowledge": ["notice.short"]`), '
    "else 409 naming it. POSTs take an `Idempotency-Key` header (24 hours). Webhooks: "
    "endpoints per workspace under /workspaces/{id}/webhooks; the events they get are under "
    "`webhooks`, signed as Standard Webhooks.",
    urls_namespace="api-v1",
    auth=AUTH,
)
errors.install(api)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    """Ninja's 400 for a body that is not JSON is bad input like any other: 422, as documented."""
    if error.status_code == 400:
        detail = [{"loc": ["body"], "msg": str(error.message) or "The body is not valid JSON."}]
        return api.create_response(request, {"detail": detail}, status=422)
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


api.add_router("/", etiquette.router)
api.add_router("/", replies.router)
api.add_router("/", workspaces.router)
api.add_router("/", interviews.router)
api.add_router("/", actions.router)
api.add_router("/", changes.router)
api.add_router("/", positions.router)
api.add_router("/", candidates.router)
api.add_router("/", webhooks.router)
