"""Trigram indexes for the name and title searches; PostgreSQL only (SQLite has no GIN)."""

from typing import Any

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, *args)


def _trigrams(field: str, name: str) -> django.contrib.postgres.indexes.GinIndex:
    return django.contrib.postgres.indexes.GinIndex(
        django.contrib.postgres.indexes.OpClass(
            django.db.models.functions.text.Upper(field), name="gin_trgm_ops"
        ),
        name=name,
    )


class Migration(migrations.Migration):
    dependencies = [("interviews", "0002_list_indexes")]

    operations = [
        TrigramExtension(),
        AddIndexOnPostgres(model_name="person", index=_trigrams("name", "person_name_trgm")),
        AddIndexOnPostgres(model_name="position", index=_trigrams("title", "position_title_trgm")),
    ]
