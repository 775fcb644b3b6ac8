"""Seed the fixed-date public holidays of 2024–2026 (Labour Code 2019 Art 112).

Only the days fixed by the calendar and the National Day second day as decided each year
(3/9 in 2024, 1/9 in 2025 and 2026) are seeded. Tết, Giỗ Tổ Hùng Vương and compensating
days are announced each year and are entered by the sector officer on the holidays page.
"""

import datetime as dt

from django.db import migrations

FIXED = [
    ((1, 1), "Tết Dương lịch"),
    ((4, 30), "Ngày Chiến thắng"),
    ((5, 1), "Ngày Quốc tế Lao động"),
    ((9, 2), "Quốc khánh"),
]
NATIONAL_DAY_SECOND = {2024: (9, 3), 2025: (9, 1), 2026: (9, 1)}


def seed(apps, schema_editor):
    holiday = apps.get_model("core", "PublicHoliday")
    for year in (2024, 2025, 2026):
        days = [(dt.date(year, m, d), name) for (m, d), name in FIXED]
        m, d = NATIONAL_DAY_SECOND[year]
        days.append((dt.date(year, m, d), "Quốc khánh (ngày nghỉ thứ hai)"))
        for day, name in days:
            holiday.objects.get_or_create(date=day, defaults={"name": name})


def unseed(apps, schema_editor):
    holiday = apps.get_model("core", "PublicHoliday")
    dates = [dt.date(y, m, d) for y in (2024, 2025, 2026) for (m, d), _n in FIXED]
    dates += [dt.date(y, m, d) for y, (m, d) in NATIONAL_DAY_SECOND.items()]
    holiday.objects.filter(date__in=dates).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_public_holidays")]

    operations = [migrations.RunPython(seed, unseed)]
