"""Bad input answers 422 naming the field, in the caller's language."""

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
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

    # json.loads recurses once per level: `[` a hundred thousand times overflows the stack
    # wherever a body is read (a router's own parsing or ninja's), so it is answered here.
    @api.exception_handler(RecursionError)
    def nested_too_deeply(request: HttpRequest, error: RecursionError) -> HttpResponse:
        with translation.override(language_of(request)):
            message = _("The JSON is nested too deeply.")
        return api.create_response(request, {"detail": [{"loc": "", "msg": message}]}, status=422)
