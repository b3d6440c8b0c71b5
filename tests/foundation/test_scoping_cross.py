"""A member of one workspace cannot reach another's objects through the URL of their own.

test_scoping walks every URL with the team's workspace id, which the outsider is
not a member of, so it proves the membership check. This walk puts the
outsider's OWN workspace id in the URL next to the team's object ids: only the
lookup of each object within that workspace (access.interview_for,
position_for, ...) stands between them and the team's data.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from takt.core.models import Membership, Workspace
from takt.core.schedule import schedule_interview
from tests.foundation.scoping_ids import ids_for
from tests.foundation.test_scoping import OUTSIDE, _named_patterns

# Parameters that name an object; a URL with only a workspace id (and a step) is the
# outsider's own page and rightly a 200.
OBJECTS = {
    "interview_id",
    "position_id",
    "change_id",
    "application_id",
    "message_id",
    "source_id",
    "endpoint_id",
    "delivery_id",
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [Workspace.Kind.PERSONAL, Workspace.Kind.TEAM])
def test_own_workspace_id_with_a_foreign_object_id_is_a_404(team, soon, make_user, kind) -> None:
    interview = schedule_interview(
        workspace=team["workspace"],
        counterpart=team["candidate"],
        start=soon(3),
        end=soon(3) + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[team["recruiter"]],
        actor=team["recruiter"],
        position=team["position"],
    )
    ids = ids_for(team, interview)
    outsider = make_user("outsider")
    own = Workspace.objects.create(name="Elsewhere", kind=kind)
    Membership.objects.create(workspace=own, user=outsider, role="owner")
    client = Client()
    client.force_login(outsider)
    walked = []
    for name, pattern in _named_patterns(get_resolver()):
        if name.startswith(OUTSIDE) or name == "home":
            continue
        params = list(pattern.pattern.converters)
        if "workspace_id" not in params or not OBJECTS & set(params):
            continue
        url = reverse(name, kwargs={p: own.pk if p == "workspace_id" else ids[p] for p in params})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 404, (
                f"{method.upper()} {url} gave {response.status_code}"
            )
        walked.append(name)
    assert {"interview", "position", "employer_change", "outbox_message", "webhook_log"} <= set(
        walked
    )
