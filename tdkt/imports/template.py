"""The template workbook officers fill in: instructions, data sheets, lists of allowed values.

Generated on request from ``workbook.SHEETS``, so it always matches what the importer reads.
"""

import datetime as dt
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from tdkt.imports.workbook import (
    ABSENCES,
    AWARDS,
    CHOICE,
    DATE,
    DISCIPLINES,
    EXAMPLE_CODE,
    FREEZES,
    PEOPLE,
    RATINGS,
    SHEETS,
    YEAR,
    SheetSpec,
)

INSTRUCTIONS_SHEET = "HuongDan"
LISTS_SHEET = "DanhMuc"
VALIDATED_ROWS = 20000
DATE_FORMAT = "DD/MM/YYYY"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
EXAMPLE_FONT = Font(italic=True, color="808080")

EXAMPLES = {
    PEOPLE.name: [
        EXAMPLE_CODE,
        "Nguyễn Văn An",
        "Nam",
        dt.date(1985, 3, 15),
        "Kiểm sát viên trung cấp",
        "Kiểm sát viên",
        "MA-DON-VI",
        dt.date(2008, 9, 1),
        dt.date(2020, 1, 1),
        None,
    ],
    RATINGS.name: [EXAMPLE_CODE, 2024, "Hoàn thành tốt nhiệm vụ"],
    ABSENCES.name: [EXAMPLE_CODE, "Nghỉ thai sản", dt.date(2024, 2, 1), dt.date(2024, 7, 31), ""],
    DISCIPLINES.name: [
        EXAMPLE_CODE,
        "Khiển trách",
        "12/QĐ-VKS",
        dt.date(2023, 5, 10),
        dt.date(2023, 5, 10),
        dt.date(2024, 5, 9),
        "Vi phạm quy chế nghiệp vụ",
    ],
    FREEZES.name: [EXAMPLE_CODE, "Đang xem xét kỷ luật", dt.date(2025, 3, 1), None, ""],
    AWARDS.name: [
        EXAMPLE_CODE,
        None,
        "CSTDCS",
        2023,
        "Theo công trạng và thành tích",
        "125/QĐ-VKS",
        dt.date(2023, 12, 20),
        "Nguyễn Văn Bình",
        "Viện trưởng VKSND tỉnh",
        None,
        "",
    ],
}

GENERAL_RULES = [
    gettext_lazy(
        "Tệp gồm các trang CanBo, XepLoai, NghiPhep, KyLuat, TamDung, KhenThuong; có thể chỉ giữ "
        "những trang cần nhập. Không đổi tên trang và dòng tiêu đề."
    ),
    gettext_lazy(
        "Tất cả hoặc không: nếu có bất kỳ lỗi nào, không dữ liệu nào được ghi; hệ thống liệt kê "
        "mọi lỗi theo trang, dòng và cột để sửa rồi tải lên lại."
    ),
    gettext_lazy(
        "Nhập lại cùng một tệp không làm thay đổi gì: cán bộ được nhận ra theo Mã cán bộ, xếp "
        "loại theo cán bộ và năm, khen thưởng theo đối tượng, mã danh hiệu, năm và số quyết định; "
        "dòng nghỉ, kỷ luật, tạm dừng trùng hoàn toàn với dữ liệu đã có thì được bỏ qua."
    ),
    gettext_lazy("Chỉ nhập được cho đơn vị và cán bộ thuộc phạm vi của bạn."),
    gettext_lazy("Ngày ghi dd/mm/yyyy (ví dụ 15/03/1985) hoặc dùng ô kiểu ngày của Excel."),
    gettext_lazy("Cột có danh mục nhận tên (có dấu hoặc không dấu, hoa thường tuỳ ý) hoặc mã."),
    gettext_lazy(
        "Dòng có Mã cán bộ VD-MAU là dòng ví dụ (chữ nghiêng) và luôn được bỏ qua khi nhập."
    ),
    gettext_lazy("Ô tiêu đề màu cam là cột bắt buộc."),
]


def template_workbook() -> bytes:
    """The template as .xlsx bytes: instructions first, then one sheet per data sheet."""
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    lists = _write_lists(workbook)
    for sheet in SHEETS:
        _write_data_sheet(workbook, sheet, lists)
    _write_instructions(instructions)
    workbook.move_sheet(LISTS_SHEET, offset=len(workbook.sheetnames))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_lists(workbook: Workbook) -> dict[type, str]:
    """A hidden sheet holding each coded list; returns the cell range of each list."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    ranges, position = {}, 0
    for spec in SHEETS:
        for column in spec.columns:
            if column.kind != CHOICE or column.choices in ranges:
                continue
            position += 1
            letter = get_column_letter(position)
            sheet.cell(row=1, column=position, value=column.header).font = BOLD
            labels = [str(label) for _code, label in column.choices.choices]
            for row, label in enumerate(labels, start=2):
                sheet.cell(row=row, column=position, value=label)
            last = len(labels) + 1
            ranges[column.choices] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${last}"
    return ranges


def _write_data_sheet(workbook: Workbook, spec: SheetSpec, lists: dict[type, str]) -> None:
    sheet = workbook.create_sheet(spec.name)
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = BOLD
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[letter].width = column.width
        rows = f"{letter}2:{letter}{VALIDATED_ROWS}"
        if column.kind == CHOICE:
            _add_list_validation(sheet, lists[column.choices], rows)
        elif column.kind == YEAR:
            _add_year_validation(sheet, rows)
    sheet.freeze_panes = "A2"
    _write_example(sheet, spec)


def _add_list_validation(sheet, source: str, rows: str) -> None:
    # A warning, not a stop: codes typed by hand (HTTNV, KSV_TC) are accepted by the importer.
    validation = DataValidation(
        type="list",
        formula1=f"={source}",
        allow_blank=True,
        errorStyle="warning",
        error=_("Giá trị không có trong danh mục."),
        errorTitle=_("Kiểm tra lại"),
    )
    validation.add(rows)
    sheet.add_data_validation(validation)


def _add_year_validation(sheet, rows: str) -> None:
    validation = DataValidation(
        type="whole",
        operator="between",
        formula1="2000",
        formula2="2100",
        allow_blank=True,
        error=_("Năm phải là số nguyên từ 2000."),
    )
    validation.add(rows)
    sheet.add_data_validation(validation)


def _write_example(sheet, spec: SheetSpec) -> None:
    for index, (column, value) in enumerate(zip(spec.columns, EXAMPLES[spec.name], strict=True), 1):
        cell = sheet.cell(row=2, column=index, value=value)
        cell.font = EXAMPLE_FONT
        if column.kind == DATE:
            cell.number_format = DATE_FORMAT
    sheet.cell(row=2, column=1).comment = Comment(
        _("Dòng ví dụ: được bỏ qua khi nhập. Ghi dữ liệu thật từ dòng 3 (hoặc ghi đè dòng này)."),
        "TĐKT",
    )


def _write_instructions(sheet) -> None:
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions["C"].width = 10
    sheet.column_dimensions["D"].width = 90
    sheet.append([_("MẪU NHẬP DỮ LIỆU CÁN BỘ VÀ KẾT QUẢ HẰNG NĂM")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for rule in GENERAL_RULES:
        sheet.append(["•", str(rule)])
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append([_("Trang"), _("Cột"), _("Bắt buộc"), _("Giá trị hợp lệ, ghi chú")])
    for cell in sheet[header_row]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for spec in SHEETS:
        sheet.append([spec.name, str(spec.title), "", str(spec.help)])
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
        for column in spec.columns:
            required = _("Có") if column.required else ""
            sheet.append(["", column.header, required, _column_help(column)])
    for row in sheet.iter_rows(min_row=header_row):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")


def _column_help(column) -> str:
    parts = [str(column.help)] if column.help else []
    if column.kind == CHOICE:
        parts.append("; ".join(f"{label} ({code})" for code, label in column.choices.choices))
    elif column.kind == DATE:
        parts.append(_("Ngày dd/mm/yyyy."))
    elif column.kind == YEAR:
        parts.append(_("Năm từ 2000 đến năm sau năm hiện tại."))
    if column.max_length:
        parts.append(_("Tối đa {n} ký tự.").format(n=column.max_length))
    return " ".join(parts)
