"""Excel export of a sweep's results: one row per subject and code, as filtered on the page."""

from io import BytesIO

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tdkt.eligibility.models import SubjectKind, SweepJob, SweepResult
from tdkt.rules.verdicts import OUTCOME_LABELS, Outcome

SHEET = "KetQuaXet"
COLUMNS = (
    ("STT", 6),
    ("Đối tượng", 10),
    ("Mã", 14),
    ("Họ và tên / Tên tập thể", 34),
    ("Đơn vị", 40),
    ("Danh hiệu, hình thức", 36),
    ("Kết quả", 18),
    ("Lý do", 70),
    ("Bước tiếp theo", 40),
    ("Quy tắc áp dụng", 24),
)
HEADERS = tuple(header for header, _width in COLUMNS)
CHUNK = 2000


def results_workbook(*, job: SweepJob, results: QuerySet[SweepResult], names: dict) -> bytes:
    """The results as an .xlsx file with one sheet, rows streamed (openpyxl write-only mode);
    the query count does not depend on the number of rows. ``names`` maps codes to the
    catalog's names."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET)
    for index, (_header, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for number, result in enumerate(results.iterator(chunk_size=CHUNK), start=1):
        sheet.append([_cell(sheet, value) for value in _row(number, result, names)])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value) -> WriteOnlyCell:
    """A cell holding ``value`` as given: text that starts with "=" stays text, never a
    formula (names and reasons come from user input)."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _row(number: int, result: SweepResult, names: dict) -> list:
    if result.subject_kind == SubjectKind.PERSON:
        kind, code, name = "Cá nhân", result.person.code, result.person.full_name
    else:
        kind, code, name = "Tập thể", result.unit.code, result.unit.full_name
    return [
        number,
        kind,
        code,
        name,
        result.unit.full_name,
        names.get(result.code, result.code),
        OUTCOME_LABELS[Outcome(result.outcome)],
        result.reasons,
        result.next_step,
        result.rule_id,
    ]
