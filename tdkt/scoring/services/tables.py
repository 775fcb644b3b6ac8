"""Writes to scoring tables: build a draft, publish it (frozen), start a new version, copy last
year's table in one step."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.scoring.models import (
    Criterion,
    CriterionKind,
    ScoreBand,
    ScoringGroup,
    ScoringTable,
    TableStatus,
)

TABLE_FROZEN = "Bảng đã ban hành không sửa được; hãy tạo phiên bản mới."
YEARS_REVERSED = "Năm kết thúc phải bằng hoặc sau năm bắt đầu."
YEAR_OUT_OF_RANGE = "Năm phải nằm trong khoảng 2000–2100."
NAME_REQUIRED = "Hãy nhập tên."
MAX_NOT_POSITIVE = "Điểm tối đa phải lớn hơn 0."
CAP_NEGATIVE = "Mức tối đa của điểm thưởng, điểm trừ không được âm."
SHARE_OUT_OF_RANGE = "Ngưỡng chênh lệch phải từ 0 đến 1 (ví dụ 0,25 là 25% điểm tối đa)."
GROUP_OTHER_TABLE = "Nhóm được chọn không thuộc bảng này."
GROUP_CYCLE = "Một nhóm không thể nằm trong chính nó hoặc nhóm con của nó."
GROUP_NOT_EMPTY = "Nhóm còn tiêu chí hoặc nhóm con; hãy chuyển hoặc xóa chúng trước."
PUBLISH_EMPTY = "Bảng chưa có tiêu chí chấm điểm nào nên chưa ban hành được."
PUBLISH_NO_BANDS = "Bảng chưa có mức xếp loại nào nên chưa ban hành được."
NO_TABLE_LAST_YEAR = (
    "Không có bảng đã ban hành cho loại đơn vị này áp dụng năm %(year)s để sao chép."
)
TABLE_EXISTS_FOR_YEAR = "Đã có bảng dự thảo cho loại đơn vị này từ năm %(year)s: %(name)s."
TARGET_NOT_POSITIVE = "Giá trị chỉ tiêu đạt điểm tối đa phải lớn hơn 0."
TARGET_WITHOUT_CODE = "Hãy nhập mã chỉ tiêu nghiệp vụ khi đặt giá trị đạt điểm tối đa."
BAND_NEGATIVE = "Điểm của mức xếp loại không được âm."

DEFAULT_BANDS = (
    ("Xuất sắc", Decimal("0.90")),
    ("Tốt", Decimal("0.80")),
    ("Khá", Decimal("0.70")),
    ("Trung bình", Decimal("0.50")),
    ("Yếu", Decimal("0")),
)
"""Bands of a new table as shares of its standard maximum; the officer edits them as data."""


def _require_draft(table: ScoringTable) -> None:
    if table.is_published:
        raise DomainError(_(TABLE_FROZEN), code="frozen")


def _validate_years(year_from: int, year_to: int | None) -> None:
    for year in (year_from, year_to):
        if year is not None and not 2000 <= year <= 2100:
            raise DomainError(_(YEAR_OUT_OF_RANGE), field="year_from")
    if year_to is not None and year_to < year_from:
        raise DomainError(_(YEARS_REVERSED), field="year_to")


def _validate_table(table: ScoringTable) -> None:
    if not table.name.strip():
        raise DomainError(_(NAME_REQUIRED), field="name")
    _validate_years(table.year_from, table.year_to)
    if table.bonus_cap < 0 or table.deduction_cap < 0:
        raise DomainError(_(CAP_NEGATIVE), field="bonus_cap")
    if not Decimal(0) <= table.disagreement_share <= Decimal(1):
        raise DomainError(_(SHARE_OUT_OF_RANGE), field="disagreement_share")


TABLE_FIELDS = {
    "unit_type",
    "name",
    "year_from",
    "year_to",
    "basis",
    "bonus_cap",
    "deduction_cap",
    "disagreement_share",
}


def _next_edition(unit_type: str, year_from: int) -> int:
    top = ScoringTable.objects.filter(unit_type=unit_type, year_from=year_from).aggregate(
        top=Max("edition")
    )["top"]
    return (top or 0) + 1


@transaction.atomic
def table_create(*, user, **fields) -> ScoringTable:
    """A new, empty draft table; the builder then adds groups, criteria and bands."""
    table = ScoringTable(**{name: fields[name] for name in TABLE_FIELDS if name in fields})
    table.name = table.name.strip()
    _validate_table(table)
    table.edition = _next_edition(table.unit_type, table.year_from)
    table._change_reason = _("Tạo bảng mới")
    table.save()
    return table


@transaction.atomic
def table_update(*, table: ScoringTable, expected_version: int | None, **fields) -> ScoringTable:
    """Change a draft's own fields; refuses a published table and a stale edit."""
    unknown = set(fields) - TABLE_FIELDS
    if unknown:
        raise ValueError(f"table_update cannot change {sorted(unknown)}")
    _require_draft(table)
    for name, value in fields.items():
        setattr(table, name, value.strip() if isinstance(value, str) else value)
    _validate_table(table)
    table._change_reason = _("Sửa thông tin bảng")
    save_with_version(table, expected_version=expected_version)
    return table


def _touch(table: ScoringTable, expected_version: int | None, reason: str) -> None:
    """Every change to a draft's content bumps the table's version, so two officers building
    the same draft never overwrite each other's last view silently."""
    _require_draft(table)
    table._change_reason = reason
    save_with_version(table, expected_version=expected_version)


def _check_parent(table: ScoringTable, group: ScoringGroup | None, parent) -> None:
    if parent is None:
        return
    if parent.table_id != table.pk:
        raise DomainError(_(GROUP_OTHER_TABLE), field="parent")
    node = parent
    while node is not None and group is not None:
        if node.pk == group.pk:
            raise DomainError(_(GROUP_CYCLE), field="parent")
        node = node.parent


def _next_position(queryset) -> int:
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def group_save(
    *,
    table: ScoringTable,
    expected_version: int | None,
    code: str,
    title: str,
    parent: ScoringGroup | None = None,
    group: ScoringGroup | None = None,
) -> ScoringGroup:
    """Add a group (``group`` empty) or change one, in a draft table."""
    _touch(table, expected_version, _("Sửa nhóm tiêu chí"))
    if not title.strip() or not code.strip():
        raise DomainError(_(NAME_REQUIRED), field="title")
    _check_parent(table, group, parent)
    if group is None:
        group = ScoringGroup(table=table, position=_next_position(table.groups.all()))
    group.code, group.title, group.parent = code.strip(), title.strip(), parent
    group.save()
    return group


@transaction.atomic
def group_delete(*, group: ScoringGroup, expected_version: int | None) -> None:
    """Remove an empty group from a draft table."""
    _touch(group.table, expected_version, _("Xóa nhóm tiêu chí"))
    if group.criteria.exists() or group.subgroups.exists():
        raise DomainError(_(GROUP_NOT_EMPTY), code="group_not_empty")
    group.delete()


CRITERION_FIELDS = (
    "code",
    "title",
    "guidance",
    "kind",
    "max_points",
    "evidence_required",
    "indicator_code",
    "indicator_target",
)


@transaction.atomic
def criterion_save(
    *,
    table: ScoringTable,
    expected_version: int | None,
    group: ScoringGroup,
    criterion: Criterion | None = None,
    **fields,
) -> Criterion:
    """Add a criterion (``criterion`` empty) or change one, in a draft table."""
    _touch(table, expected_version, _("Sửa tiêu chí"))
    if group.table_id != table.pk:
        raise DomainError(_(GROUP_OTHER_TABLE), field="group")
    if not str(fields.get("title", "")).strip() or not str(fields.get("code", "")).strip():
        raise DomainError(_(NAME_REQUIRED), field="title")
    if fields.get("max_points") is None or fields["max_points"] <= 0:
        raise DomainError(_(MAX_NOT_POSITIVE), field="max_points")
    target = fields.get("indicator_target")
    if target is not None and target <= 0:
        raise DomainError(_(TARGET_NOT_POSITIVE), field="indicator_target")
    if target is not None and not str(fields.get("indicator_code") or "").strip():
        raise DomainError(_(TARGET_WITHOUT_CODE), field="indicator_code")
    if criterion is None:
        criterion = Criterion(table=table, position=_next_position(table.criteria.all()))
    for name in CRITERION_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(criterion, name, value.strip() if isinstance(value, str) else value)
    criterion.group = group
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, expected_version: int | None) -> None:
    _touch(criterion.table, expected_version, _("Xóa tiêu chí"))
    criterion.delete()


@transaction.atomic
def item_move(*, item, expected_version: int | None, direction: int) -> None:
    """Swap a group or criterion with its previous (-1) or next (+1) sibling."""
    table = item.table
    _touch(table, expected_version, _("Sắp xếp lại"))
    if isinstance(item, ScoringGroup):
        siblings = list(table.groups.filter(parent=item.parent_id))
    else:
        siblings = list(table.criteria.filter(group=item.group_id))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index + direction
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])


@transaction.atomic
def bands_set(
    *, table: ScoringTable, expected_version: int | None, bands: list[tuple[str, Decimal]]
) -> None:
    """Replace the classification bands of a draft with ``bands`` (name, from points)."""
    _touch(table, expected_version, _("Sửa mức xếp loại"))
    cleaned = []
    for name, minimum in bands:
        if not name.strip():
            raise DomainError(_(NAME_REQUIRED), field="bands")
        if minimum < 0:
            raise DomainError(_(BAND_NEGATIVE), field="bands")
        cleaned.append(ScoreBand(table=table, name=name.strip(), min_points=minimum))
    table.bands.all().delete()
    ScoreBand.objects.bulk_create(cleaned)


def standard_maximum(table: ScoringTable) -> Decimal:
    """The most a unit can score without bonus: the sum of the standard criteria's maxima."""
    total = Decimal(0)
    for criterion in table.criteria.all():
        if criterion.kind == CriterionKind.STANDARD:
            total += criterion.max_points
    return total


def default_bands(table: ScoringTable) -> list[tuple[str, Decimal]]:
    top = standard_maximum(table)
    return [(name, (top * share).quantize(Decimal("0.01"))) for name, share in DEFAULT_BANDS]


@transaction.atomic
def table_publish(*, table: ScoringTable, expected_version: int | None, user) -> ScoringTable:
    """Freeze a draft: from now on it can only be copied into a new version."""
    _require_draft(table)
    if not table.criteria.filter(kind=CriterionKind.STANDARD).exists():
        raise DomainError(_(PUBLISH_EMPTY), code="empty")
    if not table.bands.exists():
        raise DomainError(_(PUBLISH_NO_BANDS), code="no_bands")
    table.status = TableStatus.PUBLISHED
    table.published_at = timezone.now()
    table.published_by = user
    table._change_reason = _("Ban hành")
    save_with_version(table, expected_version=expected_version)
    return table


def _copy_content(source: ScoringTable, target: ScoringTable) -> None:
    group_map: dict[int, ScoringGroup] = {}
    groups = list(source.groups.order_by("parent_id", "position", "pk"))
    # parents first: a group's parent is copied before the group itself
    pending = [g for g in groups if g.parent_id is None]
    rest = [g for g in groups if g.parent_id is not None]
    while pending:
        for group in pending:
            group_map[group.pk] = ScoringGroup.objects.create(
                table=target,
                parent=group_map.get(group.parent_id),
                code=group.code,
                title=group.title,
                position=group.position,
            )
        pending = [g for g in rest if g.parent_id in group_map and g.pk not in group_map]
    Criterion.objects.bulk_create(
        Criterion(
            table=target,
            group=group_map[c.group_id],
            **{name: getattr(c, name) for name in (*CRITERION_FIELDS, "position")},
        )
        for c in source.criteria.all()
    )
    ScoreBand.objects.bulk_create(
        ScoreBand(table=target, name=b.name, min_points=b.min_points) for b in source.bands.all()
    )


@transaction.atomic
def table_new_version(*, table: ScoringTable, user) -> ScoringTable:
    """A draft copy of ``table`` for the same years with the next edition number; the original
    stays as it is for the scorecards already scored against it."""
    copy = ScoringTable(
        **{name: getattr(table, name) for name in TABLE_FIELDS},
        based_on=table,
        edition=_next_edition(table.unit_type, table.year_from),
    )
    copy._change_reason = _("Tạo phiên bản mới từ %(name)s") % {"name": str(table)}
    copy.save()
    _copy_content(table, copy)
    return copy


@transaction.atomic
def table_copy_last_year(*, unit_type: str, year: int, user) -> ScoringTable:
    """A draft for ``year`` copied from the table published for the previous year."""
    from tdkt.scoring.selectors import table_for

    _validate_years(year, None)
    source = table_for(unit_type=unit_type, year=year - 1)
    if source is None:
        raise DomainError(_(NO_TABLE_LAST_YEAR) % {"year": year - 1}, code="no_source")
    existing = ScoringTable.objects.filter(
        unit_type=unit_type, year_from=year, status=TableStatus.DRAFT
    ).first()
    if existing is not None:
        raise DomainError(
            _(TABLE_EXISTS_FOR_YEAR) % {"year": year, "name": existing.name}, code="exists"
        )
    name = source.name.replace(str(year - 1), str(year))
    copy = ScoringTable(
        **{n: getattr(source, n) for n in TABLE_FIELDS - {"name", "year_from", "year_to"}},
        name=name,
        year_from=year,
        year_to=None,
        based_on=source,
        edition=_next_edition(unit_type, year),
    )
    copy._change_reason = _("Sao chép từ bảng năm %(year)s") % {"year": year - 1}
    copy.save()
    _copy_content(source, copy)
    return copy
