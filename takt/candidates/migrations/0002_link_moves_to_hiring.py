"""CandidateLink now belongs to the hiring app: the state only, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0001_initial"),
        ("hiring", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CandidateLink")],
            database_operations=[],
        ),
    ]
