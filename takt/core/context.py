from django.http import HttpRequest

from takt.core.models import Workspace


def workspaces(request: HttpRequest) -> dict[str, object]:
    """The signed-in user's workspaces, for the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_workspaces": []}
    return {"my_workspaces": list(Workspace.objects.filter(members=user).order_by("kind", "name"))}
