"""Keyset pages: page 500 costs what page 1 costs, however long the list.

A page ends with a cursor (the last row's sort value and id); the next page
starts after it. Offsets would make the database count and skip every earlier row.
"""

from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from django.db.models import Model, Q, QuerySet


@dataclass(frozen=True)
class Page[Row: Model]:
    rows: list[Row]
    # Where the next page starts; empty on the last page.
    next_cursor: str
    is_first: bool

    def __iter__(self) -> Any:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def cursor_of(row: Model, field: str = "created_at") -> str:
    moment: datetime = attrgetter(field.replace("__", "."))(row)
    return f"{moment.isoformat()}_{row.pk}"


def _parse(cursor: str) -> tuple[datetime, int] | None:
    moment, _, pk = cursor.rpartition("_")
    try:
        parsed = datetime.fromisoformat(moment)
        return (parsed, int(pk)) if parsed.tzinfo else None
    except ValueError:
        return None  # a hand-edited cursor starts from the first page


def keyset[Row: Model](
    rows: "QuerySet[Row]", cursor: str, size: int, field: str, *, descending: bool
) -> Page[Row]:
    """One page of `rows` by the time `field` then id, starting after `cursor`."""
    after = _parse(cursor) if cursor else None
    sign = "-" if descending else ""
    query = rows.order_by(f"{sign}{field}", f"{sign}pk")
    if after is not None:
        moment, pk = after
        beyond = "lt" if descending else "gt"
        query = query.filter(
            Q(**{f"{field}__{beyond}": moment}) | Q(**{field: moment, f"pk__{beyond}": pk})
        )
    found = list(query[: size + 1])
    shown = found[:size]
    return Page(
        rows=shown,
        next_cursor=cursor_of(shown[-1], field) if len(found) > size and shown else "",
        is_first=after is None,
    )


def newest_first[Row: Model](
    rows: "QuerySet[Row]", cursor: str, size: int, field: str = "created_at"
) -> Page[Row]:
    return keyset(rows, cursor, size, field, descending=True)


def soonest_first[Row: Model](
    rows: "QuerySet[Row]", cursor: str, size: int, field: str
) -> Page[Row]:
    return keyset(rows, cursor, size, field, descending=False)
