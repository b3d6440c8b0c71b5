"""The API tokens page: a person lists, creates (the key shown once) and revokes their own."""

from datetime import timedelta
from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from takt.api.models import ApiToken

LIFETIMES = [
    ("30", gettext_lazy("30 days")),
    ("90", gettext_lazy("90 days")),
    ("365", gettext_lazy("One year")),
    ("", gettext_lazy("Until I revoke it")),
]


def _one_line(value: str) -> None:
    if any(not char.isprintable() for char in value):
        raise forms.ValidationError(gettext_lazy("Write the name on one line."))


class NewTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        validators=[_one_line],
        help_text=gettext_lazy("What uses it, such as “my calendar script”."),
    )
    lifetime = forms.ChoiceField(
        label=gettext_lazy("Expires after"), choices=LIFETIMES, initial="90", required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def _me(request: HttpRequest) -> User:
    # login_required has made sure of it.
    return cast(User, request.user)


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The person's tokens; a POST creates one and shows its key on this answer only."""
    form = NewTokenForm(request.POST or None)
    key = None
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["lifetime"]
        expires = timezone.now() + timedelta(days=int(days)) if days else None
        _token, key = ApiToken.issue(request.user, form.cleaned_data["name"], expires)
        form = NewTokenForm()
    mine = ApiToken.objects.filter(user=_me(request)).order_by("-created_at", "-pk")
    response = render(
        request,
        "api/tokens.html",
        {"form": form, "key": key, "tokens": mine, "now": timezone.now()},
    )
    # The key is on this page once: no cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Delete one of the person's own tokens; another's is not found."""
    token = get_object_or_404(ApiToken, pk=token_id, user=_me(request))
    token.delete()
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api_tokens")
