"""Safe retries: a POST with an `Idempotency-Key` acts once; a retry gets the first answer.

The stored answer is written in the same transaction as the action, so a crash
between the two leaves neither. The same key with another body is a mistake
on the caller's side (409), not a new request; keys live for 24 hours.
"""

import hashlib
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja.responses import NinjaJSONEncoder, Status
from pydantic import BaseModel

HEADER = "Idempotency-Key"
LIFETIME = timedelta(hours=24)
MAX_KEY = 200


class IdempotentRequest(models.Model):
    """The first answer to a POST made with an Idempotency-Key, per caller."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.CharField(max_length=MAX_KEY)
    # SHA-256 of the method, the path and the body: what "the same request" means.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        app_label = "api"
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_answer_per_key")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"


def fingerprint_of(request: HttpRequest) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(request.body or b"")
    return digest.hexdigest()


def _conflict(detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail, "findings": [], "unacknowledged": []}, status=409)


def _as_response(result: Any) -> JsonResponse:
    status, body = (
        (result.status_code, result.value) if isinstance(result, Status) else (200, result)
    )
    if isinstance(body, BaseModel):
        body = body.model_dump(mode="json")
    return JsonResponse(body, status=status, encoder=NinjaJSONEncoder, safe=False)


def idempotent[**P](handler: Callable[P, Any]) -> Callable[P, Any]:
    """Wrap a POST handler that returns Status(code, body) so a retried key does not act again."""

    @wraps(handler)
    def run(*args: P.args, **kwargs: P.kwargs) -> Any:
        request = args[0]
        assert isinstance(request, HttpRequest)
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return handler(*args, **kwargs)
        if len(key) > MAX_KEY:
            return JsonResponse(
                {"detail": [{"loc": ["header", HEADER], "msg": f"at most {MAX_KEY} characters"}]},
                status=422,
            )
        now = timezone.now()
        user_id = int(request.user.pk or 0)
        mine = IdempotentRequest.objects.filter(user_id=user_id, key=key)
        with transaction.atomic():
            mine.filter(created_at__lt=now - LIFETIME).delete()
            first = mine.select_for_update().first()
            if first is not None:
                if first.fingerprint != fingerprint_of(request):
                    return _conflict(f"{HEADER} {key!r} was used for another request.")
                replay = HttpResponse(
                    first.body, status=first.status, content_type="application/json"
                )
                replay["Idempotent-Replayed"] = "true"
                return replay
            response = _as_response(handler(*args, **kwargs))
            try:
                with transaction.atomic():
                    IdempotentRequest.objects.create(
                        user_id=user_id,
                        key=key,
                        fingerprint=fingerprint_of(request),
                        status=response.status_code,
                        body=response.content.decode(),
                        created_at=now,
                    )
            except IntegrityError:
                # The same key raced in from another process and won: undo this one.
                transaction.set_rollback(True)
                return _conflict(f"{HEADER} {key!r} is being answered by another request.")
            return response

    return run
