from django.urls import URLPattern, path

from takt.api import tokens

urlpatterns: list[URLPattern] = [
    path("", tokens.tokens, name="api_tokens"),
    path("<int:token_id>/revoke/", tokens.revoke, name="api_token_revoke"),
]
