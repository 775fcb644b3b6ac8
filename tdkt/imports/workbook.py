"""The layout of the import workbook and the conversion of its cells into Python values.

One ``SheetSpec`` per data sheet lists its columns in order. The template, the importer and the
people export all read this module, so the three can never disagree on a header or a code.
Cells are converted leniently (codes or labels, with or without diacritics, Excel dates or
``dd/mm/yyyy`` text); every value that cannot be converted yields a ``CellError``.
"""

import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils.datetime import from_excel

from tdkt.catalog.models import CommendationKind
from tdkt.core.search import fold
from tdkt.people.models import (
    AbsenceReason,
    DisciplineLevel,
    FreezeReason,
    Gender,
    Position,
    Rank,
    TaskRating,
)

REQUIRED = "Thiếu giá trị bắt buộc."
BAD_DATE = "“{value}” không phải ngày hợp lệ (ghi dd/mm/yyyy hoặc dùng ô kiểu ngày của Excel)."
BAD_CHOICE = "“{value}” không có trong danh mục. Giá trị hợp lệ: {allowed}."
BAD_YEAR = "“{value}” không phải số năm hợp lệ."
BAD_TEXT = "“{value}” không phải văn bản hợp lệ."
TOO_LONG = "Dài quá {limit} ký tự."
MISSING_COLUMN = "Thiếu cột “{column}” ở dòng tiêu đề (dòng 1)."

EXAMPLE_CODE = "VD-MAU"
"""Rows whose person code is this value are the template's examples and are always skipped."""

HEADER_ROW = 1
FIRST_DATA_ROW = 2

TEXT, CODE, DATE, YEAR, CHOICE = "text", "code", "date", "year", "choice"


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a data sheet: its header, how its cells convert, and its help text."""

    key: str
    header: str
    kind: str = TEXT
    required: bool = False
    choices: type[models.TextChoices] | None = None
    max_length: int | None = None
    width: int = 18
    help: str = ""
    """Explanation for the instructions sheet (lazy Vietnamese text)."""


@dataclass(frozen=True)
class SheetSpec:
    """One data sheet: its name in the workbook, what it holds and its columns in order."""

    name: str
    title: str
    help: str
    columns: tuple[ColumnSpec, ...]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def column(self, key: str) -> ColumnSpec:
        return next(column for column in self.columns if column.key == key)


def _person_code() -> ColumnSpec:
    return ColumnSpec(
        "person_code",
        "Mã cán bộ",
        CODE,
        required=True,
        max_length=20,
        width=14,
        help=gettext_lazy("Mã cán bộ ổn định, dùng để nhận ra cán bộ khi nhập lại."),
    )


PEOPLE = SheetSpec(
    "CanBo",
    gettext_lazy("Cán bộ"),
    gettext_lazy(
        "Mỗi dòng là một cán bộ. Cán bộ đã có (cùng Mã cán bộ) được cập nhật những trường "
        "thay đổi; cán bộ chưa có được thêm mới."
    ),
    (
        _person_code(),
        ColumnSpec("full_name", "Họ và tên", TEXT, required=True, max_length=120, width=28),
        ColumnSpec("gender", "Giới tính", CHOICE, required=True, choices=Gender, width=10),
        ColumnSpec("date_of_birth", "Ngày sinh", DATE, required=True, width=13),
        ColumnSpec("rank", "Ngạch", CHOICE, choices=Rank, width=26),
        ColumnSpec("position", "Chức vụ", CHOICE, choices=Position, width=22),
        ColumnSpec("unit_code", "Mã đơn vị", CODE, required=True, max_length=40, width=16),
        ColumnSpec(
            "recruitment_date",
            "Ngày tuyển dụng",
            DATE,
            required=True,
            width=15,
            help=gettext_lazy("Sau ngày sinh ít nhất 18 năm."),
        ),
        ColumnSpec(
            "unit_start",
            "Ngày bắt đầu tại đơn vị",
            DATE,
            width=15,
            help=gettext_lazy(
                "Bỏ trống: ngày tuyển dụng (cán bộ mới) hoặc giữ nguyên (cùng đơn vị). "
                "Bắt buộc khi cán bộ chuyển sang đơn vị khác."
            ),
        ),
        ColumnSpec(
            "leaving_date",
            "Ngày thôi công tác",
            DATE,
            width=15,
            help=gettext_lazy("Bỏ trống nếu còn công tác."),
        ),
    ),
)

RATINGS = SheetSpec(
    "XepLoai",
    gettext_lazy("Xếp loại hằng năm"),
    gettext_lazy(
        "Mỗi dòng là xếp loại mức độ hoàn thành nhiệm vụ của một cán bộ trong một năm. Nếu đã có "
        "xếp loại của năm đó, giá trị trong tệp thay thế giá trị cũ."
    ),
    (
        _person_code(),
        ColumnSpec("year", "Năm", YEAR, required=True, width=8),
        ColumnSpec("rating", "Xếp loại", CHOICE, required=True, choices=TaskRating, width=30),
    ),
)

ABSENCES = SheetSpec(
    "NghiPhep",
    gettext_lazy("Thời gian nghỉ"),
    gettext_lazy(
        "Mỗi dòng là một khoảng thời gian nghỉ. Dòng trùng hoàn toàn với dữ liệu đã có được bỏ qua."
    ),
    (
        _person_code(),
        ColumnSpec("reason", "Lý do", CHOICE, required=True, choices=AbsenceReason, width=26),
        ColumnSpec("start", "Từ ngày", DATE, required=True, width=13),
        ColumnSpec("end", "Đến ngày", DATE, required=True, width=13),
        ColumnSpec("note", "Ghi chú", TEXT, max_length=255, width=30),
    ),
)

DISCIPLINES = SheetSpec(
    "KyLuat",
    gettext_lazy("Kỷ luật"),
    gettext_lazy(
        "Mỗi dòng là một quyết định kỷ luật. Dòng trùng hoàn toàn với dữ liệu đã có được bỏ qua."
    ),
    (
        _person_code(),
        ColumnSpec("level", "Hình thức", CHOICE, required=True, choices=DisciplineLevel, width=18),
        ColumnSpec("decision_number", "Số quyết định", TEXT, max_length=60, width=16),
        ColumnSpec("decided_on", "Ngày quyết định", DATE, required=True, width=15),
        ColumnSpec("start", "Từ ngày", DATE, required=True, width=13),
        ColumnSpec("end", "Đến ngày", DATE, required=True, width=13),
        ColumnSpec("reason", "Lý do", TEXT, max_length=255, width=30),
    ),
)

FREEZES = SheetSpec(
    "TamDung",
    gettext_lazy("Tạm dừng xét khen thưởng"),
    gettext_lazy(
        "Mỗi dòng là một khoảng thời gian không được xét khen thưởng (đang bị điều tra, thanh tra, "
        "xác minh khiếu nại, xem xét kỷ luật). Dòng trùng hoàn toàn với dữ liệu đã có được bỏ qua."
    ),
    (
        _person_code(),
        ColumnSpec("reason", "Lý do", CHOICE, required=True, choices=FreezeReason, width=30),
        ColumnSpec("start", "Từ ngày", DATE, required=True, width=13),
        ColumnSpec(
            "end", "Đến ngày", DATE, width=13, help=gettext_lazy("Bỏ trống nếu chưa kết thúc.")
        ),
        ColumnSpec("note", "Ghi chú", TEXT, max_length=255, width=30),
    ),
)

AWARDS = SheetSpec(
    "KhenThuong",
    gettext_lazy("Khen thưởng đã có quyết định"),
    gettext_lazy(
        "Mỗi dòng là một danh hiệu hoặc hình thức khen thưởng đã có quyết định, của một cán bộ "
        "(ghi Mã cán bộ) hoặc một tập thể (ghi Mã đơn vị), để đưa các năm trước vào sổ khen "
        "thưởng. Khen thưởng đã có (cùng đối tượng, mã danh hiệu, năm và số quyết định) được cập "
        "nhật những trường thay đổi; chưa có thì được thêm."
    ),
    (
        ColumnSpec(
            "person_code",
            "Mã cán bộ",
            CODE,
            max_length=20,
            width=14,
            help=gettext_lazy("Khen thưởng cá nhân. Ghi Mã cán bộ hoặc Mã đơn vị, không cả hai."),
        ),
        ColumnSpec(
            "unit_code",
            "Mã đơn vị",
            CODE,
            max_length=40,
            width=16,
            help=gettext_lazy("Khen thưởng tập thể: mã của đơn vị được khen."),
        ),
        ColumnSpec(
            "award_code",
            "Mã danh hiệu",
            CODE,
            required=True,
            max_length=20,
            width=14,
            help=gettext_lazy(
                "Mã trong Danh mục → Danh hiệu, hình thức khen thưởng (ví dụ LDTT, CSTDCS, "
                "CSTD_NGANH, BK_NGANH, TTLDTT, TTLDXS, CO_NGANH)."
            ),
        ),
        ColumnSpec("year", "Năm thành tích", YEAR, required=True, width=12),
        ColumnSpec(
            "kind",
            "Loại hình",
            CHOICE,
            choices=CommendationKind,
            width=26,
            help=gettext_lazy("Bỏ trống: theo công trạng và thành tích."),
        ),
        ColumnSpec(
            "decision_number", "Số quyết định", TEXT, required=True, max_length=60, width=18
        ),
        ColumnSpec(
            "decision_date",
            "Ngày quyết định",
            DATE,
            required=True,
            width=15,
            help=gettext_lazy("Không trước năm thành tích, không sau hôm nay."),
        ),
        ColumnSpec("signer", "Người ký", TEXT, max_length=120, width=24),
        ColumnSpec("authority", "Cơ quan quyết định", TEXT, max_length=200, width=30),
        ColumnSpec(
            "revoked_on",
            "Ngày hủy bỏ",
            DATE,
            width=14,
            help=gettext_lazy(
                "Chỉ ghi khi khen thưởng đã bị hủy bỏ: khen thưởng vẫn được lưu, đánh dấu đã hủy "
                "bỏ, và không được tính khi xét khen thưởng."
            ),
        ),
        ColumnSpec("revocation_reason", "Lý do hủy bỏ", TEXT, max_length=255, width=30),
    ),
)

SHEETS: tuple[SheetSpec, ...] = (PEOPLE, RATINGS, ABSENCES, DISCIPLINES, FREEZES, AWARDS)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}


@dataclass(frozen=True)
class CellError:
    """A problem found in one cell (``row`` as Excel numbers it; ``column`` is the header)."""

    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ParsedRow:
    """One data row: converted values by column key (``None`` for empty or invalid cells)."""

    sheet: str
    number: int
    values: dict[str, object] = field(default_factory=dict)
    valid: bool = True


def clean_text(value: object) -> str:
    """Text in Unicode NFC with single inner spaces, so "Nguyễn" typed two ways compares equal."""
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split())


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_code(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(value)


_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(value: object) -> dt.date | None:
    """A date from an Excel date cell, an Excel serial number or text such as ``15/03/1985``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return from_excel(value).date()
    if isinstance(value, str):
        text = value.strip()
        for pattern in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    return None


def parse_year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


@functools.cache
def choice_lookup(choices: type[models.TextChoices]) -> dict[str, str]:
    """Folded code and folded label → code (the lists are constants, so computed once)."""
    lookup = {}
    for code, label in choices.choices:
        lookup[fold(code)] = code
        lookup[fold(str(label))] = code
    return lookup


def _allowed(choices: type[models.TextChoices]) -> str:
    return "; ".join(f"{label} ({code})" for code, label in choices.choices)


def convert_cell(column: ColumnSpec, value: object) -> tuple[object, str | None]:
    """Convert one cell: ``(value, None)`` on success, ``(None, message)`` on failure."""
    if _is_blank(value):
        return None, (_(REQUIRED) if column.required else None)
    shown = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else clean_text(value)
    if column.kind == DATE:
        day = parse_date(value)
        return (day, None) if day else (None, _(BAD_DATE).format(value=shown))
    if column.kind == YEAR:
        year = parse_year(value)
        return (year, None) if year is not None else (None, _(BAD_YEAR).format(value=shown))
    if isinstance(value, dt.date | dt.time | bool):
        return None, _(BAD_TEXT).format(value=shown)
    if column.kind == CHOICE:
        code = choice_lookup(column.choices).get(fold(value))
        if code is None:
            return None, _(BAD_CHOICE).format(value=shown, allowed=_allowed(column.choices))
        return code, None
    text = _parse_code(value) if column.kind == CODE else clean_text(value)
    if column.max_length and len(text) > column.max_length:
        return None, _(TOO_LONG).format(limit=column.max_length)
    return text, None


def header_positions(
    sheet: SheetSpec, header_cells: Iterable[object]
) -> tuple[dict[str, int], list[CellError]]:
    """Map each column key to its position in the header row; report missing columns.

    Headers are matched ignoring case, diacritics, spaces and a trailing ``*``; extra columns
    (such as the unit name of an export) are ignored.
    """
    found = {}
    for index, cell in enumerate(header_cells):
        if cell is not None:
            found.setdefault(fold(cell).rstrip(" *"), index)
    positions, errors = {}, []
    for column in sheet.columns:
        index = found.get(fold(column.header))
        if index is None:
            message = _(MISSING_COLUMN).format(column=column.header)
            errors.append(CellError(sheet.name, HEADER_ROW, column.header, message))
        else:
            positions[column.key] = index
    return positions, errors


def parse_rows(
    sheet: SheetSpec, positions: dict[str, int], rows: Iterable[tuple], errors: list[CellError]
) -> Iterator[ParsedRow]:
    """Convert the data rows of a sheet, skipping blank rows and the template's example rows.

    Every conversion problem is appended to ``errors``; the row is still yielded (marked
    ``valid=False``) so that later checks such as duplicates see it.
    """
    for number, cells in enumerate(rows, start=FIRST_DATA_ROW):
        raw = {key: (cells[i] if i < len(cells) else None) for key, i in positions.items()}
        if all(_is_blank(value) for value in raw.values()):
            continue
        if (
            not _is_blank(raw.get("person_code"))
            and _parse_code(raw["person_code"]) == EXAMPLE_CODE
        ):
            continue
        row = ParsedRow(sheet.name, number)
        for column in sheet.columns:
            value, message = convert_cell(column, raw.get(column.key))
            row.values[column.key] = value
            if message:
                row.valid = False
                errors.append(CellError(sheet.name, number, column.header, message))
        yield row
