"""Migration operations that apply on PostgreSQL alone.

SQLite has no exclusion constraints; there the booking service checks for
overlaps inside an IMMEDIATE transaction instead. The model state still holds
the constraint, so makemigrations sees no difference on either database.
"""

from typing import Any

from django.db import migrations


class AddConstraintOnPostgres(migrations.AddConstraint):
    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, *args)
