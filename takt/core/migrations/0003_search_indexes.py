"""Trigram indexes for the name and title searches; PostgreSQL only (SQLite has no GIN).

They live in the database alone, not in the models' state: SQLite rebuilds a table
with every index of its state when a column is added, and cannot build these.
"""

from typing import Any

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "person_name_trgm": ("interviews_person", "name"),
    "position_title_trgm": ("interviews_position", "title"),
}


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (UPPER("{column}") gin_trgm_ops)'
        )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("interviews", "0002_list_indexes")]

    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
