"""Keyset pages, newest first: page 500 costs what page 1 costs, however long the list.

A page ends with a cursor (the last row's time and id); the next page starts
after it. Offsets would make the database count and skip every earlier row.
"""

from dataclasses import dataclass
from datetime import datetime
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
    moment: datetime = getattr(row, field)
    return f"{moment.isoformat()}_{row.pk}"


def _parse(cursor: str) -> tuple[datetime, int] | None:
    moment, _, pk = cursor.rpartition("_")
    try:
        parsed = datetime.fromisoformat(moment)
        return (parsed, int(pk)) if parsed.tzinfo else None
    except ValueError:
        return None  # a hand-edited cursor starts from the first page


def newest_first[Row: Model](
    rows: "QuerySet[Row]", cursor: str, size: int, field: str = "created_at"
) -> Page[Row]:
    """One page of `rows` by `field` then id, both descending, starting after `cursor`."""
    after = _parse(cursor) if cursor else None
    query = rows.order_by(f"-{field}", "-pk")
    if after is not None:
        moment, pk = after
        query = query.filter(Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk}))
    found = list(query[: size + 1])
    more = len(found) > size
    shown = found[:size]
    return Page(
        rows=shown,
        next_cursor=cursor_of(shown[-1], field) if more and shown else "",
        is_first=after is None,
    )
