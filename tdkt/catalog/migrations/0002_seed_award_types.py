"""Create the award types of domain.md §5. Codes are stable; names may be edited later."""

from django.db import migrations

AWARD_TYPES = [
    # code, name, subject, category, authority, level
    ("LDTT", "Lao động tiên tiến", "P", "TITLE", "Thủ trưởng đơn vị", 0),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "P", "TITLE", "Thủ trưởng đơn vị", 0),
    ("CSTD_NGANH", "Chiến sĩ thi đua ngành Kiểm sát nhân dân", "P", "TITLE",
     "Viện trưởng VKSND tối cao", 1),
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "P", "TITLE", "Thủ tướng Chính phủ", 2),
    ("TTLDTT", "Tập thể lao động tiên tiến", "C", "TITLE",
     "Thủ trưởng đơn vị / Viện trưởng VKSND tối cao", 0),
    ("TTLDXS", "Tập thể lao động xuất sắc", "C", "TITLE", "Viện trưởng VKSND tối cao", 1),
    ("CO_NGANH", "Cờ thi đua ngành Kiểm sát nhân dân", "C", "TITLE",
     "Viện trưởng VKSND tối cao", 1),
    ("CO_CP", "Cờ thi đua của Chính phủ", "C", "TITLE", "Thủ tướng Chính phủ", 2),
    ("GK", "Giấy khen", "PC", "FORM", "Thủ trưởng đơn vị", 0),
    ("BK_NGANH", "Bằng khen của Viện trưởng VKSND tối cao", "PC", "FORM",
     "Viện trưởng VKSND tối cao", 1),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "PC", "FORM", "Thủ tướng Chính phủ", 2),
    ("HCLD3", "Huân chương Lao động hạng Ba", "PC", "FORM", "Chủ tịch nước", 3),
    ("HCLD2", "Huân chương Lao động hạng Nhì", "PC", "FORM", "Chủ tịch nước", 3),
    ("HCLD1", "Huân chương Lao động hạng Nhất", "PC", "FORM", "Chủ tịch nước", 3),
    ("HCDL3", "Huân chương Độc lập hạng Ba", "PC", "FORM", "Chủ tịch nước", 3),
    ("HCDL2", "Huân chương Độc lập hạng Nhì", "PC", "FORM", "Chủ tịch nước", 3),
    ("HCDL1", "Huân chương Độc lập hạng Nhất", "PC", "FORM", "Chủ tịch nước", 3),
    ("AHLD", "Anh hùng Lao động", "PC", "FORM", "Chủ tịch nước", 3),
    ("KNC_VSNKS", "Kỷ niệm chương \"Vì sự nghiệp Kiểm sát\"", "P", "FORM",
     "Viện trưởng VKSND tối cao", 1),
]


def seed(apps, schema_editor):
    AwardType = apps.get_model("catalog", "AwardType")
    for order, (code, name, subject, category, authority, level) in enumerate(AWARD_TYPES):
        AwardType.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "subject": subject,
                "category": category,
                "authority": authority,
                "level": level,
                "sort_order": (order + 1) * 10,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("catalog", "AwardType").objects.filter(
        code__in=[row[0] for row in AWARD_TYPES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
