"""Seed Tết and Giỗ Tổ Hùng Vương of 2024–2026, and the fixed-date days of 2027.

Tết: the weekdays the Government gave civil servants off (8–14/2/2024, 25/1–2/2/2025,
14–22/2/2026; weekends are not stored). Giỗ Tổ Hùng Vương falls on the 10th day of the third
lunar month (18/4/2024, 7/4/2025; 26/4/2026 is a Sunday, so Monday 27/4/2026 is given in its
place: a holiday on a weekly rest day is made up on the next working day, Labour Code 2019
Art 111(3)). For 2027 only the days fixed by the calendar are known: 1/1, Giỗ Tổ on Friday
16/4, 30/4, 1/5 (a Saturday, made up on Monday 3/5) and 2/9; Tết and the second day of
National Day are announced later and entered on the holidays page.

Swapped working days (a weekday off against a Saturday worked, e.g. 29/4/2024 against 4/5/2024)
are not stored: the calendar holds days off only, and a swap leaves the count over its fortnight
unchanged.
"""

import datetime as dt

from django.db import migrations

TET = "Tết Nguyên đán"
GIO_TO = "Giỗ Tổ Hùng Vương"
DAYS = [
    *[(dt.date(2024, 2, d), TET) for d in (8, 9, 12, 13, 14)],
    (dt.date(2024, 4, 18), GIO_TO),
    *[(dt.date(2025, 1, d), TET) for d in (27, 28, 29, 30, 31)],
    (dt.date(2025, 4, 7), GIO_TO),
    *[(dt.date(2026, 2, d), TET) for d in (16, 17, 18, 19, 20)],
    (dt.date(2026, 4, 27), f"{GIO_TO} (nghỉ bù ngày 26/4)"),
    (dt.date(2027, 1, 1), "Tết Dương lịch"),
    (dt.date(2027, 4, 16), GIO_TO),
    (dt.date(2027, 4, 30), "Ngày Chiến thắng"),
    (dt.date(2027, 5, 1), "Ngày Quốc tế Lao động"),
    (dt.date(2027, 5, 3), "Ngày Quốc tế Lao động (nghỉ bù ngày 1/5)"),
    (dt.date(2027, 9, 2), "Quốc khánh"),
]


def seed(apps, schema_editor):
    holiday = apps.get_model("core", "PublicHoliday")
    for day, name in DAYS:
        holiday.objects.get_or_create(date=day, defaults={"name": name})


def unseed(apps, schema_editor):
    """Remove the seeded days only: a day the officer entered under another name stays."""
    holiday = apps.get_model("core", "PublicHoliday")
    for day, name in DAYS:
        holiday.objects.filter(date=day, name=name).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_seed_public_holidays")]

    operations = [migrations.RunPython(seed, unseed)]
