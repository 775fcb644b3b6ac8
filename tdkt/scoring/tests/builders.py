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


def make_cluster(org, *, year=2026, name="Cụm 1", third=None):
    """A cluster organised by the sector root: Hà Nội (head), Phú Thọ (deputy) and a third
    province created here (Nghệ An) unless given."""
    import datetime as dt

    from tdkt.emulation.models import Cluster, ClusterKind, ClusterMember, MemberRole
    from tdkt.org.models import Unit
    from tdkt.org.services import unit_create

    if third is None:
        third = Unit.objects.filter(code="T-NA").first() or unit_create(
            code="T-NA", short_name="VKSND tỉnh Nghệ An", full_name="VKSND tỉnh Nghệ An",
            unit_type=UnitType.PROVINCIAL, parent=org.root, valid_from=dt.date(2015, 1, 1),
        )  # fmt: skip
    cluster = Cluster.objects.create(
        year=year, kind=ClusterKind.CLUSTER, name=name, organiser=org.root
    )
    ClusterMember.objects.create(cluster=cluster, unit=org.hanoi, role=MemberRole.HEAD)
    ClusterMember.objects.create(cluster=cluster, unit=org.phu_tho, role=MemberRole.DEPUTY)
    ClusterMember.objects.create(cluster=cluster, unit=third, role=MemberRole.MEMBER)
    return cluster, third


def score_all(scorecard, user, value=Decimal("8"), bonus=Decimal("0"), deduction=Decimal("0")):
    """Give every standard criterion ``value`` points, plus a bonus and a deduction."""
    from tdkt.scoring.services import cards

    points = {}
    for criterion in scorecard.table.criteria.all():
        points[criterion.pk] = {
            CriterionKind.STANDARD: value,
            CriterionKind.BONUS: bonus,
            CriterionKind.DEDUCTION: -deduction,
        }[criterion.kind]
    scorecard.refresh_from_db()
    return cards.scorecard_save(
        scorecard=scorecard, expected_version=scorecard.version, user=user, points=points
    )
