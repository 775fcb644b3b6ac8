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
    """The results as an .xlsx file with one sheet, rows streamed (openpyxl write-only mode)
    from one query whatever their number. ``names`` maps codes to the catalog's names."""
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
    rows = results.values_list(
        "subject_kind",
        "person__code",
        "person__full_name",
        "unit__code",
        "unit__full_name",
        "code",
        "outcome",
        "reasons",
        "next_step",
        "rule_id",
    )
    for number, row in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        sheet.append([_cell(sheet, value) for value in _row(number, row, names)])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value):
    """``value`` as given (empty text as an empty cell), except text starting with "=",
    which becomes a text cell rather than a formula (names and reasons come from user input)."""
    if not isinstance(value, str):
        return value
    if not value.startswith("="):
        return value or None
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _row(number: int, row: tuple, names: dict) -> list:
    kind, person_code, person_name, unit_code, unit_name, code, outcome, *rest = row
    if kind == SubjectKind.PERSON:
        subject = ("Cá nhân", person_code, person_name)
    else:
        subject = ("Tập thể", unit_code, unit_name)
    return [
        number,
        *subject,
        unit_name,
        names.get(code, code),
        OUTCOME_LABELS[Outcome(outcome)],
        *rest,
    ]
