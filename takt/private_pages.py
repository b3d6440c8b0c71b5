"""Candidates' pages (under /c/) hold personal details: no cache keeps them, no robot lists them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PRIVATE_PREFIXES = ("/c/",)


class PrivatePagesMiddleware:
    """Adds `Cache-Control: private, no-store` and `X-Robots-Tag: noindex` to candidate pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
        return response
