"""Import of professional indicators (Excel .xlsx or CSV) and their use in scorecards.

The file has one row per unit, year and indicator with the columns "Mã đơn vị", "Năm",
"Mã chỉ tiêu", "Giá trị" (in any order, headers matched without diacritics). The import is
all or nothing: any bad row (reported by row and column) and nothing is saved. Accepted values
replace earlier ones for the same unit, year and indicator, and refresh the computed points of
the draft scorecards they concern; submitted scorecards never change.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError
from tdkt.core.search import fold
from tdkt.org.models import Unit
from tdkt.scoring.models import IndicatorValue, Scorecard, ScorecardStatus, ScoreEntry

MAX_ROWS = 20_000
MAX_BYTES = 5 * 1024 * 1024
COLUMNS = {"unit": "Mã đơn vị", "year": "Năm", "code": "Mã chỉ tiêu", "value": "Giá trị"}
CODE_PATTERN = re.compile(r"^[A-Z0-9_]{1,40}$")

FILE_UNREADABLE = "Không đọc được tệp: hãy dùng Excel (.xlsx) hoặc CSV (UTF-8) theo tệp mẫu."
FILE_TOO_LARGE = "Tệp lớn hơn 5 MB."
TOO_MANY_ROWS = "Tệp có hơn 20.000 dòng; hãy chia nhỏ."
MISSING_COLUMNS = "Thiếu cột: %(columns)s."
EMPTY_FILE = "Tệp không có dòng dữ liệu nào."
UNIT_UNKNOWN = "Không có đơn vị mã “%(value)s” trong phạm vi của bạn."
YEAR_INVALID = "Năm phải là số nguyên từ 2000 đến 2100."
CODE_INVALID = "Mã chỉ tiêu chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới (tối đa 40 ký tự)."
VALUE_INVALID = "Giá trị phải là số (dùng dấu phẩy hoặc dấu chấm thập phân)."
DUPLICATE = "Trùng với dòng %(row)s (cùng đơn vị, năm và mã chỉ tiêu)."
NOTE = "Tính từ chỉ tiêu %(code)s = %(value)s"


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    errors: list[RowError]
    saved: int = 0
    refreshed: int = 0


def _rows_from_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _rows_from_csv(content: bytes) -> list[list]:
    text = content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def read_rows(upload) -> list[list]:
    """The rows of an uploaded CSV or XLSX, recognised by content, not by name."""
    if upload.size > MAX_BYTES:
        raise DomainError(_(FILE_TOO_LARGE), field="file")
    content = upload.read()
    try:
        if content.startswith(b"PK\x03\x04"):
            return _rows_from_xlsx(content)
        return _rows_from_csv(content)
    except Exception as error:  # any parser failure is the user's file, not a bug
        raise DomainError(_(FILE_UNREADABLE), field="file") from error


def _header(row: list) -> dict[str, int]:
    wanted = {fold(label): key for key, label in COLUMNS.items()}
    found = {}
    for index, cell in enumerate(row):
        key = wanted.get(fold(cell or ""))
        if key:
            found[key] = index
    return found


def _decimal(raw) -> Decimal | None:
    if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = str(raw or "").strip().replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < Decimal("1e10") else None


def _parse(rows: list[list], units: dict[str, Unit]) -> tuple[list[IndicatorValue], list]:
    header = _header(rows[0])
    missing = [COLUMNS[k] for k in COLUMNS if k not in header]
    if missing:
        raise DomainError(_(MISSING_COLUMNS) % {"columns": ", ".join(missing)}, field="file")
    values, errors, seen = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {k: row[i] if i < len(row) else None for k, i in header.items()}
        if all(v in (None, "") for v in cells.values()):
            continue
        unit = units.get(str(cells["unit"] or "").strip())
        if unit is None:
            message = _(UNIT_UNKNOWN) % {"value": cells["unit"] or ""}
            errors.append(RowError(number, COLUMNS["unit"], message))
        year = _decimal(cells["year"])
        if year is None or year != year.to_integral_value() or not 2000 <= year <= 2100:
            errors.append(RowError(number, COLUMNS["year"], _(YEAR_INVALID)))
            year = None
        code = str(cells["code"] or "").strip().upper()
        if not CODE_PATTERN.match(code):
            errors.append(RowError(number, COLUMNS["code"], _(CODE_INVALID)))
        value = _decimal(cells["value"])
        if value is None:
            errors.append(RowError(number, COLUMNS["value"], _(VALUE_INVALID)))
        if unit is None or year is None or value is None or not CODE_PATTERN.match(code):
            continue
        key = (unit.pk, int(year), code)
        if key in seen:
            message = _(DUPLICATE) % {"row": seen[key]}
            errors.append(RowError(number, COLUMNS["code"], message))
            continue
        seen[key] = number
        values.append(IndicatorValue(unit=unit, year=int(year), code=code, value=value))
    return values, errors


@transaction.atomic
def indicators_import(*, upload, user) -> ImportResult:
    """Validate every row, then save all values (or none) and refresh draft scorecards."""
    rows = read_rows(upload)
    if len(rows) > MAX_ROWS + 1:
        raise DomainError(_(TOO_MANY_ROWS), field="file")
    if len(rows) < 2:
        raise DomainError(_(EMPTY_FILE), field="file")
    codes = {str(r[i] or "").strip() for r in rows[1:] for i in range(len(r))}
    units = {u.code: u for u in Unit.objects.restrict(user, "import").filter(code__in=codes)}
    values, errors = _parse(rows, units)
    if errors:
        return ImportResult(errors=errors)
    if not values:
        raise DomainError(_(EMPTY_FILE), field="file")
    source = (getattr(upload, "name", "") or "")[:255]
    for item in values:
        item.source, item.imported_by = source, user
        IndicatorValue.objects.filter(unit=item.unit, year=item.year, code=item.code).delete()
    IndicatorValue.objects.bulk_create(values)
    refreshed = 0
    drafts = Scorecard.objects.filter(
        status=ScorecardStatus.DRAFT,
        unit__in={v.unit_id for v in values},
        cluster__year__in={v.year for v in values},
    ).select_related("cluster")
    for card in drafts:
        refreshed += apply_indicators(card)
    return ImportResult(errors=[], saved=len(values), refreshed=refreshed)


def indicator_points(scorecard) -> dict[int, tuple]:
    """Computed criteria of the scorecard's table that have a value for its unit and year:
    criterion id → (points, indicator value, criterion)."""
    criteria = [c for c in scorecard.table.criteria.all() if c.indicator_code]
    if not criteria:
        return {}
    found = dict(
        IndicatorValue.objects.filter(
            unit=scorecard.unit_id,
            year=scorecard.cluster.year,
            code__in={c.indicator_code for c in criteria},
        ).values_list("code", "value")
    )
    return {
        c.pk: (c.points_from(found[c.indicator_code]), found[c.indicator_code], c)
        for c in criteria
        if c.indicator_code in found
    }


def apply_indicators(scorecard) -> int:
    """Set the computed criteria's self points of a draft from the indicators; returns how
    many entries changed. The caller holds the transaction."""
    changed = 0
    existing = {e.criterion_id: e for e in scorecard.entries.all()}
    for criterion_id, (points, value, criterion) in indicator_points(scorecard).items():
        note = _(NOTE) % {"code": criterion.indicator_code, "value": value}
        entry = existing.get(criterion_id)
        if entry is None:
            ScoreEntry.objects.create(
                scorecard=scorecard, criterion_id=criterion_id, points=points, note=note
            )
            changed += 1
        elif entry.points != points or entry.note != note:
            entry.points, entry.note = points, note
            entry.save()
            changed += 1
    return changed
