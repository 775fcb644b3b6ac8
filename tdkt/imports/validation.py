"""Checks across rows and against the register, run before anything is written.

``load_context`` fetches, in a fixed number of queries per 500 codes, every unit and person the
file names together with what the importing user may reach. ``check_rows`` then reports every
problem of every row; the importer writes nothing unless it reports none.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import IMPORT
from tdkt.core.dates import adult_on
from tdkt.imports.workbook import (
    ABSENCES,
    DISCIPLINES,
    FREEZES,
    PEOPLE,
    RATINGS,
    SHEETS,
    CellError,
    ParsedRow,
    SheetSpec,
)
from tdkt.org.models import RECORDS_START, Unit
from tdkt.people.models import Assignment, Person

DUPLICATE_PERSON = "Mã cán bộ “{code}” đã có ở dòng {first_row} của trang này."
DUPLICATE_RATING = "Xếp loại năm {year} của cán bộ “{code}” đã có ở dòng {first_row}."
DUPLICATE_FACT = "Dòng này trùng hoàn toàn với dòng {first_row}."
UNIT_UNKNOWN = "Không có đơn vị nào mang mã “{code}”."
UNIT_NOT_VALID = "Đơn vị “{code}” không có hiệu lực vào ngày {day} (ngày bắt đầu tại đơn vị)."
UNIT_OUT_OF_SCOPE = "Đơn vị “{code}” nằm ngoài phạm vi bạn được nhập dữ liệu."
PERSON_OUT_OF_SCOPE = (
    "Cán bộ “{code}” đang thuộc đơn vị ngoài phạm vi bạn được nhập dữ liệu; không sửa được."
)
PERSON_UNKNOWN = (
    "Mã cán bộ “{code}” không có trong trang CanBo của tệp và không thuộc phạm vi bạn được "
    "nhập dữ liệu."
)
YEAR_OUT_OF_RANGE = "Năm {year} nằm ngoài khoảng {low}–{high}."
DATE_ORDER = "“{column}” ({value}) không được trước “{other}” ({other_value})."
RECRUITED_UNDER_18 = "Ngày tuyển dụng ({value}) phải sau ngày sinh ({born}) ít nhất 18 năm."
START_REQUIRED_ON_TRANSFER = (
    "Cán bộ chuyển từ đơn vị “{old}” sang “{new}”: phải ghi Ngày bắt đầu tại đơn vị mới."
)
TRANSFER_TOO_EARLY = (
    "Ngày bắt đầu tại đơn vị mới ({day}) phải sau ngày bắt đầu tại đơn vị hiện tại "
    "“{old}” ({old_start})."
)
NO_SHEETS = "Tệp không có trang nào theo mẫu (CanBo, XepLoai, NghiPhep, KyLuat, TamDung)."
NO_ROWS = "Tệp không có dòng dữ liệu nào."

FIRST_YEAR = 2000
CHUNK = 500


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    batch = list(items)
    for start in range(0, len(batch), size):
        yield batch[start : start + size]


@dataclass
class ImportContext:
    """What the register already holds about the codes in the file, and the user's reach."""

    units: dict[str, Unit] = field(default_factory=dict)
    unit_ids_in_scope: set[int] = field(default_factory=set)
    persons: dict[str, Person] = field(default_factory=dict)
    person_ids_in_scope: set[int] = field(default_factory=set)
    current_assignments: dict[int, Assignment] = field(default_factory=dict)
    """The latest assignment (by start) of each existing person named in the file."""


def _codes(rows: Iterable[ParsedRow], key: str) -> set[str]:
    return {row.values[key] for row in rows if row.values.get(key)}


def load_context(*, user, sheets: dict[str, list[ParsedRow]]) -> ImportContext:
    """Fetch the units and persons the file names, and which of them ``user`` may import into."""
    ctx = ImportContext()
    for codes in chunks(_codes(sheets.get(PEOPLE.name, []), "unit_code")):
        ctx.units.update({unit.code: unit for unit in Unit.objects.filter(code__in=codes)})
    for ids in chunks(unit.pk for unit in ctx.units.values()):
        ctx.unit_ids_in_scope.update(
            Unit.objects.restrict(user, IMPORT).filter(pk__in=ids).values_list("pk", flat=True)
        )
    person_codes = set().union(*(_codes(rows, "person_code") for rows in sheets.values()))
    for codes in chunks(person_codes):
        ctx.persons.update({p.code: p for p in Person.objects.filter(code__in=codes)})
    person_ids = [person.pk for person in ctx.persons.values()]
    for ids in chunks(person_ids):
        ctx.person_ids_in_scope.update(
            Person.objects.restrict(user, IMPORT).filter(pk__in=ids).values_list("pk", flat=True)
        )
        latest = Assignment.objects.filter(person_id__in=ids).select_related("unit")
        for assignment in latest.order_by("person_id", "start", "pk"):
            ctx.current_assignments[assignment.person_id] = assignment
    return ctx


@dataclass(frozen=True)
class UnitStart:
    """Where a person of the CanBo sheet starts: ``day`` is None when it cannot be decided."""

    day: dt.date | None
    transfer_from: Assignment | None


def unit_start(values: dict, unit: Unit, current: Assignment | None) -> UnitStart:
    """The start at ``unit`` a CanBo row means, and the assignment it ends if it is a transfer.

    An empty start keeps the current assignment's start in the same unit and means the
    recruitment date for someone without assignments; a transfer must give its start.
    """
    given = values.get("unit_start")
    if current is None:
        return UnitStart(given or values.get("recruitment_date"), None)
    if current.unit_id == unit.pk:
        return UnitStart(given or current.start, None)
    return UnitStart(given, current)


def _fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


class RowChecker:
    """Collects the errors of one sheet's rows, each naming the sheet, row and column."""

    def __init__(self, sheet: SheetSpec, errors: list[CellError]):
        self.sheet = sheet
        self.errors = errors

    def add(self, row: ParsedRow, key: str, message: str) -> None:
        header = self.sheet.column(key).header
        self.errors.append(CellError(self.sheet.name, row.number, header, message))
        row.valid = False

    def order(self, row: ParsedRow, earlier: str, later: str) -> None:
        """Report when the date in ``later`` comes before the date in ``earlier``."""
        first, second = row.values.get(earlier), row.values.get(later)
        if first is None or second is None or second >= first:
            return
        message = _(DATE_ORDER).format(
            column=self.sheet.column(later).header,
            value=_fmt(second),
            other=self.sheet.column(earlier).header,
            other_value=_fmt(first),
        )
        self.add(row, later, message)

    def duplicate(self, row: ParsedRow, seen: dict, key: tuple, message: str, **fmt) -> None:
        """Report ``row`` if ``key`` was seen on an earlier row of the sheet."""
        if None in key[:1]:
            return
        if key in seen:
            self.add(row, "person_code", _(message).format(first_row=seen[key], **fmt))
        else:
            seen[key] = row.number


def check_people(rows: list[ParsedRow], ctx: ImportContext, errors: list[CellError]) -> None:
    checker = RowChecker(PEOPLE, errors)
    seen: dict = {}
    for row in rows:
        code = row.values["person_code"]
        checker.duplicate(row, seen, (code,), DUPLICATE_PERSON, code=code)
        person = ctx.persons.get(code)
        if person is not None and person.pk not in ctx.person_ids_in_scope:
            checker.add(row, "person_code", _(PERSON_OUT_OF_SCOPE).format(code=code))
        _check_adult_at_recruitment(checker, row)
        checker.order(row, "recruitment_date", "unit_start")
        checker.order(row, "recruitment_date", "leaving_date")
        checker.order(row, "unit_start", "leaving_date")
        _check_unit(checker, row, ctx, person)


def _check_adult_at_recruitment(checker: RowChecker, row: ParsedRow) -> None:
    """Same rule as the people pages: recruited at 18 or later."""
    born, recruited = row.values.get("date_of_birth"), row.values.get("recruitment_date")
    if born is None or recruited is None or recruited >= adult_on(born):
        return
    message = _(RECRUITED_UNDER_18).format(value=_fmt(recruited), born=_fmt(born))
    checker.add(row, "recruitment_date", message)


def _check_unit(checker: RowChecker, row: ParsedRow, ctx: ImportContext, person) -> None:
    code = row.values["unit_code"]
    if code is None:
        return
    unit = ctx.units.get(code)
    if unit is None:
        checker.add(row, "unit_code", _(UNIT_UNKNOWN).format(code=code))
        return
    if unit.pk not in ctx.unit_ids_in_scope:
        checker.add(row, "unit_code", _(UNIT_OUT_OF_SCOPE).format(code=code))
    current = ctx.current_assignments.get(person.pk) if person else None
    start = unit_start(row.values, unit, current)
    old = start.transfer_from
    if old is not None and start.day is None:
        message = _(START_REQUIRED_ON_TRANSFER).format(old=old.unit.code, new=code)
        checker.add(row, "unit_start", message)
    elif old is not None and start.day <= old.start:
        message = _(TRANSFER_TOO_EARLY).format(
            day=_fmt(start.day), old=old.unit.code, old_start=_fmt(old.start)
        )
        checker.add(row, "unit_start", message)
    if start.day is not None and not unit_existed_on(unit, start.day):
        checker.add(row, "unit_code", _(UNIT_NOT_VALID).format(code=code, day=_fmt(start.day)))


def unit_existed_on(unit: Unit, day: dt.date) -> bool:
    """Whether ``unit`` existed on ``day``.

    Units valid from ``RECORDS_START`` existed before the records begin, so an assignment that
    started earlier (a long-serving officer) is not an error.
    """
    started = unit.valid_from <= max(day, RECORDS_START)
    return started and (unit.valid_to is None or day <= unit.valid_to)


def known_person_codes(sheets: dict[str, list[ParsedRow]], ctx: ImportContext) -> set[str]:
    """Codes a fact row may name: any row of the CanBo sheet, or a person the user reaches."""
    in_scope = {code for code, p in ctx.persons.items() if p.pk in ctx.person_ids_in_scope}
    return in_scope | _codes(sheets.get(PEOPLE.name, []), "person_code")


def _check_person_known(checker: RowChecker, row: ParsedRow, known: set[str]) -> None:
    code = row.values["person_code"]
    if code is not None and code not in known:
        checker.add(row, "person_code", _(PERSON_UNKNOWN).format(code=code))


def check_ratings(rows: list[ParsedRow], known: set[str], errors: list[CellError]) -> None:
    checker = RowChecker(RATINGS, errors)
    seen: dict = {}
    high = timezone.localdate().year
    for row in rows:
        _check_person_known(checker, row, known)
        code, year = row.values["person_code"], row.values["year"]
        if year is None:
            continue
        if not FIRST_YEAR <= year <= high:
            message = _(YEAR_OUT_OF_RANGE).format(year=year, low=FIRST_YEAR, high=high)
            checker.add(row, "year", message)
        checker.duplicate(row, seen, (code, year), DUPLICATE_RATING, code=code, year=year)


def fact_key(sheet: SheetSpec, values: dict) -> tuple:
    """The whole row as a tuple: two rows of a fact sheet are the same fact if these are equal."""
    return tuple(values.get(column.key) or "" for column in sheet.columns)


def check_facts(
    sheet: SheetSpec, rows: list[ParsedRow], known: set[str], errors: list[CellError]
) -> None:
    checker = RowChecker(sheet, errors)
    seen: dict = {}
    for row in rows:
        _check_person_known(checker, row, known)
        checker.order(row, "start", "end")
        if row.valid:
            checker.duplicate(row, seen, fact_key(sheet, row.values), DUPLICATE_FACT)


def check_rows(
    *, sheets: dict[str, list[ParsedRow]], ctx: ImportContext, errors: list[CellError]
) -> None:
    """Append to ``errors`` every cross-row and register problem of the parsed sheets."""
    check_people(sheets.get(PEOPLE.name, []), ctx, errors)
    known = known_person_codes(sheets, ctx)
    check_ratings(sheets.get(RATINGS.name, []), known, errors)
    for sheet in (ABSENCES, DISCIPLINES, FREEZES):
        check_facts(sheet, sheets.get(sheet.name, []), known, errors)


def sort_errors(errors: list[CellError]) -> list[CellError]:
    """Errors in the order of the workbook: sheet, then row, then column."""
    sheet_order = {sheet.name: i for i, sheet in enumerate(SHEETS)}
    column_order = {
        (sheet.name, column.header): i for sheet in SHEETS for i, column in enumerate(sheet.columns)
    }
    return sorted(
        errors,
        key=lambda e: (
            sheet_order.get(e.sheet, 99),
            e.row,
            column_order.get((e.sheet, e.column), 99),
        ),
    )
