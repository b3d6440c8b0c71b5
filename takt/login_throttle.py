"""How long a locked-out sign-in waits: doubling with each round of failures (django-axes).

django-axes locks a user name or an address after AXES_FAILURE_LIMIT wrong
passwords; this is its AXES_COOLOFF_TIME. The first lock lasts BASE; every
further full round of failures within a day (by that name or from that
address) doubles it, up to LONGEST, so guessing slows down the more it goes on.
"""

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

BASE = timedelta(minutes=15)
LONGEST = timedelta(hours=24)
_MEMORY = timedelta(days=1)


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """The lockout for this request's user name and address, by the failures of the last day."""
    failures = recent_failures(request) if request is not None else 0
    rounds = max(failures // settings.AXES_FAILURE_LIMIT, 1)
    # 2 ** 7 * 15 min is past a day already; the cap keeps the exponent small.
    return min(BASE * 2 ** min(rounds - 1, 7), LONGEST)


def recent_failures(request: HttpRequest) -> int:
    """Wrong passwords within the last day, by this user name or from this address."""
    from axes.helpers import get_client_ip_address, get_client_username
    from axes.models import AccessFailureLog
    from django.db.models import Q

    since = timezone.now() - _MEMORY
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    username = get_client_username(request)
    matches = Q(ip_address=address) if address else Q()
    if username:
        matches = matches | Q(username=username) if matches else Q(username=username)
    if not matches:
        return 0
    return AccessFailureLog.objects.filter(matches, attempt_time__gte=since).count()
