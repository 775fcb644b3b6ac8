"""Rows recorded before the submission flow existed were recognised initiatives."""

from django.db import migrations


def mark_recognised(apps, schema_editor):
    apps.get_model("initiatives", "Initiative").objects.update(status="RECOGNISED")


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0003_submission_flow")]

    operations = [migrations.RunPython(mark_recognised, migrations.RunPython.noop)]
