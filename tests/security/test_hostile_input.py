"""Hostile input on every form and API endpoint finds no 500 (issue 11, must 8).

The walk takes every named URL as test_scoping.py does, fills its parameters
with objects the caller may reach, reads the page's own field names, and posts
hostile values for them: huge, deeply nested, control characters, odd dates,
other scripts. As a signed-in member of a team, as a job seeker, and as a
candidate through a live link. Anything but a 500 is an answer.
"""

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takt.calendars.models import CalendarSource
from takt.core.models import Change, Interview, Membership, Person, Workspace
from takt.core.schedule import schedule_interview
from takt.hiring import employer
from takt.hiring.links import issue_link
from takt.outbox.services import queue_message
from tests.mailed_links import mailed_token

pytestmark = pytest.mark.django_db

# Not forms: signing out and the language switch end or change the session; the admin is
# Django's own; the API is posted JSON below.
SKIPPED = ("logout", "set_language", "admin:", "api-")

ODD_DATES = [
    "9999-12-31T23:30",
    "0001-01-01T00:10",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "2026-03-29T02:30",
    "23:61",
    "-1",
    "1e309",
]
HOSTILE = st.one_of(
    st.sampled_from(ODD_DATES),
    st.text(max_size=40),  # every code point, control characters and other scripts among them
    st.text(alphabet="\r\n\t\0\x1b\u202e\ufeff<>&\"'", max_size=20),
    st.sampled_from(["Eve\r\nBcc: all@example.com", "ن ש 漢字 😀 ﷽", "[" * 5000]),
    st.integers(min_value=1, max_value=6).map(lambda n: "ö" * 10**n),  # up to 1 MB
)


def _named_patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found += _named_patterns(entry, namespace)
        elif entry.name:
            found.append((prefix + entry.name, entry))
    return found


def _message(workspace: Workspace, interview: Interview) -> int:
    return queue_message(
        workspace=workspace,
        interview=interview,
        kind="hostile",
        recipient_name="Erik Lind",
        recipient_email="erik@example.se",
        language="sv",
        subject="Intervju",
        text="Hej!",
    ).pk


def _team_ids(team: dict[str, Any], book: Any) -> dict[str, Any]:
    interview = book()
    change = Change.objects.create(
        interview=interview, kind="cancel", side="employer", reason_category="other"
    )
    return {
        "workspace_id": team["workspace"].pk,
        "interview_id": interview.pk,
        "position_id": team["position"].pk,
        "message_id": _message(team["workspace"], interview),
        "source_id": CalendarSource.objects.create(
            workspace=team["workspace"], owner=team["recruiter"], kind="ics_file", name="A"
        ).pk,
        "change_id": change.pk,
        "application_id": team["application"].pk,
        "name": "calls",
        "step": "why",
        "token": issue_link(interview, change, now=timezone.now())[0],
    }


def _seeker_ids(make_user: Any) -> tuple[Any, dict[str, Any]]:
    user = make_user("sara", first_name="Sara", last_name="Lind", email="sara@example.se")
    workspace = Workspace.objects.create(name="Saras jobbsök", kind=Workspace.Kind.PERSONAL)
    Membership.objects.create(workspace=workspace, user=user, role="owner")
    contact = Person.objects.create(workspace=workspace, name="Anna", email="anna@x.example")
    start = (timezone.now() + timezone.timedelta(days=5)).replace(minute=0, second=0)
    interview = schedule_interview(
        workspace=workspace,
        counterpart=contact,
        start=start,
        end=start + timezone.timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[user],
        actor=user,
        company="Norrsken AB",
        role="backendutvecklare",
    )
    Change.objects.create(
        interview=interview, kind="reschedule", side="candidate", reason_category="other"
    )
    return user, {
        "workspace_id": workspace.pk,
        "interview_id": interview.pk,
        "message_id": _message(workspace, interview),
        "source_id": CalendarSource.objects.create(
            workspace=workspace, owner=user, kind="ics_file", name="A"
        ).pk,
        "step": "why",
        "name": "drafts",
    }


def _urls(ids: dict[str, Any], candidate: bool) -> list[str]:
    urls = []
    for name, pattern in _named_patterns(get_resolver()):
        if name.startswith(SKIPPED) or name.startswith("candidate_") != candidate:
            continue
        params = list(pattern.pattern.converters)
        if all(p in ids for p in params):
            urls.append(reverse(name, kwargs={p: ids[p] for p in params}))
    return urls


# What a person would type into a field of each input type, so that the other fields of a
# post are good and the hostile one reaches the code behind the form.
TYPED = {
    "datetime-local": "2026-05-20T10:00",
    "date": "2026-05-20",
    "time": "10:00",
    "email": "anna@norrsken.example",
    "number": "60",
    "url": "https://meet.example/x",
}


class _Fields(HTMLParser):
    """The page's fields and the good values it offers for each (options, radios, defaults)."""

    def __init__(self) -> None:
        super().__init__()
        self.good: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        name = found.get("name", "")
        if tag == "select":
            self._select = name
        elif tag == "option" and self._select and found.get("value"):
            self.good.setdefault(self._select, []).append(found["value"])
        elif tag in ("input", "textarea") and name and name != "csrfmiddlewaretoken":
            kind = found.get("type", "text")
            value = found.get("value") or TYPED.get(kind, "Hej, jag ber om ursäkt.")
            self.good.setdefault(name, []).append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def _fields(client: Client, url: str) -> dict[str, list[str]]:
    page = client.get(url)
    assert page.status_code < 500, f"GET {url} gave {page.status_code}"
    parser = _Fields()
    parser.feed(page.content.decode(errors="replace"))
    return parser.good or {"text": ["Hej"]}


def _hostile_for(good: str) -> st.SearchStrategy[str]:
    # A date or time field gets odd dates first: they are what overflows the arithmetic.
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", good):
        edges = ["9999-12-31T23:30", "0001-01-01T00:10"]
    elif re.fullmatch(r"\d{4}-\d\d-\d\d", good):
        edges = ["9999-12-31", "0001-01-01"]
    elif re.fullmatch(r"\d\d:\d\d", good):
        edges = ["23:59", "00:00"]
    else:
        return HOSTILE
    return st.one_of(st.sampled_from(edges), st.sampled_from(ODD_DATES), HOSTILE)


SETTINGS = settings(
    max_examples=6, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)


def _hostile_posts(client: Client, url: str, fields: dict[str, list[str]]) -> None:
    """One field at a time hostile, the others good: so the hostile value gets past them
    and reaches the verb behind the form, where an odd year or a huge text would do harm."""
    good = {name: values[0] for name, values in fields.items()}
    for name in fields:
        _hostile_field(client, url, good, name)


def _hostile_field(client: Client, url: str, good: dict[str, str], name: str) -> None:
    @SETTINGS
    @given(value=_hostile_for(good[name]))
    def post(value: str) -> None:
        answer = client.post(url, {**good, name: value})
        assert answer.status_code < 500, f"POST {url} {name}={value!r:.200} gave 500"

    post()


def _attack(client: Client, urls: list[str]) -> int:
    for url in urls:
        _hostile_posts(client, url, _fields(client, url))
    return len(urls)


def test_no_form_of_a_team_member_answers_500(team, book) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(team["recruiter"])
    assert _attack(client, _urls(_team_ids(team, book), candidate=False)) > 15


def test_no_form_of_a_job_seeker_answers_500(make_user) -> None:
    user, ids = _seeker_ids(make_user)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    assert _attack(client, _urls(ids, candidate=False)) > 10


def test_no_candidate_page_answers_500(team, book) -> None:
    interview = book()
    change = employer.start_offer(
        interview, reason_category="conflict", reason_text="Krock.", actor=team["recruiter"]
    )
    times = employer.suggest_times(interview, now=timezone.now())[:3]
    employer.send_offer(change, times, actor=team["recruiter"])
    client = Client(raise_request_exception=False)
    assert _attack(client, _urls({"token": mailed_token()}, candidate=True)) == 5


NESTED = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), HOSTILE),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE, inner, max_size=3),
    max_leaves=20,
)


@pytest.mark.parametrize("path", ["check", "compose", "reply"])
def test_no_api_endpoint_answers_500(make_user, path: str) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(make_user("sara"))

    @settings(
        max_examples=40, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(
        body=st.one_of(
            NESTED.map(json.dumps),
            st.fixed_dictionaries(
                {"action": st.sampled_from(["cancel", "reschedule", "schedule"])},
                optional={"now": HOSTILE, "side": HOSTILE, "interview": NESTED, "text": HOSTILE},
            ).map(json.dumps),
            HOSTILE,
            st.just("[" * 100_000),
        )
    )
    def post(body: str) -> None:
        answer = client.post(f"/api/v1/{path}", body, content_type="application/json")
        assert answer.status_code < 500, f"{path} {body!r:.300} gave {answer.status_code}"

    post()
