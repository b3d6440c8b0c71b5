from ninja import NinjaAPI

from takt.api import errors
from takt.api.auth import AUTH
from takt.api.routers import etiquette, replies

api = NinjaAPI(
    title="Takt API",
    version="1",
    description="Cancel and reschedule job interviews with tact. The rules are in GUIDELINES.md.",
    urls_namespace="api-v1",
    auth=AUTH,
)
errors.install(api)
api.add_router("/", etiquette.router)
api.add_router("/", replies.router)
