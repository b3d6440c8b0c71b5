"""A stored policy may hold keys that are not rule settings: every job seeker page still works."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from takt.core.models import Change, Interview
from takt.core.schedule import schedule_interview
from tests.seeker.conftest import reschedule_and_reach_them, step_url

pytestmark = pytest.mark.django_db

POLICY = {"min_notice_hours": 12, "calendar_colour": "green"}
ILLNESS = {
    "reason_category": "illness",
    "reason_text": "Jag har blivit sjuk.",
    "other_plans_movable": "no",
}
CANCEL = {
    "reason_category": "other_offer",
    "reason_text": "Jag har tackat ja till en annan tjänst.",
}


def _second_interview(seeker, hours: int) -> Interview:
    start = (timezone.now() + timedelta(hours=hours)).replace(minute=0, second=0, microsecond=0)
    return schedule_interview(
        workspace=seeker["workspace"],
        counterpart=seeker["contact"],
        start=start,
        end=start + timedelta(hours=1),
        timezone="Europe/Stockholm",
        interviewers=[seeker["user"]],
        actor=seeker["user"],
        company="Solvik",
        role="Tjänstedesigner",
    )


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_seeker_page_works_with_a_key_that_is_not_a_rule_setting(seeker, language) -> None:
    seeker["workspace"].policy = POLICY
    seeker["workspace"].save()
    client, interview = seeker["client"], seeker["interview"]
    client.cookies["django_language"] = language
    workspace_id = interview.workspace_id
    going = _second_interview(seeker, 20)
    pages = [
        f"/w/{workspace_id}/",
        interview.get_absolute_url(),
        reverse("seeker_add", args=[workspace_id]),
        reverse("policy", args=[workspace_id]),
        step_url(interview, "why"),
        step_url(going, "why", "cancel"),
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    # Through every step, so each verb and each step's page asks the rules with this policy.
    reschedule_and_reach_them(client, interview, ILLNESS)
    # 20 hours left is notice enough under the workspace's own 12: no tick was asked for.
    assert client.post(step_url(going, "why", "cancel"), CANCEL).status_code == 302
    Change.objects.filter(interview=going).update(known_since=timezone.now() - timedelta(hours=13))
    later = [
        step_url(interview, "notice"),
        step_url(interview, "times"),
        step_url(interview, "contact"),
        step_url(interview, "after"),
        step_url(going, "send", "cancel"),
        interview.get_absolute_url(),
        going.get_absolute_url(),
        reverse("interview_ics", args=[workspace_id, interview.pk]),
    ]
    for url in later:
        assert client.get(url).status_code == 200, url
    dashboard = client.get(f"/w/{workspace_id}/").content.decode()
    assert step_url(interview, "after") in dashboard  # the follow-up reminder
    assert step_url(going, "send", "cancel") in dashboard  # the cancellation not yet sent
    assert Change.objects.get(interview=interview).contacted_at is not None
    assert Change.objects.get(interview=going).overridden == []
