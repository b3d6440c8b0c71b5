"""A workspace's webhooks: the endpoints (add, rotate, switch, delete) and their logs.

The POST-only views look the workspace and endpoint up before the method: to
a stranger every URL is the same 404, whatever the method.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from takt.core.access import workspace_for
from takt.webhooks import services
from takt.webhooks.forms import LABELS, EndpointForm
from takt.webhooks.models import Delivery, Endpoint
from takt.webhooks.signing import payload
from takt.webhooks.targets import BadTarget

LOG = 50


def _endpoint(request: HttpRequest, workspace_id: int, endpoint_id: int) -> Endpoint:
    workspace = workspace_for(request, workspace_id)
    return get_object_or_404(Endpoint, pk=endpoint_id, workspace=workspace)


def _list(
    request: HttpRequest, workspace_id: int, form: EndpointForm, status: int = 200
) -> HttpResponse:
    workspace = workspace_for(request, workspace_id)
    endpoints = list(Endpoint.objects.filter(workspace=workspace))
    for endpoint in endpoints:
        endpoint.labels = [LABELS[kind] for kind in endpoint.events]  # type: ignore[attr-defined]
    return render(
        request,
        "webhooks/endpoint_list.html",
        {"workspace": workspace, "endpoints": endpoints, "form": form},
        status=status,
    )


@login_required
def endpoint_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    return _list(request, workspace_id, EndpointForm())


@login_required
def endpoint_add(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = workspace_for(request, workspace_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = EndpointForm(request.POST)
    if form.is_valid():
        try:
            endpoint = services.add_endpoint(
                workspace,
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
                description=form.cleaned_data["description"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except BadTarget as error:
            form.add_error("url", str(error))
        else:
            return _secret(request, endpoint, added=True)
    return _list(request, workspace_id, form, status=422)


def _secret(request: HttpRequest, endpoint: Endpoint, *, added: bool) -> HttpResponse:
    """The one page that shows the secret; it is never shown again."""
    page = render(
        request,
        "webhooks/secret.html",
        {"workspace": endpoint.workspace, "endpoint": endpoint, "added": added},
    )
    page["Cache-Control"] = "no-store"
    return page


@login_required
def endpoint_rotate(request: HttpRequest, workspace_id: int, endpoint_id: int) -> HttpResponse:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    rotated = services.rotate_secret(endpoint, actor=request.user)  # type: ignore[arg-type]
    return _secret(request, rotated, added=False)


@login_required
def endpoint_switch(request: HttpRequest, workspace_id: int, endpoint_id: int) -> HttpResponse:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    on = request.POST.get("enabled") == "on"
    try:
        services.set_enabled(endpoint, on, actor=request.user)  # type: ignore[arg-type]
    except BadTarget as error:
        messages.error(request, str(error))
    else:
        done = _("%(url)s is switched on.") if on else _("%(url)s is switched off.")
        messages.success(request, done % {"url": endpoint.url})
    return redirect("webhooks", endpoint.workspace_id)


@login_required
def endpoint_delete(request: HttpRequest, workspace_id: int, endpoint_id: int) -> HttpResponse:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.delete_endpoint(endpoint, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("%(url)s is deleted.") % {"url": endpoint.url})
    return redirect("webhooks", workspace_id)


@login_required
def endpoint_log(request: HttpRequest, workspace_id: int, endpoint_id: int) -> HttpResponse:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    deliveries = list(endpoint.deliveries.select_related("event").prefetch_related("tries")[:LOG])
    for delivery in deliveries:
        delivery.body = json.dumps(payload(delivery.event), indent=2, ensure_ascii=False)  # type: ignore[attr-defined]
        delivery.label = LABELS.get(delivery.event.kind, delivery.event.kind)  # type: ignore[attr-defined]
    return render(
        request,
        "webhooks/endpoint_log.html",
        {"workspace": endpoint.workspace, "endpoint": endpoint, "deliveries": deliveries},
    )


@login_required
def delivery_send_again(
    request: HttpRequest, workspace_id: int, endpoint_id: int, delivery_id: int
) -> HttpResponse:
    endpoint = _endpoint(request, workspace_id, endpoint_id)
    delivery = get_object_or_404(Delivery, pk=delivery_id, endpoint=endpoint)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.send_again(delivery, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("It will be sent again in a moment."))
    return redirect("webhook_log", workspace_id, endpoint.pk)
