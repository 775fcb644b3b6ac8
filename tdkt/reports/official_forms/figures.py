"""The figures of the statistics forms, computed from the register for one year and one scope.

Every form costs a fixed number of queries whatever the number of rows it counts: the records
are fetched once as tuples and counted in Python. Cells the register cannot answer are listed
as *manual*: the workbook leaves them empty and shaded for the officer to fill in.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.awards.models import Award
from tdkt.catalog.models import CommendationKind
from tdkt.emulation.models import Movement, MovementKind
from tdkt.org.models import Unit, UnitType
from tdkt.people.models import Assignment, Gender, Position
from tdkt.reports.official_forms.layouts import FORMS, TOTAL, UNRECORDED_0602, FormLayout

TDKT_NAME = ("thi dua", "khen thuong")
"""A unit whose folded name holds both words is a TĐKT organisation (Vụ 16, Phòng TĐKT)."""


@dataclass(frozen=True)
class Scope:
    """The reporting unit and the subtrees its figures cover (its own and its predecessors')."""

    unit: Unit
    paths: tuple[str, ...]

    def q(self, unit_field: str) -> Q:
        prefix = f"{unit_field}__" if unit_field else ""
        q = Q(pk__in=[])
        for path in self.paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q


@dataclass
class Figures:
    """The cells of one form: ``values[(row_key, column_key)]`` and the cells left to fill in."""

    layout: FormLayout
    values: dict[tuple[str, str], int] = field(default_factory=dict)
    manual: set[tuple[str, str]] = field(default_factory=set)

    def add(self, row: str, column: str, amount: int = 1) -> None:
        self.values[(row, column)] = self.values.get((row, column), 0) + amount

    def mark_manual(self, *, rows: Iterable[str] = (), columns: Iterable[str] = ()) -> None:
        """Whole rows and whole columns the register cannot fill."""
        row_keys = [r.key for r in self.layout.rows if not r.section]
        column_keys = [c.key for c in self.layout.leaves()]
        for row in rows:
            self.manual.update((row, column) for column in column_keys)
        for column in columns:
            self.manual.update((row, column) for row in row_keys)

    def value(self, row: str, column: str) -> int | None:
        if (row, column) in self.manual:
            return None
        return self.values.get((row, column), 0)


def reference_day(year: int, today: dt.date) -> dt.date:
    """The day counts of staff and organisations refer to: 31 December, or today if earlier."""
    return min(dt.date(year, 12, 31), today)


# --- 0601: movements -------------------------------------------------------------------------


def _length_row(movement_kind: str, years: int) -> str:
    if years == 1:
        return "length_under_1" if movement_kind == MovementKind.THEMATIC else "length_1"
    if years < 3:
        return "length_1_3"
    if years < 5:
        return "length_3_5"
    return "length_5"


def form_0601(scope: Scope, year: int, today: dt.date) -> Figures:
    """Movements launched by a unit of the scope and running during ``year``: by the level of
    the launching unit (the sector's root, or any other unit), by length and by kind."""
    figures = Figures(FORMS["0601"])
    movements = (
        Movement.objects.filter(scope.q("launched_by"))
        .filter(start_year__lte=year, end_year__gte=year)
        .values_list("kind", "start_year", "end_year", "launched_by__unit_type")
    )
    for kind, start, end, launcher_type in movements:
        column = "sector" if launcher_type == UnitType.SUPREME else "unit"
        rows = (
            TOTAL,
            "scope_sector" if column == "sector" else "scope_unit",
            _length_row(kind, end - start + 1),
            "method_thematic" if kind == MovementKind.THEMATIC else "method_regular",
        )
        for row in rows:
            figures.add(row, column)
            figures.add(row, TOTAL)
    figures.mark_manual(rows=("scope_national", "scope_cluster"), columns=("central",))
    return figures


# --- 0602, 0603: awards ----------------------------------------------------------------------

LEADERS = {
    Position.VIEN_TRUONG,
    Position.PHO_VIEN_TRUONG,
    Position.THU_TRUONG,
    Position.PHO_THU_TRUONG,
    Position.TRUONG_PHONG,
    Position.PHO_TRUONG_PHONG,
}
HEADS = {
    Position.VIEN_TRUONG,
    Position.PHO_VIEN_TRUONG,
    Position.THU_TRUONG,
    Position.PHO_THU_TRUONG,
}
DEPARTMENT_LEVEL = {
    UnitType.SUPREME_UNIT,
    UnitType.HIGH,
    UnitType.PROVINCIAL,
    UnitType.MILITARY_CENTRAL,
}
KIND_ROWS = {
    CommendationKind.CONG_TRANG: "kind_regular",
    CommendationKind.CHUYEN_DE: "kind_thematic",
    CommendationKind.DOT_XUAT: "kind_adhoc",
    CommendationKind.DOI_NGOAI: "kind_foreign",
    CommendationKind.CONG_HIEN: "kind_career",
    CommendationKind.NIEN_HAN: "kind_seniority",
}


def leader_row(position: str, unit_type: str) -> str:
    """The row of an awarded person by the post held on the decision date (docs/official-forms.md):
    head or deputy of the Supreme Procuracy → ministry level; head or deputy of a Supreme
    Procuracy unit, a high, provincial or central military procuracy → department level; any
    other head or deputy, or head or deputy of a division → other leaders; everyone else →
    people working directly."""
    if position in HEADS and unit_type == UnitType.SUPREME:
        return "lead_ministry"
    if position in HEADS and unit_type in DEPARTMENT_LEVEL:
        return "lead_dept"
    if position in LEADERS:
        return "lead_other"
    return "worker"


def _posts_on_award_days(awards) -> dict[int, list[tuple]]:
    """Each awarded person's assignments as (start, end, position, unit type), one query."""
    person_ids = awards.filter(person__isnull=False).values("person_id")
    posts: dict[int, list[tuple]] = {}
    rows = Assignment.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "start", "end", "position", "unit__unit_type"
    )
    for person_id, start, end, position, unit_type in rows:
        posts.setdefault(person_id, []).append((start, end, position, unit_type))
    return posts


def _post_on(posts: list[tuple], day: dt.date, fallback: tuple[str, str]) -> tuple[str, str]:
    for start, end, position, unit_type in posts:
        if start <= day and (end is None or end >= day):
            return position, unit_type
    return fallback


def _award_form(code: str, scope: Scope, year: int) -> Figures:
    """Awards of the form's codes decided during ``year`` (decision date), held by a person or
    collective of the scope, revoked awards left out; by subject, post and kind."""
    layout = FORMS[code]
    figures = Figures(layout)
    columns = {leaf.key for leaf in layout.leaves()}
    codes = {key.split(":")[0] for key in columns if key != TOTAL}
    awards = Award.objects.filter(scope.q("holder_unit")).filter(
        revoked=False, decision_date__year=year, award_type__code__in=codes
    )
    posts = _posts_on_award_days(awards)
    rows = awards.values_list(
        "award_type__code",
        "person_id",
        "kind",
        "decision_date",
        "person__position",
        "person__unit__unit_type",
    )
    for award_code, person_id, kind, day, position, unit_type in rows:
        subject = "P" if person_id else "C"
        column = f"{award_code}:{subject}" if f"{award_code}:{subject}" in columns else award_code
        if column not in columns:
            continue
        touched = [TOTAL, KIND_ROWS.get(kind, "kind_regular")]
        if person_id:
            post = _post_on(posts.get(person_id, []), day, (position, unit_type))
            touched += ["individual", leader_row(*post)]
        else:
            touched.append("collective")
        for row in touched:
            figures.add(row, column)
            figures.add(row, TOTAL)
    for row in ("enterprise", "household", "business"):
        for column in columns:
            figures.values[(row, column)] = 0
    figures.mark_manual(rows=("kind_resistance",))
    return figures


def form_0602(scope: Scope, year: int, today: dt.date) -> Figures:
    """As 0603 for the state-level codes; the submitter rows as 1 (the sector) in each column
    with an award and 0 for provinces; the columns of awards the catalog has no type for
    (``UNRECORDED_0602``) left for manual entry."""
    figures = _award_form("0602", scope, year)
    for column in [leaf.key for leaf in figures.layout.leaves()]:
        figures.values[("submitter_ministry", column)] = int(figures.value(TOTAL, column) > 0)
        figures.values[("submitter_province", column)] = 0
    unrecorded = [
        leaf.key for leaf in figures.layout.leaves() if leaf.key.split(":")[0] in UNRECORDED_0602
    ]
    figures.mark_manual(columns=unrecorded)
    return figures


def form_0603(scope: Scope, year: int, today: dt.date) -> Figures:
    return _award_form("0603", scope, year)


# --- 0604, 0605: organisations and civil servants --------------------------------------------


def _tdkt_units(scope: Scope, day: dt.date):
    q = Q(search_text__contains=TDKT_NAME[0]) & Q(search_text__contains=TDKT_NAME[1])
    return Unit.objects.filter(scope.q("")).valid_on(day).filter(q)


def form_0604(scope: Scope, year: int, today: dt.date) -> Figures:
    """TĐKT organisations valid on the reference day: departments (Vụ) of the Supreme
    Procuracy and divisions (phòng) anywhere in the scope."""
    figures = Figures(FORMS["0604"])
    day = reference_day(year, today)
    for (unit_type,) in _tdkt_units(scope, day).values_list("unit_type"):
        row = "division" if unit_type == UnitType.DIVISION else "department"
        figures.add(row, TOTAL)
        figures.add(TOTAL, TOTAL)
    figures.values[("home_board", TOTAL)] = 0
    figures.values[("home_division", TOTAL)] = 0
    return figures


def age_row(born: dt.date, day: dt.date) -> str:
    """The age row of form 0605 for the age in whole years on ``day``."""
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    for limit, row in ((30, "age_30"), (40, "age_31_40"), (50, "age_41_50"), (55, "age_51_55")):
        if age <= limit:
            return row
    return "age_56_60" if age <= 60 else "age_over_60"


TRAINING_ROWS = (
    "training_elementary",
    "training_intermediate",
    "training_college",
    "training_university",
    "training_postgraduate",
)
TENURE_ROWS = ("tenure_under_5", "tenure_5_10", "tenure_10")


def form_0605(scope: Scope, year: int, today: dt.date) -> Figures:
    """TĐKT civil servants on the reference day, each person once, by age and gender: full-time
    ones (assigned to a TĐKT organisation of the scope) and part-time ones (persons whose
    account holds a TĐKT officer role at a unit of the scope), still working that day. The
    training level and the years in TĐKT work are not in the register: manual rows."""
    figures = Figures(FORMS["0605"])
    day = reference_day(year, today)
    on_day = Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))
    full_time = Assignment.objects.filter(on_day, unit__in=_tdkt_units(scope, day)).values(
        "person_id"
    )
    officers = RoleAssignment.objects.filter(
        scope.q("unit"),
        role__in=(Role.UNIT_OFFICER, Role.SECTOR_OFFICER),
        user__person__isnull=False,
    ).values("user__person_id")
    people = (
        Assignment.objects.filter(on_day)
        .filter(Q(person_id__in=full_time) | Q(person_id__in=officers))
        .filter(Q(person__leaving_date__isnull=True) | Q(person__leaving_date__gt=day))
        .order_by()  # the model's ordering would add columns to DISTINCT: one row per person
        .values_list("person_id", "person__gender", "person__date_of_birth")
        .distinct()
    )
    for _person_id, gender, born in people:
        for row in (TOTAL, age_row(born, day)):
            figures.add(row, TOTAL)
            if gender == Gender.FEMALE:
                figures.add(row, "women")
    figures.mark_manual(rows=(*TRAINING_ROWS, *TENURE_ROWS))
    return figures


COMPUTE = {
    "0601": form_0601,
    "0602": form_0602,
    "0603": form_0603,
    "0604": form_0604,
    "0605": form_0605,
}


def compute(code: str, *, scope: Scope, year: int, today: dt.date) -> Figures:
    return COMPUTE[code](scope, year, today)
