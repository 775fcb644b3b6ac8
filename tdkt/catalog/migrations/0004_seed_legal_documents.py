"""The legal texts of the digest's timeline (legal-digest.md §0), with their periods."""

import datetime as dt

from django.db import migrations

D = dt.date
DOCUMENTS = [
    # number, kind, title, issuer, issued_on, effective_from, effective_to, replaced_by, note
    ("15/2003/QH11", "LAW", "Luật Thi đua, khen thưởng (sửa đổi 2005, 2009, 2013)", "Quốc hội",
     D(2003, 11, 26), D(2004, 7, 1), D(2023, 12, 31), "06/2022/QH15", ""),
    ("06/2022/QH15", "LAW", "Luật Thi đua, khen thưởng", "Quốc hội",
     D(2022, 6, 15), D(2024, 1, 1), None, "", ""),
    ("91/2017/NĐ-CP", "DECREE", "Quy định chi tiết thi hành một số điều của Luật TĐKT",
     "Chính phủ", D(2017, 7, 31), D(2017, 10, 1), D(2023, 12, 31), "98/2023/NĐ-CP", ""),
    ("98/2023/NĐ-CP", "DECREE", "Quy định chi tiết thi hành một số điều của Luật TĐKT",
     "Chính phủ", D(2023, 12, 31), D(2024, 1, 1), D(2025, 6, 30), "152/2025/NĐ-CP", ""),
    ("152/2025/NĐ-CP", "DECREE",
     "Quy định về phân cấp, phân quyền và chi tiết thi hành Luật TĐKT", "Chính phủ",
     D(2025, 6, 14), D(2025, 7, 1), None, "",
     "Ngày thay thế NĐ 98/2023: mức tin cậy “nhiều khả năng” theo bản tổng hợp pháp lý."),
    ("12/2019/TT-BNV", "CIRCULAR", "Hướng dẫn thi hành NĐ 91/2017", "Bộ Nội vụ",
     D(2019, 11, 4), D(2019, 11, 4), D(2023, 12, 31), "01/2024/TT-BNV", ""),
    ("01/2024/TT-BNV", "CIRCULAR", "Quy định biện pháp thi hành Luật TĐKT", "Bộ Nội vụ",
     None, D(2024, 1, 1), None, "", ""),
    ("01/2019/TT-VKSTC", "CIRCULAR", "Quy định công tác thi đua, khen thưởng trong ngành KSND",
     "Viện kiểm sát nhân dân tối cao", D(2019, 5, 14), D(2019, 6, 28), D(2024, 9, 30),
     "02/2024/TT-VKSTC", ""),
    ("02/2024/TT-VKSTC", "CIRCULAR", "Quy định công tác thi đua, khen thưởng trong ngành KSND",
     "Viện kiểm sát nhân dân tối cao", D(2024, 8, 12), D(2024, 10, 1), None, "", ""),
    ("02/2023/TT-BNV", "CIRCULAR", "Chế độ báo cáo thống kê ngành Nội vụ (biểu 0601–0605.N)",
     "Bộ Nội vụ", None, D(2023, 1, 1), None, "", ""),
]  # fmt: skip


def seed(apps, schema_editor):
    LegalDocument = apps.get_model("catalog", "LegalDocument")
    by_number = {}
    for number, kind, title, issuer, issued, start, end, _, note in DOCUMENTS:
        by_number[number], _created = LegalDocument.objects.update_or_create(
            number=number,
            defaults={
                "kind": kind, "title": title, "issuer": issuer, "issued_on": issued,
                "effective_from": start, "effective_to": end, "note": note,
            },
        )  # fmt: skip
    for number, *_rest, replaced_by, _note in DOCUMENTS:
        if replaced_by:
            LegalDocument.objects.filter(number=number).update(replaced_by=by_number[replaced_by])


def unseed(apps, schema_editor):
    apps.get_model("catalog", "LegalDocument").objects.filter(
        number__in=[row[0] for row in DOCUMENTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_legal_documents")]
    operations = [migrations.RunPython(seed, unseed)]
