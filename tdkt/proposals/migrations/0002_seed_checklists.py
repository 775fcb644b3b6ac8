"""Seed the dossier checklists: for each award code and legal period, the components of the
dossier (legal digest §5–§6). Items whose source the digest rates unsure are marked so."""

import datetime as dt

from django.db import migrations

OLD = (dt.date(2000, 1, 1), dt.date(2023, 12, 31), "Luật TĐKT 2003 (sửa đổi 2013), NĐ 91/2017")
NEW = (dt.date(2024, 1, 1), None, "Luật TĐKT 2022, NĐ 98/2023 (NĐ 152/2025)")

PERSON_TITLES = {"LDTT", "CSTDCS", "CSTD_NGANH", "CSTD_TQ"}
UNIT_TITLES = {"TTLDTT", "TTLDXS", "CO_NGANH", "CO_CP"}
SECRET_BALLOT = {"CSTDCS", "CSTD_NGANH", "CSTD_TQ", "CO_NGANH", "CO_CP"}
INITIATIVES = {"CSTDCS", "CSTD_NGANH", "CSTD_TQ"}
STATE_LEVEL = {"CSTD_TQ", "CO_CP", "BK_TTG", "HCLD3", "HCLD2", "HCLD1", "HCDL3", "HCDL2", "HCDL1",
               "AHLD"}  # fmt: skip


def _report_name(subject: str) -> str:
    if subject == "P":
        return "Báo cáo thành tích cá nhân"
    if subject == "C":
        return "Báo cáo thành tích tập thể"
    return "Báo cáo thành tích cá nhân hoặc tập thể"


def _normal_items(code: str, subject: str, period) -> list[tuple]:
    """(name, mandatory, unsure, citation) of the normal procedure for one code and period."""
    start, _end, basis = period
    if code == "KNC_VSNKS":
        return [
            ("Tờ trình đề nghị kèm danh sách", True, False, "TT 02/2024/TT-VKSTC Điều 21"),
            ("Bản tóm tắt quá trình công tác trong ngành", True, True, "TT 02/2024/TT-VKSTC"),
        ]
    items = [
        ("Tờ trình đề nghị khen thưởng kèm danh sách", True, False, basis),
        (_report_name(subject), True, False, basis),
        ("Biên bản họp Hội đồng Thi đua – Khen thưởng", True, False, basis),
    ]
    old = start.year < 2024
    if code in SECRET_BALLOT:
        # Named by NĐ 91/2017 Art 49 (old regime); under NĐ 98/2023 the digest only confirms
        # "minutes of the review and voting results" for the block flag, hence unsure.
        citation = "NĐ 91/2017 Điều 49" if old else basis
        items.append(("Kết quả bỏ phiếu kín của Hội đồng", True, not old, citation))
    if code in INITIATIVES:
        citation = "Luật TĐKT (sửa đổi 2013); NĐ 91/2017 Điều 49" if old else basis
        name = "Giấy chứng nhận sáng kiến, hiệu quả và phạm vi ảnh hưởng"
        items.append((name, True, not old, citation))
    if code == "BK_NGANH" and start.year >= 2024:
        items.append(
            ("Giấy chứng nhận sáng kiến được áp dụng", False, True, "Luật TĐKT 2022 Điều 74")
        )
    if code in STATE_LEVEL:
        items.append(("Văn bản hiệp y của cơ quan có liên quan", False, True, basis))
    return items


def _simplified_items(subject: str) -> list[tuple]:
    return [
        ("Tờ trình đề nghị kèm danh sách", True, False, "NĐ 98/2023 Điều 40"),
        (_report_name(subject).replace("thành tích", "tóm tắt thành tích"), True, False,
         "NĐ 98/2023 Điều 40"),
    ]  # fmt: skip


def seed(apps, schema_editor):
    AwardType = apps.get_model("catalog", "AwardType")
    ChecklistItem = apps.get_model("proposals", "ChecklistItem")
    rows = []
    for award in AwardType.objects.all():
        for period in (OLD, NEW):
            lists = [("NORMAL", _normal_items(award.code, award.subject, period))]
            lists.append(("SIMPLIFIED", _simplified_items(award.subject)))
            for procedure, items in lists:
                for position, (name, mandatory, unsure, citation) in enumerate(items, start=1):
                    rows.append(
                        ChecklistItem(
                            award_type=award,
                            procedure=procedure,
                            valid_from=period[0],
                            valid_to=period[1],
                            position=position,
                            name=name,
                            mandatory=mandatory,
                            unsure=unsure,
                            citation=citation,
                        )
                    )
    ChecklistItem.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    apps.get_model("proposals", "ChecklistItem").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_rounds_proposals_dossiers"),
        ("catalog", "0005_alter_historicalawardtype_history_change_reason_and_more"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
