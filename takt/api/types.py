"""The shapes of input every endpoint shares: ids, times, time zones, e-mail addresses.

Each says in the OpenAPI schema exactly what it accepts, so that a request the
schema allows is never refused as bad input (Schemathesis checks both ways).
"""

import re
from datetime import UTC
from typing import Annotated, Any
from zoneinfo import ZoneInfo, available_timezones

from ninja import Path
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field, WithJsonSchema

# Ids beyond a 64-bit integer cannot exist; refusing them in the schema keeps them a 422.
MAX_ID = 2**63 - 1
WorkspaceId = Annotated[int, Path(ge=1, le=MAX_ID)]
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]

ZONES = sorted(available_timezones() - {"Factory", "localtime"})
ZoneName = Annotated[str, WithJsonSchema({"type": "string", "enum": ZONES})]


def _zone(name: str) -> str:
    if name not in ZONES:
        raise ValueError("an IANA time zone such as Europe/Stockholm")
    ZoneInfo(name)
    return name


Zone = Annotated[str, AfterValidator(_zone), WithJsonSchema({"type": "string", "enum": ZONES})]

# What the schema says is what is accepted: a local part, an @, a domain with a dot.
Email = Annotated[
    str, Field(max_length=254, pattern=r"^[^@\s\"(),:;<>\[\\\]]+@[^@\s.]+(\.[^@\s.]+)+$")
]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
# The first and last day a datetime can hold: an offset there may step outside it.
_EDGES = "^(?!0001-01-01|9999-12-31)"


def _iso(value: Any) -> Any:
    # Pydantic would read a number (or a numeric string) as seconds since 1970.
    if not isinstance(value, str) or not _ISO.match(value):
        raise ValueError("an ISO 8601 time with an offset, such as 2026-05-12T10:00:00+02:00")
    if re.match(_EDGES, value) is None:
        raise ValueError("a time after 0001-01-01 and before 9999-12-31")
    return value


def _in_utc(moment: Any) -> Any:
    return moment.astimezone(UTC)


Moment = Annotated[
    AwareDatetime,
    Field(strict=False),
    BeforeValidator(_iso),
    AfterValidator(_in_utc),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": _EDGES}),
]


def _whole(value: Any) -> Any:
    # JSON Schema counts 3.0 as an integer; a string or a boolean is not one.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("a whole number")
    return value


Whole = Annotated[int, BeforeValidator(_whole)]
BodyId = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_whole)]
