"""Each change keeps its interview's workspace, so the dashboards' lists walk one index each.

The column is added empty, filled from the interviews in one UPDATE, then required.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models


def fill_workspaces(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE interviews_change SET workspace_id = (SELECT workspace_id"
            " FROM interviews_interview AS i WHERE i.id = interviews_change.interview_id)"
        )
        if connection.vendor == "postgresql":
            # The new foreign key is checked at commit; the column cannot be altered below
            # while those checks wait, so they run now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def gather_statistics(apps: Any, schema_editor: Any) -> None:
    # PostgreSQL takes a workspace, side, kind and state as independent and so expects a
    # handful of rows where a job seeker has hundreds (all theirs are the candidate's):
    # it would then fetch and sort them all rather than walk an index and stop at ten.
    # Statistics over the four together tell it how they go together.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE STATISTICS IF NOT EXISTS change_work_kinds (dependencies, mcv)"
            " ON workspace_id, side, kind, state FROM interviews_change"
        )


def drop_statistics(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS change_work_kinds")


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0006_webhook_events"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="change",
            name="change_by_state",
        ),
        migrations.RemoveIndex(
            model_name="change",
            name="change_by_state_sent",
        ),
        migrations.RemoveIndex(
            model_name="change",
            name="change_by_state_updated",
        ),
        migrations.RemoveIndex(
            model_name="change",
            name="change_open_newest",
        ),
        migrations.AddField(
            model_name="change",
            name="workspace",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="changes",
                to="interviews.workspace",
            ),
        ),
        migrations.RunPython(fill_workspaces, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="change",
            name="workspace",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="changes",
                to="interviews.workspace",
            ),
        ),
        migrations.AddField(
            model_name="change",
            name="in_progress",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.ExpressionWrapper(
                    models.Q(("state__in", ["draft", "contacting", "sent"])),
                    output_field=models.BooleanField(),
                ),
                output_field=models.BooleanField(),
            ),
        ),
        migrations.AddIndex(
            model_name="change",
            index=models.Index(
                fields=["workspace", "side", "state", "sent_at", "id"], name="change_ws_by_state_sent"
            ),
        ),
        migrations.AddIndex(
            model_name="change",
            index=models.Index(
                fields=["workspace", "side", "kind", "sent_at", "id"], name="change_ws_by_kind_sent"
            ),
        ),
        migrations.AddIndex(
            model_name="change",
            index=models.Index(
                fields=["workspace", "side", "state", "updated_at", "id"],
                name="change_ws_by_state_updated",
            ),
        ),
        migrations.AddIndex(
            model_name="change",
            index=models.Index(
                fields=["workspace", "side", "kind", "state", "known_since", "id"],
                name="change_ws_by_known_since",
            ),
        ),
        migrations.AddIndex(
            model_name="change",
            index=models.Index(
                condition=models.Q(("followup_sent_at__isnull", True)),
                fields=["workspace", "side", "kind", "contacted_at", "id"],
                name="change_ws_followup_owed",
            ),
        ),
        migrations.AddIndex(
            model_name="change",
            index=models.Index(
                fields=["workspace", "in_progress", "-created_at", "-id"],
                name="change_ws_open_newest",
            ),
        ),
        migrations.RunPython(gather_statistics, drop_statistics),
    ]
