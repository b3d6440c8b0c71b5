from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from takt.core import access
from takt.core.policy import set_policy
from takt.core.policy_form import PolicyForm
from takt.core.rules import thresholds


@login_required
def policy(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """The workspace's thresholds for the rules, starting from the guide's figures."""
    workspace = access.workspace_for(request, workspace_id)
    current = thresholds(workspace)
    form = PolicyForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        set_policy(workspace, form.overrides(), actor=request.user)
        messages.success(request, _("The settings are saved."))
        return redirect("policy", workspace_id=workspace.pk)
    return render(request, "core/policy.html", {"workspace": workspace, "form": form})
