from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0004_person_locale_position_title_en"),
    ]

    operations = [
        migrations.AddField(
            model_name="interview",
            name="attendance",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "No answer yet"),
                    ("accepted", "Accepted"),
                    ("tentative", "Maybe"),
                    ("declined", "Declined"),
                ],
                default="",
                max_length=10,
                verbose_name="calendar answer",
            ),
        ),
        migrations.AddField(
            model_name="interview",
            name="attendance_sequence",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
    ]
