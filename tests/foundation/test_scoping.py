"""A user of one workspace gets 404 for every object of another, on every URL the app has."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from takt.core.models import Membership, Workspace

# URLs outside the workspaces: sign-in, language, admin (staff only), the API and a
# person's own API tokens (own tests: tests/security/test_api_tokens.py).
OUTSIDE = ("login", "logout", "set_language", "admin:", "api-", "api_token")


def _named_patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found += _named_patterns(entry, namespace)
        elif entry.name:
            found.append((prefix + entry.name, entry))
    return found


@pytest.fixture
def foreign_client(make_user) -> Client:
    outsider = make_user("outsider")
    own = Workspace.objects.create(name="Elsewhere", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=own, user=outsider)
    client = Client()
    client.force_login(outsider)
    return client


@pytest.mark.django_db
def test_every_workspace_url_is_a_404_for_a_foreign_user(
    team, soon, book_interview, foreign_client
) -> None:
    interview = book_interview(soon(3), position=team["position"])
    from tests.foundation.scoping_ids import ids_for

    ids = ids_for(team, interview)
    walked = []
    for name, pattern in _named_patterns(get_resolver()):
        if name.startswith(OUTSIDE) or name == "home":
            continue
        params = list(pattern.pattern.converters)
        missing = [p for p in params if p not in ids]
        assert not missing, f"{name}: add an object for {missing} to scoping_ids.py"
        url = reverse(name, kwargs={p: ids[p] for p in params})
        for method in ("get", "post"):
            response = getattr(foreign_client, method)(url)
            assert response.status_code == 404, (
                f"{method.upper()} {url} gave {response.status_code}"
            )
        walked.append(name)
    assert {"dashboard", "interview", "positions", "position"} <= set(walked)


@pytest.mark.django_db
def test_a_member_sees_the_same_pages(team, soon, book_interview) -> None:
    client = Client()
    client.force_login(team["recruiter"])
    workspace = team["workspace"]
    interview = book_interview(soon(3))
    for url in (
        reverse("dashboard", args=[workspace.pk]),
        interview.get_absolute_url(),
        reverse("positions", args=[workspace.pk]),
        reverse("position", args=[workspace.pk, team["position"].pk]),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(team) -> None:
    response = Client().get(reverse("dashboard", args=[team["workspace"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_the_interview_page_shows_the_notice_findings_that_apply_now(
    team, soon, book_interview
) -> None:
    from django.utils import timezone

    client = Client()
    client.force_login(team["recruiter"])
    start = timezone.now() + timedelta(hours=20)
    interview = book_interview(start)
    page = client.get(interview.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-rule="notice.short"' in page
    assert "19 hours" in page
    later = book_interview(soon(5))
    assert 'data-rule="notice.short"' not in client.get(later.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_job_seeker_reaches_add_interview_from_the_dashboard(make_user) -> None:
    seeker = make_user("seeker")
    personal = Workspace.objects.create(name="Mitt jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=personal, user=seeker)
    client = Client()
    client.force_login(seeker)
    page = client.get(reverse("dashboard", args=[personal.pk])).content.decode()
    assert reverse("seeker_add", args=[personal.pk]) in page


@pytest.mark.django_db
def test_a_team_names_its_interviews_by_the_candidate(team, soon, book_interview) -> None:
    client = Client()
    client.force_login(team["recruiter"])
    interview = book_interview(
        soon(3), interviewers=[team["recruiter"], team["colleague"]], position=team["position"]
    )
    page = client.get(interview.get_absolute_url()).content.decode()
    assert "<h1>Erik Lind · Backendutvecklare</h1>" in page
    dashboard = client.get(reverse("dashboard", args=[team["workspace"].pk])).content.decode()
    assert "Erik Lind · Backendutvecklare" in dashboard
    assert "Anna Berg, Johan Ek" in dashboard
