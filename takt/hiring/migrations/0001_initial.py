"""CandidateLink moves here from the candidates app: the state only, the table stays."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("interviews", "0001_initial"),
        ("candidates", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CandidateLink",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("token_hash", models.CharField(max_length=64, unique=True)),
                        ("sequence", models.PositiveIntegerField()),
                        ("created_at", models.DateTimeField()),
                        ("expires_at", models.DateTimeField()),
                        ("used_at", models.DateTimeField(blank=True, null=True)),
                        ("used_for", models.CharField(blank=True, max_length=30)),
                        ("change", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="links", to="interviews.change")),
                        ("interview", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="links", to="interviews.interview")),
                    ],
                    options={
                        "verbose_name": "candidate link",
                        "db_table": "candidates_candidatelink",
                        "indexes": [models.Index(fields=["interview", "sequence"], name="candidates__intervi_2ab8a0_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
