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
from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType, SubjectKind
from tdkt.core.dates import adult_on
from tdkt.imports.workbook import (
    ABSENCES,
    AWARDS,
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
NO_SHEETS = (
    "Tệp không có trang nào theo mẫu (CanBo, XepLoai, NghiPhep, KyLuat, TamDung, KhenThuong)."
)
NO_ROWS = "Tệp không có dòng dữ liệu nào."

AWARD_SUBJECT_MISSING = "Ghi Mã cán bộ (khen thưởng cá nhân) hoặc Mã đơn vị (khen thưởng tập thể)."
AWARD_SUBJECT_BOTH = "Chỉ ghi một trong hai: Mã cán bộ hoặc Mã đơn vị."
AWARD_TYPE_UNKNOWN = "Không có danh hiệu, hình thức nào mang mã “{code}” trong danh mục."
AWARD_FOR_PERSONS = "“{code}” là khen thưởng cá nhân: ghi Mã cán bộ, không ghi Mã đơn vị."
AWARD_FOR_UNITS = "“{code}” là khen thưởng tập thể: ghi Mã đơn vị, không ghi Mã cán bộ."
DECISION_BEFORE_YEAR = "Ngày quyết định ({day}) không thể trước năm thành tích {year}."
IN_THE_FUTURE = "“{column}” ({day}) là ngày trong tương lai."
REASON_WITHOUT_DATE = "Có lý do hủy bỏ nhưng thiếu Ngày hủy bỏ."
DUPLICATE_AWARD = (
    "Khen thưởng này (cùng đối tượng, mã danh hiệu, năm và số quyết định) đã có ở dòng {first_row}."
)

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
    award_types: dict[str, AwardType] = field(default_factory=dict)
    awards: dict[tuple, Award] = field(default_factory=dict)
    """Stored awards of the persons and units named in the award sheet, by ``award_key``."""


def _codes(rows: Iterable[ParsedRow], key: str) -> set[str]:
    return {row.values[key] for row in rows if row.values.get(key)}


def award_key(*, person_code, unit_code, award_code, year, decision_number) -> tuple:
    """What identifies an award across imports: subject, code, year and decision number."""
    return (person_code or "", unit_code or "", award_code, year, decision_number)


def load_context(*, user, sheets: dict[str, list[ParsedRow]]) -> ImportContext:
    """Fetch the units and persons the file names, and which of them ``user`` may import into,
    with the award types and the stored awards the award sheet may update."""
    ctx = ImportContext()
    award_rows = sheets.get(AWARDS.name, [])
    unit_codes = _codes(sheets.get(PEOPLE.name, []), "unit_code") | _codes(award_rows, "unit_code")
    for codes in chunks(unit_codes):
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
    if award_rows:
        _load_awards(ctx, award_rows)
    return ctx


def _load_awards(ctx: ImportContext, rows: list[ParsedRow]) -> None:
    ctx.award_types = {t.code: t for t in AwardType.objects.all()}
    person_codes = {person.pk: code for code, person in ctx.persons.items()}
    unit_codes = {unit.pk: code for code, unit in ctx.units.items()}
    stored = Award.objects.select_related("award_type")
    for ids in chunks(person_codes):
        for award in stored.filter(person_id__in=ids):
            ctx.awards[_stored_key(award, person_codes.get(award.person_id), None)] = award
    for ids in chunks(unit_codes):
        for award in stored.filter(unit_id__in=ids):
            ctx.awards[_stored_key(award, None, unit_codes.get(award.unit_id))] = award


def _stored_key(award: Award, person_code, unit_code) -> tuple:
    return award_key(
        person_code=person_code,
        unit_code=unit_code,
        award_code=award.award_type.code,
        year=award.year,
        decision_number=award.decision_number,
    )


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


def check_awards(
    rows: list[ParsedRow], ctx: ImportContext, known: set[str], errors: list[CellError]
) -> None:
    """Each award names one subject of the right kind, in the user's reach, a known award
    type, and dates that make sense; the same award is not listed twice."""
    checker = RowChecker(AWARDS, errors)
    seen: dict = {}
    today = timezone.localdate()
    for row in rows:
        values = row.values
        person_code, unit_code = values["person_code"], values["unit_code"]
        if person_code and unit_code:
            checker.add(row, "person_code", _(AWARD_SUBJECT_BOTH))
        elif not person_code and not unit_code:
            checker.add(row, "person_code", _(AWARD_SUBJECT_MISSING))
        elif person_code:
            _check_person_known(checker, row, known)
        else:
            _check_award_unit(checker, row, ctx, unit_code)
        _check_award_type(checker, row, ctx)
        _check_award_dates(checker, row, today)
        if row.valid:
            key = award_key(**{k: values[k] for k in AWARD_KEY_COLUMNS})
            if key in seen:
                message = _(DUPLICATE_AWARD).format(first_row=seen[key])
                checker.add(row, "decision_number", message)
            else:
                seen[key] = row.number


AWARD_KEY_COLUMNS = ("person_code", "unit_code", "award_code", "year", "decision_number")


def _check_award_unit(checker: RowChecker, row: ParsedRow, ctx: ImportContext, code) -> None:
    unit = ctx.units.get(code)
    if unit is None:
        checker.add(row, "unit_code", _(UNIT_UNKNOWN).format(code=code))
    elif unit.pk not in ctx.unit_ids_in_scope:
        checker.add(row, "unit_code", _(UNIT_OUT_OF_SCOPE).format(code=code))


def _check_award_type(checker: RowChecker, row: ParsedRow, ctx: ImportContext) -> None:
    code = row.values["award_code"]
    if code is None:
        return
    award_type = ctx.award_types.get(code) or ctx.award_types.get(code.upper())
    if award_type is None:
        checker.add(row, "award_code", _(AWARD_TYPE_UNKNOWN).format(code=code))
        return
    row.values["award_code"] = award_type.code
    if row.values["person_code"] and row.values["unit_code"]:
        return  # already reported: one subject only
    if award_type.subject == SubjectKind.PERSON and row.values["unit_code"]:
        checker.add(row, "award_code", _(AWARD_FOR_PERSONS).format(code=award_type.code))
    elif award_type.subject == SubjectKind.COLLECTIVE and row.values["person_code"]:
        checker.add(row, "award_code", _(AWARD_FOR_UNITS).format(code=award_type.code))


def _check_award_dates(checker: RowChecker, row: ParsedRow, today: dt.date) -> None:
    values = row.values
    year, decided = values["year"], values["decision_date"]
    if year is not None and not FIRST_YEAR <= year <= today.year:
        message = _(YEAR_OUT_OF_RANGE).format(year=year, low=FIRST_YEAR, high=today.year)
        checker.add(row, "year", message)
    if year is not None and decided is not None and decided.year < year:
        message = _(DECISION_BEFORE_YEAR).format(day=_fmt(decided), year=year)
        checker.add(row, "decision_date", message)
    for key in ("decision_date", "revoked_on"):
        day = values[key]
        if day is not None and day > today:
            column = AWARDS.column(key).header
            checker.add(row, key, _(IN_THE_FUTURE).format(column=column, day=_fmt(day)))
    checker.order(row, "decision_date", "revoked_on")
    if values["revocation_reason"] and values["revoked_on"] is None:
        checker.add(row, "revoked_on", _(REASON_WITHOUT_DATE))


def check_rows(
    *, sheets: dict[str, list[ParsedRow]], ctx: ImportContext, errors: list[CellError]
) -> None:
    """Append to ``errors`` every cross-row and register problem of the parsed sheets."""
    check_people(sheets.get(PEOPLE.name, []), ctx, errors)
    known = known_person_codes(sheets, ctx)
    check_ratings(sheets.get(RATINGS.name, []), known, errors)
    for sheet in (ABSENCES, DISCIPLINES, FREEZES):
        check_facts(sheet, sheets.get(sheet.name, []), known, errors)
    check_awards(sheets.get(AWARDS.name, []), ctx, known, errors)


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
