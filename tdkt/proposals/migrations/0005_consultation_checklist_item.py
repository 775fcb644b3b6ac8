"""Add the outcome of the public consultation to the dossier of the state-level codes from
1/1/2024 (NĐ 98/2023 Art 46(2), NĐ 152/2025 Art 44(2)): not mandatory when the unit submits
(the sector consults after appraisal); the application files its report there itself."""

import datetime as dt

from django.db import migrations

NAME = "Kết quả lấy ý kiến Nhân dân"
CITATION = "NĐ 98/2023 Điều 46 khoản 2; NĐ 152/2025 Điều 44 khoản 2"
FROM = dt.date(2024, 1, 1)
STATE_LEVEL = 2


def add(apps, schema_editor):
    AwardType = apps.get_model("catalog", "AwardType")
    ChecklistItem = apps.get_model("proposals", "ChecklistItem")
    for award_type in AwardType.objects.filter(level__gte=STATE_LEVEL):
        items = ChecklistItem.objects.filter(
            award_type=award_type, procedure="NORMAL", valid_from=FROM
        )
        if items.filter(name=NAME).exists():
            continue
        last = max((item.position for item in items), default=0)
        ChecklistItem.objects.create(
            award_type=award_type,
            procedure="NORMAL",
            valid_from=FROM,
            valid_to=None,
            position=last + 1,
            name=NAME,
            mandatory=False,
            unsure=False,
            citation=CITATION,
        )


def remove(apps, schema_editor):
    ChecklistItem = apps.get_model("proposals", "ChecklistItem")
    ChecklistItem.objects.filter(name=NAME, documents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_council_and_decision_states")]

    operations = [migrations.RunPython(add, remove)]
