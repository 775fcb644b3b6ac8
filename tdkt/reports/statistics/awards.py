"""Award figures of a scope: by code, level, kind, unit type, province, gender, rank and year,
with the award money. Three aggregate queries over the register plus two small reads (the
catalog and the branch units), whatever the period or the scope. Revoked awards never count;
how many were left out is reported."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from tdkt.awards.models import Award
from tdkt.catalog.models import STATE_LEVEL, AwardType, CommendationKind
from tdkt.org.models import TREE_ORDER, Unit, UnitType
from tdkt.people.models import Gender, Rank
from tdkt.reports.statistics.forms import LEVELS
from tdkt.reports.statistics.scope import StatisticsScope
from tdkt.reports.statistics.tables import AWARDS, Row, Table, chart, count, share

STANDING = Q(revoked=False)
STATE = STATE_LEVEL
"""Statistics level of state awards (the catalog marks the President's awards 3)."""
LEVEL_NAMES = dict(LEVELS)


def awards_in(scope: StatisticsScope):
    """Every award (revoked ones too) held in the scope during its years."""
    return Award.objects.filter(
        scope.within("holder_unit"), year__gte=scope.year_from, year__lte=scope.year_to
    )


@dataclass(frozen=True)
class CodeYear:
    """Standing awards of one code, kind and year, with their money."""

    year: int
    code: str
    kind: str
    count: int
    persons: int
    money: Decimal
    priced: int
    revoked: int


@dataclass(frozen=True)
class AwardFigures:
    """The register of a scope read in one aggregate query: per year, code and kind
    (``code_years``) and, for individual awards, per year, gender and rank (``people``)."""

    code_years: list[CodeYear]
    people: list[tuple[int, str, str, int]]


def award_figures(scope: StatisticsScope, types: dict[str, dict]) -> AwardFigures:
    """One aggregate query grouped by year, code, kind and the holder's gender and rank (one
    scan of the register whatever the period; the groups number a few thousand at most)."""
    rows = (
        awards_in(scope)
        .values("year", "award_type_id", "kind", "person__gender", "person__rank")
        .annotate(
            n=Count("id", filter=STANDING),
            money_sum=Sum("money", filter=STANDING),
            priced=Count("money", filter=STANDING),
            revoked=Count("id", filter=Q(revoked=True)),
        )
        .order_by()
    )
    codes = {t["id"]: code for code, t in types.items()}
    merged: dict[tuple, list] = {}
    people = []
    for r in rows:
        key = (r["year"], codes[r["award_type_id"]], r["kind"])
        entry = merged.setdefault(key, [0, 0, Decimal(0), 0, 0])
        is_person = r["person__gender"] is not None
        entry[0] += r["n"]
        entry[1] += r["n"] if is_person else 0
        entry[2] += r["money_sum"] or Decimal(0)
        entry[3] += r["priced"]
        entry[4] += r["revoked"]
        if is_person and r["n"]:
            people.append((r["year"], r["person__gender"], r["person__rank"], r["n"]))
    return AwardFigures([CodeYear(*key, *values) for key, values in merged.items()], people)


def catalog() -> dict[str, dict]:
    """The award types by code (name, level, order), in one query. ``level`` is grouped as
    the statistics show it: 0 unit, 1 sector, 2 state (the catalog's 2, Prime Minister, and 3,
    President)."""
    types = AwardType.objects.values("id", "code", "name", "level", "sort_order", "subject")
    return {t["code"]: {**t, "level": min(t["level"], STATE)} for t in types}


def _sum(rows, key) -> dict:
    totals: dict = defaultdict(lambda: [0, 0, Decimal(0), 0])
    for r in rows:
        t = totals[key(r)]
        t[0] += r.count
        t[1] += r.persons
        t[2] += r.money
        t[3] += r.priced
    return totals


def by_code(rows: list[CodeYear], types: dict) -> Table:
    totals = _sum(rows, lambda r: r.code)
    codes = sorted((c for c, t in totals.items() if t[0]), key=lambda c: types[c]["sort_order"])
    table_rows = [
        Row(
            types[c]["name"],
            [
                count(totals[c][0], code=c),
                count(totals[c][1], code=c, subject="P"),
                count(totals[c][0] - totals[c][1], code=c, subject="C"),
                count(totals[c][2], code=c, money="set"),
                count(totals[c][0] - totals[c][3], code=c, money="none"),
            ],
            key=c,
        )
        for c in codes
    ]
    n, persons, money, priced = (sum(totals[c][i] for c in codes) for i in range(4))
    total = Row(
        _("Tổng cộng"),
        [count(n), count(persons, subject="P"), count(n - persons, subject="C"),
         count(money, money="set"), count(n - priced, money="none")],
    )  # fmt: skip
    return Table(
        "by_code",
        _("Theo danh hiệu, hình thức khen thưởng"),
        [_("Tổng số"), _("Cá nhân"), _("Tập thể"), _("Tiền thưởng (đồng)"),
         _("Chưa có số tiền")],
        table_rows,
        AWARDS,
        note=_(
            "Tiền thưởng cộng từ số tiền ghi trên từng khen thưởng; khen thưởng nhập từ lịch sử "
            "thường chưa có số tiền và được đếm ở cột cuối."
        ),
        total=total,
        chart=chart(
            "bar",
            [c for c in codes],
            [{"label": _("Số khen thưởng"), "data": [totals[c][0] for c in codes]}],
            [{"code": c} for c in codes],
        ),
    )  # fmt: skip


def by_level(rows: list[CodeYear], types: dict) -> Table:
    totals = _sum(rows, lambda r: types[r.code]["level"])
    levels = [lv for lv in (2, 1, 0) if totals[lv][0]]
    return Table(
        "by_level",
        _("Theo cấp khen thưởng"),
        [_("Tổng số"), _("Cá nhân"), _("Tập thể")],
        [
            Row(
                str(LEVEL_NAMES[str(lv)]),
                [
                    count(totals[lv][0], level=lv),
                    count(totals[lv][1], level=lv, subject="P"),
                    count(totals[lv][0] - totals[lv][1], level=lv, subject="C"),
                ],
                key=str(lv),
            )  # fmt: skip
            for lv in levels
        ],
        AWARDS,
        note=_(
            "Cấp theo danh mục: Nhà nước (Chủ tịch nước, Thủ tướng), ngành (Viện trưởng "
            "VKSND tối cao), cơ sở (thủ trưởng đơn vị)."
        ),  # fmt: skip
        chart=chart(
            "doughnut",
            [str(LEVEL_NAMES[str(lv)]) for lv in levels],
            [{"label": _("Số khen thưởng"), "data": [totals[lv][0] for lv in levels]}],
            [{"level": str(lv)} for lv in levels],
        ),
    )


def by_kind(rows: list[CodeYear]) -> Table:
    totals = _sum(rows, lambda r: r.kind)
    kinds = [k for k in CommendationKind.values if totals[k][0]]
    names = dict(CommendationKind.choices)
    return Table(
        "by_kind",
        _("Theo loại hình khen thưởng"),
        [_("Tổng số"), _("Cá nhân"), _("Tập thể")],
        [
            Row(
                str(names[k]),
                [
                    count(totals[k][0], kind=k),
                    count(totals[k][1], kind=k, subject="P"),
                    count(totals[k][0] - totals[k][1], kind=k, subject="C"),
                ],
                key=k,
            )  # fmt: skip
            for k in kinds
        ],
        AWARDS,
    )


def by_year(rows: list[CodeYear], types: dict, years: list[int]) -> Table:
    totals = _sum(rows, lambda r: (r.year, types[r.code]["level"]))
    per_year = {y: sum(totals[(y, lv)][0] for lv in (0, 1, 2)) for y in years}
    table_rows = [
        Row(
            str(y),
            [count(per_year[y], year=y)]
            + [count(totals[(y, lv)][0], year=y, level=lv) for lv in (2, 1, 0)]
            + [count(sum(totals[(y, lv)][2] for lv in (0, 1, 2)), year=y, money="set")],
            key=str(y),
        )
        for y in years
    ]
    datasets = [{"label": _("Tổng số"), "data": [per_year[y] for y in years]}] + [
        {
            "label": str(LEVEL_NAMES[str(lv)]),
            "data": [totals[(y, lv)][0] for y in years],
            "filters": {"level": lv},
        }
        for lv in (2, 1, 0)
    ]
    return Table(
        "by_year",
        _("Xu hướng theo năm"),
        [_("Tổng số"), _("Cấp Nhà nước"), _("Cấp ngành"), _("Cấp cơ sở"),
         _("Tiền thưởng (đồng)")],
        table_rows,
        AWARDS,
        chart=chart("line", [str(y) for y in years], datasets, [{"year": str(y)} for y in years]),
    )  # fmt: skip


def unit_counts(scope: StatisticsScope) -> list[tuple[str, str, int]]:
    """Standing awards per holding unit (its type and path): one aggregate query on the
    holder column alone (the units in scope as a subquery, which SQLite answers from the
    index) and one read of those units."""
    held = Award.objects.filter(year__gte=scope.year_from, year__lte=scope.year_to, revoked=False)
    if not scope.whole_tree or scope.paths:
        held = held.filter(holder_unit__in=Unit.objects.filter(scope.within("")).values("pk"))
    counted = dict(held.values_list("holder_unit_id").annotate(n=Count("id")).order_by())
    units = Unit.objects.filter(pk__in=list(counted)).values_list("pk", "unit_type", "path")
    return [(unit_type, path, counted[pk]) for pk, unit_type, path in units]


def _branch_id(path: str) -> int:
    """The id of the unit right under the root on ``path`` (the province or equivalent), or
    the root itself."""
    parts = [p for p in path.split("/") if p]
    return int(parts[1] if len(parts) > 1 else parts[0])


def by_unit_type(units: list[tuple[str, str, int]]) -> Table:
    totals: dict[str, int] = defaultdict(int)
    for unit_type, _path, n in units:
        totals[unit_type] += n
    names = dict(UnitType.choices)
    ordered = sorted(totals, key=lambda t: TREE_ORDER.get(t, 99))
    return Table(
        "by_unit_type",
        _("Theo loại đơn vị (đơn vị khi khen thưởng)"),
        [_("Số khen thưởng")],
        [Row(str(names.get(t, t)), [count(totals[t], unit_type=t)], key=t) for t in ordered],
        AWARDS,
    )


def by_branch(units: list[tuple[str, str, int]]) -> Table:
    """Per province (or Supreme Procuracy unit, high or military procuracy): one more query
    for the names of those units."""
    totals: dict[int, int] = defaultdict(int)
    for _type, path, n in units:
        totals[_branch_id(path)] += n
    branches = Unit.objects.filter(pk__in=list(totals)).values(
        "pk", "short_name", "unit_type", "valid_to", "depth"
    )
    ordered = sorted(
        branches, key=lambda b: (b["depth"], TREE_ORDER.get(b["unit_type"], 99), b["short_name"])
    )

    def label(b):
        if b["valid_to"] is None:
            return b["short_name"]
        return _("%(name)s (đến %(day)s)") % {
            "name": b["short_name"], "day": b["valid_to"].strftime("%d/%m/%Y"),
        }  # fmt: skip

    rows = [Row(label(b), [count(totals[b["pk"]], branch=b["pk"])], str(b["pk"])) for b in ordered]
    return Table(
        "by_branch",
        _("Theo tỉnh, thành phố và đơn vị trực thuộc VKSND tối cao"),
        [_("Số khen thưởng")],
        rows,
        AWARDS,
        note=_(
            "Mỗi khen thưởng được tính cho tỉnh (hoặc đơn vị trực thuộc VKSND tối cao) của đơn "
            "vị khi khen thưởng; tỉnh đã hợp nhất từ 1/7/2025 được ghi kèm ngày kết thúc."
        ),
    )


def by_gender(people: list[tuple[int, str, str, int]]) -> Table:
    totals: dict[str, int] = defaultdict(int)
    for _year, gender, _rank, n in people:
        totals[gender] += n
    whole = sum(totals.values())
    rows = [
        Row(str(label), [count(totals[g], gender=g), count(share(totals[g], whole), gender=g)], g)
        for g, label in Gender.choices
    ]
    return Table(
        "by_gender",
        _("Khen thưởng cá nhân theo giới tính"),
        [_("Số khen thưởng"), _("Tỷ lệ (%)")],
        rows,
        AWARDS,
        total=Row(_("Tổng cộng"), [count(whole, subject="P"), count(100.0 if whole else None)]),
        chart=chart(
            "doughnut",
            [r.label for r in rows],
            [{"label": _("Số khen thưởng"), "data": [totals[g] for g, _l in Gender.choices]}],
            [{"gender": g} for g, _l in Gender.choices],
        ),
    )


def by_rank(people: list[tuple[int, str, str, int]]) -> Table:
    totals: dict[str, int] = defaultdict(int)
    for _year, _gender, rank, n in people:
        totals[rank or "-"] += n
    choices = [*Rank.choices, ("-", _("Chưa ghi ngạch"))]
    return Table(
        "by_rank",
        _("Khen thưởng cá nhân theo ngạch"),
        [_("Số khen thưởng")],
        [Row(str(label), [count(totals[r], rank=r)], r) for r, label in choices if totals[r]],
        AWARDS,
        note=_("Ngạch hiện tại (hoặc khi thôi công tác) của người được khen thưởng."),
    )


def women_share_by_year(people: list[tuple[int, str, str, int]]) -> dict[int, float | None]:
    """Percentage of individual awards held by women, per year."""
    women: dict[int, int] = defaultdict(int)
    whole: dict[int, int] = defaultdict(int)
    for year, gender, _rank, n in people:
        whole[year] += n
        if gender == Gender.FEMALE:
            women[year] += n
    return {year: share(women[year], whole[year]) for year in whole}
