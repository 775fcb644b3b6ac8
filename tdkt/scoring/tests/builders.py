"""Builders for the scoring tests: a published table, a cluster of three provinces."""

from decimal import Decimal

from tdkt.org.models import UnitType
from tdkt.scoring.models import CriterionKind
from tdkt.scoring.services import tables as table_services


def make_table(
    user=None,
    *,
    unit_type=UnitType.PROVINCIAL,
    year_from=2024,
    criteria=2,
    publish=True,
    evidence_on_first=False,
):
    """A table with one group of ``criteria`` standard criteria of 10 points, a bonus (max 2)
    and a deduction (max 3); bands at 90 % / 70 % / 0 of the standard maximum."""
    table = table_services.table_create(
        user=user,
        unit_type=unit_type,
        name=f"Bảng chấm điểm {year_from}",
        year_from=year_from,
        year_to=None,
        bonus_cap=Decimal("2"),
        deduction_cap=Decimal("3"),
        disagreement_share=Decimal("0.25"),
    )
    group = table_services.group_save(
        table=table, expected_version=None, code="I", title="Công tác chuyên môn"
    )
    for i in range(criteria):
        table_services.criterion_save(
            table=table, expected_version=None, group=group, code=str(i + 1),
            title=f"Tiêu chí {i + 1}", kind=CriterionKind.STANDARD, max_points=Decimal("10"),
            evidence_required=evidence_on_first and i == 0,
        )  # fmt: skip
    extra = table_services.group_save(
        table=table, expected_version=None, code="II", title="Điểm thưởng, điểm trừ"
    )
    table_services.criterion_save(
        table=table, expected_version=None, group=extra, code="B", title="Thưởng",
        kind=CriterionKind.BONUS, max_points=Decimal("2"),
    )  # fmt: skip
    table_services.criterion_save(
        table=table, expected_version=None, group=extra, code="T", title="Trừ",
        kind=CriterionKind.DEDUCTION, max_points=Decimal("3"),
    )  # fmt: skip
    top = Decimal(10 * criteria)
    table_services.bands_set(
        table=table,
        expected_version=None,
        bands=[("Xuất sắc", top * Decimal("0.9")), ("Khá", top * Decimal("0.7")), ("Yếu", 0)],
    )
    table.refresh_from_db()
    if publish:
        table_services.table_publish(table=table, expected_version=None, user=user)
    return table
