"""The replies page: every mail Takt received for the workspace, what it read, and what it kept.

A kept mail is never acted on; this page is where a person finds it, reads it and
decides (a colleague's answer, the candidate writing from another address).
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from takt.core import access
from takt.core.paging import newest_first
from takt.core.timeline import meaning_of
from takt.hiring.receiving import first_name
from takt.inbox.models import InboundMail

PER_PAGE = 50


@login_required
def replies(request: HttpRequest, workspace_id: int) -> HttpResponse:
    workspace = access.workspace_for(request, workspace_id)
    status = request.GET.get("status", "")
    if status not in InboundMail.Status.values:
        status = ""
    rows = InboundMail.objects.filter(workspace=workspace).defer("raw", "text")
    counts = dict(
        rows.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    if status:
        rows = rows.filter(status=status)
    page = newest_first(
        rows.select_related(
            "interview__counterpart", "interview__position", "interview__workspace"
        ),
        request.GET.get("after", ""),
        PER_PAGE,
        "received_at",
    )
    filters = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in InboundMail.Status.choices
    ]
    return render(
        request,
        "inbox/replies.html",
        {
            "workspace": workspace,
            "page": page,
            "status": status,
            "query": urlencode({"status": status}) if status else "",
            "filters": filters,
        },
    )


@login_required
def reply_detail(request: HttpRequest, workspace_id: int, mail_id: int) -> HttpResponse:
    workspace = access.workspace_for(request, workspace_id)
    mail = get_object_or_404(
        InboundMail.objects.select_related(
            "interview__counterpart", "interview__position", "interview__workspace", "change"
        ),
        pk=mail_id,
        workspace=workspace,
    )
    meaning = ""
    if mail.interview is not None and mail.reading:
        meaning = meaning_of(mail.reading, mail.interview.timezone, first_name(mail.interview))
    return render(
        request,
        "inbox/reply.html",
        {"workspace": workspace, "mail": mail, "meaning": meaning},
    )
