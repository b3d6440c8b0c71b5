"""Bad input answers 422 naming the field, in the caller's language."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from takt.etiquette import BadInput


def language_of(request: HttpRequest) -> str:
    asked = request.GET.get("lang") or getattr(request, "LANGUAGE_CODE", "sv")
    return "en" if str(asked).startswith("en") else "sv"


def install(api: NinjaAPI) -> None:
    @api.exception_handler(BadInput)
    def bad_input(request: HttpRequest, error: BadInput) -> HttpResponse:
        lang = language_of(request)
        return api.create_response(
            request,
            {"detail": [{"loc": error.field, "msg": error.message(lang)}]},
            status=422,
        )
